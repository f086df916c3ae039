package io.accesslifecycle.tests.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.FastJobsServerConfig;
import io.accesslifecycle.tests.Jobs;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.Waits;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * 14 and 3 days before the end date the user and the administrators are reminded, each reminder exactly once
 * although the job runs every second here.
 */
@KeycloakIntegrationTest(config = FastJobsServerConfig.class)
class ExpiryRemindersArriveOnceTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void fourteenAndThreeDaysBeforeEachReminderArrivesOnce() {
        String end = Accounts.today().plusDays(14).toString();
        Accounts.create(realm, "reminded.contractor", end);

        MimeMessage first = Mail.await(mail, "reminded.contractor@example.org", "ends soon");
        assertTrue(Mail.text(first).contains("ends on " + end + " (in 14 days)"), Mail.text(first));
        Mail.await(mail, "en-admin@lifecycle.test", "Access of reminded.contractor");
        Jobs.ranTwiceMore(urls.getBase(), Jobs.EXPIRY, Jobs.OUTBOX);
        assertEquals(1, reminders().size(), "the 14-day reminder, once, although the job ran several times");

        timeOffSet.set(Accounts.secondsToNextDay() + 10 * 86_400 + 60);
        Waits.until("the 3-day reminder", () -> reminders().size() == 2);
        assertTrue(
                Mail.text(reminders().get(1)).contains("(in 3 days)"),
                Mail.text(reminders().get(1)));
        Jobs.ranTwiceMore(urls.getBase(), Jobs.EXPIRY, Jobs.OUTBOX);
        assertEquals(2, reminders().size(), "no more reminders");
        timeOffSet.set(0);
    }

    private List<MimeMessage> reminders() {
        return Mail.to(mail.getReceivedMessages(), "reminded.contractor@example.org").stream()
                .filter(m -> Mail.subject(m).contains("ends soon"))
                .toList();
    }
}
