package io.accesslifecycle.tests.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
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
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.ErrorPage;
import org.keycloak.testframework.ui.page.LoginPasswordUpdatePage;
import org.keycloak.testframework.ui.page.ProceedPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * An administrator declares a user; the user receives an email in their language with a link, chooses a password
 * in the browser, and signs in to an application. The link works once; no password travels by email.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class DeclaredUserChoosesPasswordAndSignsInTest {

    private static final String NEW_PASSWORD = "Correct-Horse-42!";

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectPage
    ProceedPage proceedPage;

    @InjectPage
    LoginPasswordUpdatePage passwordPage;

    @InjectPage
    ErrorPage errorPage;

    @Test
    void theEmailedLinkSetsAPasswordThatSignsInOnce() {
        AccessApi api = AccessApi.admin(urls.getBase());
        AccessApi.Response created = api.post(
                AccessApi.access("/users"),
                Map.of(
                        "email",
                        "claire.martin@example.org",
                        "firstName",
                        "Claire",
                        "lastName",
                        "Martin",
                        "locale",
                        "en",
                        "roles",
                        List.of("analyst", "support-portal/view-technical-support-information"),
                        "groups",
                        List.of("/staff"),
                        "labels",
                        List.of("paris", "finance")));
        assertEquals(201, created.status(), created.body());
        assertEquals("cmartin", created.json().get("username").asText());
        assertEquals("sent", created.json().get("setPasswordEmail").asText());
        String id = created.json().get("id").asText();
        assertTrue(created.headers().get("location").endsWith("/admin/realms/lifecycle/users/" + id));

        UserRepresentation user = realm.admin().users().get(id).toRepresentation();
        assertEquals("claire.martin@example.org", user.getEmail());
        assertEquals(List.of("paris", "finance"), user.getAttributes().get("labels"));
        assertTrue(realm.admin().users().get(id).roles().realmLevel().listEffective().stream()
                .anyMatch(r -> r.getName().equals("analyst")));
        assertEquals("/staff", realm.admin().users().get(id).groups().get(0).getPath());

        Mail.awaitTotal(mail, 1);
        MimeMessage email =
                Mail.to(mail.getReceivedMessages(), "claire.martin@example.org").get(0);
        assertEquals("Your Access Lifecycle account is ready: choose your password", Mail.subject(email));
        assertTrue(Mail.text(email).contains("cmartin"));
        assertTrue(Mail.html(email).contains("<strong>cmartin</strong>"));
        String link = Mail.actionLink(email);
        assertFalse(link.contains("&amp;"), "the text part carries the real URL");

        browser.open(link);
        BrowserSteps.waitForPage(browser, proceedPage);
        proceedPage.clickProceedLink();
        BrowserSteps.waitForPage(browser, passwordPage);
        passwordPage.changePassword(NEW_PASSWORD, NEW_PASSWORD);
        BrowserSteps.waitForText(browser, "Your account has been updated");

        AccessApi.Response token = AccessApi.anonymous(urls.getBase())
                .form(
                        "/realms/lifecycle/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "demo-app",
                                "username",
                                "cmartin",
                                "password",
                                NEW_PASSWORD,
                                "scope",
                                "openid"));
        assertEquals(200, token.status(), token.body());
        assertTrue(realm.admin().users().get(id).toRepresentation().isEmailVerified());

        browser.cookies().deleteAll();
        browser.open(link);
        BrowserSteps.waitForPage(browser, errorPage);
        assertTrue(
                errorPage.getError().toLowerCase().contains("expired")
                        || errorPage.getError().toLowerCase().contains("invalid"),
                errorPage.getError());
    }

    @Test
    void aFrenchSpeakingUserGetsTheEmailInFrenchWithoutAnyPassword() {
        AccessApi api = AccessApi.admin(urls.getBase());
        AccessApi.Response created = api.post(
                AccessApi.access("/users"),
                Map.of(
                        "email",
                        "helene.lefevre@example.org",
                        "firstName",
                        "Hélène",
                        "lastName",
                        "Lefèvre",
                        "locale",
                        "fr"));
        assertEquals(201, created.status(), created.body());
        assertEquals("hlefevre", created.json().get("username").asText());

        Mail.awaitTotal(mail, 1);
        MimeMessage email = Mail.to(mail.getReceivedMessages(), "helene.lefevre@example.org")
                .get(0);
        assertEquals("Votre compte Access Lifecycle est prêt : choisissez votre mot de passe", Mail.subject(email));
        assertTrue(Mail.text(email).contains("Bonjour Hélène"), Mail.text(email));
        assertTrue(Mail.text(email).contains("Nous n’envoyons jamais de mot de passe"));
        assertFalse(Mail.text(email).toLowerCase().contains("password:"));
    }
}
