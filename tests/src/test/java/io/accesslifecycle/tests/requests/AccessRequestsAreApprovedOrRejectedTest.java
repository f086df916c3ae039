package io.accesslifecycle.tests.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.pages.AccessRequestPage;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * A signed-in user without access asks for it from a page; the administrators are emailed; one request is approved
 * (the access is applied and the user emailed), another rejected with a reason the user receives.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class AccessRequestsAreApprovedOrRejectedTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver browser;

    /** Each test starts as a visitor who is not signed in. */
    @BeforeEach
    void signedOut() {
        BrowserSteps.signedOut(browser, urls);
    }

    private void requestAs(String username, String password, String justification) {
        new AccessRequestPage(browser, urls).open().signIn(username, password).send(justification);
    }

    @Test
    void aRequestIsMadeOnceApprovedAndTheUserTold() {
        requestAs("plain-user", "Plain-Passw0rd!", "I join the audit team on Monday.");
        new AccessRequestPage(browser, urls).sent().open().pending();

        MimeMessage toAdmin = Mail.await(mail, "en-admin@lifecycle.test", "Access request from plain-user");
        assertFalse(
                Mail.text(toAdmin).contains("I join the audit team on Monday."),
                "read in the console, not in the email");
        assertTrue(Mail.text(toAdmin).contains("/realms/lifecycle/access-console/#/requests"), Mail.text(toAdmin));
        Mail.await(mail, "realm-admin@lifecycle.test", "Demande d’accès de plain-user");

        AccessApi api = AccessApi.admin(urls.getBase());
        JsonNode pending = api.get(AccessApi.access("/requests?status=pending")).json();
        assertEquals(1, pending.size());
        String id = pending.get(0).get("id").asText();
        AccessApi.Response approved = api.post(
                AccessApi.access("/requests/" + id + "/approve"),
                Map.of("roles", List.of("analyst"), "labels", List.of("audit"), "note", "welcome"));
        assertEquals(200, approved.status(), approved.body());
        assertEquals("approved", approved.json().get("status").asText());
        String userId = pending.get(0).get("userId").asText();
        assertTrue(realm.admin().users().get(userId).roles().realmLevel().listAll().stream()
                .map(RoleRepresentation::getName)
                .toList()
                .contains("analyst"));
        Mail.await(mail, "plain-user@lifecycle.test", "a changé");
        assertEquals(
                409,
                api.post(AccessApi.access("/requests/" + id + "/approve"), Map.of())
                        .status(),
                "decided once");
        assertEquals(
                404,
                api.post(AccessApi.access("/requests/nope/approve"), Map.of()).status());
        assertEquals(
                403,
                AccessApi.as(urls.getBase(), "viewer", "Viewer-Passw0rd!")
                        .post(AccessApi.access("/requests/" + id + "/reject"), Map.of("reason", "x"))
                        .status());
    }

    @Test
    void aRejectedRequestTellsTheUserWhy() {
        requestAs("viewer", "Viewer-Passw0rd!", "Need reports.");
        AccessApi api = AccessApi.admin(urls.getBase());
        String id = api.get(AccessApi.access("/requests?status=pending"))
                .json()
                .get(0)
                .get("id")
                .asText();
        AccessApi.Response noReason = api.post(AccessApi.access("/requests/" + id + "/reject"), Map.of());
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.json().get("field").asText());
        assertEquals(
                200,
                api.post(AccessApi.access("/requests/" + id + "/reject"), Map.of("reason", "Ask your manager first."))
                        .status());
        MimeMessage toUser = Mail.await(mail, "viewer@lifecycle.test", "n’a pas été approuvée");
        assertTrue(Mail.text(toUser).contains("Ask your manager first."), Mail.text(toUser));
        assertEquals(
                "REQUEST_REJECTED",
                api.get(AccessApi.access("/audit?type=REQUEST_REJECTED"))
                        .json()
                        .get(0)
                        .get("type")
                        .asText());
    }
}
