package io.accesslifecycle.tests.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.FastJobsServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.Waits;
import jakarta.mail.internet.MimeMessage;
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
 * When the expiry job has not run for 40 days (the clock jumps 40 days at once), an end date that passed 35 days
 * ago stops the account, with the email naming the real deletion day, and does not delete it: the deletion comes a
 * full grace period (30 days) after the stop.
 */
@KeycloakIntegrationTest(config = FastJobsServerConfig.class)
class ALateExpiryJobStillGivesTheFullGraceTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void aFortyDayGapStopsTheAccountAndTheDeletionWaitsAFullGrace() {
        // stopped today, so due for deletion during the gap: its deletion proves the deletion pass ran after the jump
        String witness = Accounts.create(realm, "gap.witness", Accounts.today().toString());
        Waits.until(
                "the witness stopped today",
                () -> !Accounts.read(realm, witness).isEnabled());
        String end = Accounts.today().plusDays(5).toString();
        String id = Accounts.create(realm, "gap.contractor", end);

        int toMidnight = Accounts.secondsToNextDay();
        timeOffSet.set(toMidnight + 39 * 86_400 + 60);
        String deletionOn = Accounts.today().plusDays(70).toString();
        Waits.until(
                "the late job stopped the account",
                () -> !Accounts.read(realm, id).isEnabled());
        Waits.until("the witness deleted", () -> !Accounts.exists(realm, witness));
        assertTrue(Accounts.exists(realm, id), "stopped, not deleted, although its date passed 35 days ago");

        MimeMessage toUser = Mail.await(mail, "gap.contractor@example.org", "has ended");
        assertTrue(Mail.text(toUser).contains(end) && Mail.text(toUser).contains(deletionOn), Mail.text(toUser));
        MimeMessage toAdmin = Mail.await(mail, "en-admin@lifecycle.test", "gap.contractor");
        assertTrue(Mail.text(toAdmin).contains("will be deleted on " + deletionOn), Mail.text(toAdmin));
        JsonNode row = ExpiredAccountsAreStoppedTest.find(
                AccessApi.admin(urls.getBase())
                        .get(AccessApi.access("/users?q=gap.contractor"))
                        .json(),
                id);
        assertEquals(deletionOn, row.get("deletionOn").asText());

        timeOffSet.set(toMidnight + 69 * 86_400 + 60);
        Waits.until("deleted a full grace after the stop", () -> !Accounts.exists(realm, id));
        timeOffSet.set(0);
    }
}
