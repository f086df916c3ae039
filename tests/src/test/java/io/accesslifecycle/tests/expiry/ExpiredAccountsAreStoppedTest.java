package io.accesslifecycle.tests.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.FastJobsServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.Waits;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
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
 * On the end date the expiry job (every second here) disables the account, ends its sessions and offline
 * sessions, marks it, writes the audit, and emails the user and the realm's access administrators; the account
 * then shows as in its grace period with the day it will be deleted.
 */
@KeycloakIntegrationTest(config = FastJobsServerConfig.class)
class ExpiredAccountsAreStoppedTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void theJobDisablesEndsSessionsAuditsAndTellsEveryone() {
        realm.updateWithCleanup(r -> r.ssoSessionIdleTimeout(3 * 86_400).ssoSessionMaxLifespan(10 * 86_400));
        String end = Accounts.today().plusDays(1).toString();
        String id = Accounts.create(realm, "contractor.ends", end);
        assertEquals(
                200,
                Accounts.signIn(urls.getBase(), "contractor.ends", "openid").status());
        assertEquals(
                200,
                Accounts.signIn(urls.getBase(), "contractor.ends", "openid offline_access")
                        .status());
        String demoApp =
                realm.admin().clients().findByClientId("demo-app").get(0).getId();
        assertFalse(realm.admin().users().get(id).getUserSessions().isEmpty());
        assertEquals(
                1, realm.admin().users().get(id).getOfflineSessions(demoApp).size());

        timeOffSet.set(Accounts.secondsToNextDay() + 60);
        Waits.until(
                "the job disabled the account", () -> !Accounts.read(realm, id).isEnabled());

        assertEquals(0, realm.admin().users().get(id).getUserSessions().size(), "sessions ended");
        assertEquals(
                0, realm.admin().users().get(id).getOfflineSessions(demoApp).size(), "offline sessions ended");
        Map<String, List<String>> attributes = Accounts.read(realm, id).getAttributes();
        assertEquals(List.of(end), attributes.get("accessExpiredAt"), "marked expired with the date");

        String deletionOn = Accounts.today().plusDays(31).toString();
        MimeMessage toUser = Mail.await(mail, "contractor.ends@example.org", "has ended");
        assertTrue(Mail.text(toUser).contains(end) && Mail.text(toUser).contains(deletionOn), Mail.text(toUser));
        MimeMessage toAdmin = Mail.await(mail, "en-admin@lifecycle.test", "has ended");
        assertTrue(Mail.text(toAdmin).contains("will be deleted on " + deletionOn), Mail.text(toAdmin));
        MimeMessage toFrenchAdmin = Mail.await(mail, "realm-admin@lifecycle.test", "a pris fin");
        assertTrue(Mail.text(toFrenchAdmin).contains("sera supprimé le " + deletionOn), Mail.text(toFrenchAdmin));

        AccessApi api = AccessApi.admin(urls.getBase());
        JsonNode audit = api.get(AccessApi.access("/audit?user=contractor.ends&type=ACCESS_EXPIRED"))
                .json();
        assertEquals(1, audit.size(), "one audit entry, however often the job ran: " + audit);
        assertTrue(audit.get(0).get("note").asText().contains(deletionOn));

        JsonNode expirations =
                api.get(AccessApi.access("/expirations?withinDays=30")).json();
        JsonNode row = find(expirations, id);
        assertEquals("expired-grace", row.get("status").asText());
        assertEquals(deletionOn, row.get("deletionOn").asText());
        assertFalse(row.get("enabled").asBoolean());
        assertEquals(
                "expired-grace",
                find(api.get(AccessApi.access("/users?q=contractor.ends")).json(), id)
                        .get("status")
                        .asText());
        timeOffSet.set(0);
    }

    static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (id.equals(n.get("id").asText())) {
                return n;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }
}
