package io.accesslifecycle.tests.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.FastJobsServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.Waits;
import io.accesslifecycle.tests.pages.AccessRequestPage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * Sent emails, decided invitations and decided access requests keep their personal data only for the realm's
 * retention periods (here 10 days for emails, 20 for invitations and requests): intact before, deleted after, while
 * the audit keeps its entries. The retention job runs every second here and the clock is moved.
 */
@KeycloakIntegrationTest(config = FastJobsServerConfig.class)
class PersonalDataIsKeptOnlyForItsRetentionTest {

    private static final String PASSWORD = "Invited-Passw0rd!";

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @InjectWebDriver
    ManagedWebDriver browser;

    @AfterEach
    void clockBack() {
        timeOffSet.set(0);
    }

    /** A fresh administrator token: one issued before the clock moved has expired. */
    private AccessApi admin() {
        return AccessApi.admin(urls.getBase());
    }

    private JsonNode invitations(String status) {
        return admin().get(AccessApi.access("/invitations?status=" + status)).json();
    }

    private JsonNode requests(String status) {
        return admin().get(AccessApi.access("/requests?status=" + status)).json();
    }

    private AccessApi.Response register(String key) {
        return AccessApi.anonymous(urls.getBase())
                .browserForm(
                        "/realms/lifecycle/access-invitation/register",
                        Map.of(
                                "key",
                                key,
                                "firstName",
                                "Kept",
                                "lastName",
                                "Tester",
                                "password",
                                PASSWORD,
                                "password-confirm",
                                PASSWORD));
    }

    private void requestAccessAs(String username, String password, String justification) {
        BrowserSteps.signedOut(browser, urls);
        new AccessRequestPage(browser, urls).open().signIn(username, password).send(justification);
    }

    @Test
    void emailsInvitationsAndRequestsLoseTheirPersonalDataAfterTheirRetention() {
        AccessApi.Response settings = admin().put(
                        AccessApi.access("/config"),
                        Map.of(
                                "outboxRetentionDays",
                                10,
                                "decidedInvitationRetentionDays",
                                20,
                                "decidedRequestRetentionDays",
                                20));
        assertEquals(200, settings.status(), settings.body());

        // an accepted invitation (its email sent), a revoked one, and a rejected access request
        AccessApi.Response invited = admin().post(
                        AccessApi.access("/invitations"),
                        Map.of(
                                "invitees",
                                List.of(
                                        Map.of("email", "kept@example.org", "firstName", "Kept", "lastName", "Tester"),
                                        Map.of("email", "withdrawn@example.org")),
                                "message",
                                "Welcome to the audit team",
                                "note",
                                "hired in May",
                                "locale",
                                "en"));
        assertEquals(200, invited.status(), invited.body());
        admin().delete(AccessApi.access("/invitations/"
                + invited.json().get("results").get(1).get("invitationId").asText()));
        String link = Mail.invitationLink(Mail.await(mail, "kept@example.org", ""));
        String key = link.replaceAll(".*[?&]key=([^&]+).*", "$1");
        String claims = new String(Base64.getUrlDecoder().decode(key.split("\\.")[1]), StandardCharsets.UTF_8);
        assertFalse(
                claims.contains("kept@example.org") || claims.contains("eml"),
                "the link's key holds no address: " + claims);
        AccessApi.Response accepted = register(key);
        assertEquals(200, accepted.status(), accepted.body());
        assertTrue(accepted.body().contains("invitation is accepted"), accepted.body());

        requestAccessAs("plain-user", "Plain-Passw0rd!", "I join the audit team on Monday.");
        String requestId = requests("pending").get(0).get("id").asText();
        assertEquals(
                200,
                admin().post(
                                AccessApi.access("/requests/" + requestId + "/reject"),
                                Map.of("reason", "Ask your manager first."))
                        .status());
        Mail.await(mail, "plain-user@lifecycle.test", "");

        Waits.until("the invitation email is recorded as sent", () -> {
            JsonNode delivery = invitations("accepted").path(0).path("emailDelivery");
            return "sent".equals(delivery.path("status").asText());
        });
        assertEquals(
                "kept@example.org", invitations("accepted").get(0).get("email").asText());
        assertEquals(
                "Welcome to the audit team",
                invitations("accepted").get(0).get("message").asText());
        assertEquals(1, invitations("revoked").size());
        assertEquals(
                "I join the audit team on Monday.",
                requests("rejected").get(0).get("justification").asText());

        // 15 days on: past the emails' 10 days, within the invitations' and requests' 20
        timeOffSet.set(15 * 86_400);
        Waits.until(
                "the sent invitation email is deleted",
                () -> invitations("accepted").path(0).path("emailDelivery").isMissingNode());
        JsonNode stillAccepted = invitations("accepted");
        assertEquals(1, stillAccepted.size(), "the accepted invitation is kept for its 20 days");
        assertEquals("kept@example.org", stillAccepted.get(0).get("email").asText());
        assertEquals("hired in May", stillAccepted.get(0).get("note").asText());
        assertEquals(1, invitations("revoked").size(), "the revoked invitation too");
        assertEquals(1, requests("rejected").size(), "the decided request too");

        // 21 days on: past every period
        timeOffSet.set(21 * 86_400);
        Waits.until(
                "the accepted invitation is deleted",
                () -> invitations("accepted").isEmpty());
        assertEquals(0, invitations("revoked").size(), "revoked 21 days ago: deleted before its lifespan's end");
        assertEquals(0, requests("rejected").size(), "rejected 21 days ago: deleted");
        String everything = admin().get(AccessApi.access("/invitations")).body();
        assertFalse(
                everything.contains("kept@example.org") || everything.contains("withdrawn@example.org"), everything);

        // the audit keeps who was invited, accepted and refused (auditRetentionDays: 730)
        assertEquals(
                1,
                admin().get(AccessApi.access("/audit?type=INVITATION_ACCEPTED"))
                        .json()
                        .size());
        assertEquals(
                1,
                admin().get(AccessApi.access("/audit?type=REQUEST_REJECTED"))
                        .json()
                        .size());
        assertEquals(
                1, realm.admin().users().searchByEmail("kept@example.org", true).size(), "the account itself stays");
    }
}
