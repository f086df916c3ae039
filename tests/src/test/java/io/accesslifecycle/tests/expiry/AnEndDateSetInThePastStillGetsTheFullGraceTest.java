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
import org.keycloak.representations.idm.UserRepresentation;
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
 * An end date written 45 days in the past through Keycloak's own admin API (not ours) does not delete the account:
 * the next expiry run treats it as "ended today". The account is stopped and everyone is emailed with the real
 * deletion day, a full grace period (30 days) after that stop; the users list and the expirations say the same day;
 * 29 days later the account is still there, 30 days later it is gone.
 */
@KeycloakIntegrationTest(config = FastJobsServerConfig.class)
class AnEndDateSetInThePastStillGetsTheFullGraceTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void thePastDateStopsTheAccountTodayAndTheDeletionComesAFullGraceLater() {
        // a witness stopped one day earlier, whose deletion proves that the deletion pass ran on day 30
        String witness =
                Accounts.create(realm, "witness.contractor", Accounts.today().toString());
        Waits.until(
                "the witness stopped today",
                () -> !Accounts.read(realm, witness).isEnabled());
        String id = Accounts.create(realm, "backdated.contractor", null);

        int toMidnight = Accounts.secondsToNextDay();
        timeOffSet.set(toMidnight + 60);
        String stopDay = Accounts.today().plusDays(1).toString();
        String pastEnd = Accounts.today().plusDays(1).minusDays(45).toString();
        String deletionOn = Accounts.today().plusDays(31).toString();
        UserRepresentation rep = Accounts.read(realm, id);
        rep.getAttributes().put("accessExpiresOn", List.of(pastEnd));
        realm.admin().users().get(id).update(rep); // Keycloak's PUT /admin/realms/lifecycle/users/{id}

        Waits.until(
                "the job stopped the account", () -> !Accounts.read(realm, id).isEnabled());
        assertTrue(Accounts.exists(realm, id), "stopped, not deleted");
        Map<String, List<String>> attributes = Accounts.read(realm, id).getAttributes();
        assertEquals(List.of(stopDay), attributes.get("accessExpiredAt"), "marked with the day the job stopped it");

        MimeMessage toUser = Mail.await(mail, "backdated.contractor@example.org", "has ended");
        assertTrue(Mail.text(toUser).contains(pastEnd) && Mail.text(toUser).contains(deletionOn), Mail.text(toUser));
        MimeMessage toAdmin = Mail.await(mail, "en-admin@lifecycle.test", "backdated.contractor");
        assertTrue(Mail.text(toAdmin).contains("will be deleted on " + deletionOn), Mail.text(toAdmin));
        MimeMessage toFrenchAdmin = Mail.await(mail, "realm-admin@lifecycle.test", "backdated.contractor");
        assertTrue(Mail.text(toFrenchAdmin).contains("sera supprimé le " + deletionOn), Mail.text(toFrenchAdmin));

        AccessApi api = AccessApi.admin(urls.getBase());
        JsonNode listed = ExpiredAccountsAreStoppedTest.find(
                api.get(AccessApi.access("/users?q=backdated.contractor")).json(), id);
        assertEquals("expired-grace", listed.get("status").asText());
        assertEquals(deletionOn, listed.get("deletionOn").asText(), "the users list says the real deletion day");
        JsonNode row = ExpiredAccountsAreStoppedTest.find(
                api.get(AccessApi.access("/expirations?withinDays=30")).json(), id);
        assertEquals(deletionOn, row.get("deletionOn").asText(), "so do the expirations");
        JsonNode audit = api.get(AccessApi.access("/audit?user=" + id + "&type=ACCESS_EXPIRED"))
                .json();
        assertEquals(1, audit.size(), audit.toString());
        assertTrue(audit.get(0).get("note").asText().contains(deletionOn), audit.toString());

        timeOffSet.set(toMidnight + 29 * 86_400 + 60);
        Waits.until("the witness deleted on its day", () -> !Accounts.exists(realm, witness));
        assertTrue(Accounts.exists(realm, id), "29 days after the stop the account is still there");
        assertFalse(Accounts.read(realm, id).isEnabled());

        timeOffSet.set(toMidnight + 30 * 86_400 + 60);
        Waits.until("deleted 30 days after the stop", () -> !Accounts.exists(realm, id));
        api = AccessApi.admin(urls.getBase()); // a fresh token on the moved clock
        JsonNode deleted = api.get(AccessApi.access("/audit?user=" + id + "&type=ACCOUNT_DELETED"))
                .json();
        assertEquals(1, deleted.size(), deleted.toString());
        assertTrue(deleted.get(0).get("note").asText().contains("stopped on " + stopDay), deleted.toString());
        timeOffSet.set(0);
    }
}
