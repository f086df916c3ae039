package io.accesslifecycle.tests.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.FastJobsServerConfig;
import io.accesslifecycle.tests.Jobs;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.Waits;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The realm forces a new password every 90 days; 14 days before that day the user gets one email with the date and
 * a link to the account page where the password can be changed now.
 */
@KeycloakIntegrationTest(config = FastJobsServerConfig.class)
class PasswordReminderArrivesBeforeTheForcedChangeTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/account/account-security/signing-in");

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void fourteenDaysBeforeTheNinetiethDayOneReminder() {
        Accounts.create(realm, "rotating.password", null);
        long created = System.currentTimeMillis();

        timeOffSet.set(75 * 86_400);
        Jobs.ranTwiceMore(urls.getBase(), Jobs.PASSWORD_REMINDERS, Jobs.OUTBOX);
        assertEquals(0, reminders().size(), "15 days before, nothing yet");

        timeOffSet.set(76 * 86_400 + 60);
        Waits.until("the reminder", () -> reminders().size() == 1);
        String text = Mail.text(reminders().get(0));
        String changeBy = java.time.Instant.ofEpochMilli(created + 90L * 86_400_000)
                .atZone(java.time.ZoneOffset.UTC)
                .toLocalDate()
                .toString();
        assertTrue(text.contains("must be changed by " + changeBy), text);
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), "a link to change it now: " + text);
        assertTrue(link.group().startsWith(urls.getBase() + "/realms/lifecycle/"), link.group());
        assertEquals(
                200,
                AccessApi.anonymous(urls.getBase()).page(link.group()).status(),
                "the link opens the account page");

        Jobs.ranTwiceMore(urls.getBase(), Jobs.PASSWORD_REMINDERS, Jobs.OUTBOX);
        assertEquals(1, reminders().size(), "exactly once");
        timeOffSet.set(0);
    }

    private List<MimeMessage> reminders() {
        return Mail.to(mail.getReceivedMessages(), "rotating.password@example.org").stream()
                .filter(m -> Mail.subject(m).contains("Change your password"))
                .toList();
    }
}
