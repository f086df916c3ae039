package io.accesslifecycle.tests.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.FastJobsServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.Waits;
import io.accesslifecycle.tests.pages.AccessRequestPage;
import io.accesslifecycle.tests.pages.InvitationPage;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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
import org.openqa.selenium.By;

/**
 * A leaver's pending invitation and pending access request are withdrawn when they are offboarded (disable or
 * delete, the console's red bin included) or deleted after their grace period: the invitation shows as revoked, its
 * old link opens a page saying it was withdrawn (EN/FR) with nothing to accept, the request is no longer pending,
 * and the audit says so.
 */
@KeycloakIntegrationTest(config = FastJobsServerConfig.class)
class LeaversCannotComeBackThroughAnOldInvitationTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @BeforeEach
    void signedOut() {
        BrowserSteps.signedOut(browser, urls);
    }

    @Test
    void offboardingWithdrawsTheInvitationAndTheRequest() {
        AccessApi api = AccessApi.admin(urls.getBase());
        String userId = Accounts.create(realm, "leaver.one", null);
        String invitation = invite(api, "leaver.one@example.org");
        String link = linkTo("leaver.one@example.org");
        request("leaver.one", "I need the reports before I go.");
        assertEquals(1, pendingRequestsOf(api, userId));

        AccessApi.Response off = api.post(
                AccessApi.access("/offboarding"),
                Map.of("usernames", List.of("leaver.one"), "mode", "disable", "note", "left the company"));
        assertEquals(200, off.status(), off.body());

        assertEquals(
                "revoked",
                api.get(AccessApi.access("/invitations/" + invitation))
                        .json()
                        .get("status")
                        .asText());
        assertEquals(0, pendingRequestsOf(api, userId), "the request is no longer pending");
        JsonNode withdrawn =
                api.get(AccessApi.access("/requests?status=withdrawn")).json();
        assertTrue(withdrawn.toString().contains(userId), withdrawn.toString());

        BrowserSteps.signedOut(browser, urls);
        String page =
                new InvitationPage(browser, "en").open(link + "&kc_locale=en").says("accessInvitationRevoked");
        assertTrue(
                browser.driver().findElements(By.tagName("form")).stream()
                        .noneMatch(f -> f.getText().contains("ccept")),
                "nothing to accept: " + page);
        new InvitationPage(browser, "fr").open(link + "&kc_locale=fr").says("accessInvitationRevoked");
        assertFalse(Accounts.read(realm, userId).isEnabled(), "the old link gave nothing back");

        JsonNode revokedAudit =
                api.get(AccessApi.access("/audit?type=INVITATION_REVOKED")).json();
        assertTrue(revokedAudit.toString().contains("withdrawn: leaver.one was offboarded"), revokedAudit.toString());
        JsonNode requestAudit = api.get(AccessApi.access("/audit?user=" + userId + "&type=REQUEST_WITHDRAWN"))
                .json();
        assertEquals(1, requestAudit.size(), requestAudit.toString());
    }

    @Test
    void deletingOffboardingWithdrawsTheInvitation() {
        AccessApi api = AccessApi.admin(urls.getBase());
        Accounts.create(realm, "leaver.two", null);
        String invitation = invite(api, "leaver.two@example.org");
        String link = linkTo("leaver.two@example.org");

        AccessApi.Response off = api.post(
                AccessApi.access("/offboarding"), Map.of("usernames", List.of("leaver.two"), "mode", "delete"));
        assertEquals(200, off.status(), off.body());
        assertEquals("deleted", off.json().get("results").get(0).get("status").asText(), off.body());

        assertEquals(
                "revoked",
                api.get(AccessApi.access("/invitations/" + invitation))
                        .json()
                        .get("status")
                        .asText());
        AccessApi.Response page = AccessApi.anonymous(urls.getBase()).page(link + "&kc_locale=en");
        assertEquals(410, page.status(), page.body());
        assertTrue(page.body().contains("withdrawn"), page.body());
        assertEquals(List.of(), realm.admin().users().search("leaver.two", true), "no account came back");
    }

    @Test
    void theDeletionAfterTheGraceWithdrawsTheInvitationAndTheRequest() {
        AccessApi api = AccessApi.admin(urls.getBase());
        String userId = Accounts.create(
                realm, "leaver.three", Accounts.today().plusDays(5).toString());
        request("leaver.three", "One more report.");
        String invitation = invite(api, "leaver.three@example.org");
        String link = linkTo("leaver.three@example.org");

        int toMidnight = Accounts.secondsToNextDay();
        timeOffSet.set(toMidnight + 4 * 86_400 + 60);
        api = AccessApi.admin(urls.getBase());
        Waits.until(
                "stopped on its end date", () -> !Accounts.read(realm, userId).isEnabled());
        assertEquals(
                "pending",
                api.get(AccessApi.access("/invitations/" + invitation))
                        .json()
                        .get("status")
                        .asText(),
                "stopping is not leaving: the grace may still bring the person back");

        timeOffSet.set(toMidnight + 34 * 86_400 + 60);
        Waits.until("deleted after the grace", () -> !Accounts.exists(realm, userId));
        api = AccessApi.admin(urls.getBase()); // a fresh token on the moved clock
        assertEquals(
                "revoked",
                api.get(AccessApi.access("/invitations/" + invitation))
                        .json()
                        .get("status")
                        .asText());
        assertEquals(0, pendingRequestsOf(api, userId));
        new InvitationPage(browser, "en").open(link + "&kc_locale=en").says("accessInvitationRevoked");
        JsonNode revokedAudit =
                api.get(AccessApi.access("/audit?type=INVITATION_REVOKED")).json();
        assertTrue(
                revokedAudit.toString().contains("withdrawn: leaver.three was deleted after the grace period"),
                revokedAudit.toString());
        timeOffSet.set(0);
    }

    private String invite(AccessApi api, String email) {
        AccessApi.Response r = api.post(
                AccessApi.access("/invitations"),
                Map.of("invitees", List.of(Map.of("email", email)), "roles", List.of("analyst"), "locale", "en"));
        assertEquals(200, r.status(), r.body());
        return r.json().get("results").get(0).get("invitationId").asText();
    }

    private String linkTo(String email) {
        MimeMessage m = Mail.await(mail, email, "invites you");
        return Mail.invitationLink(m);
    }

    private void request(String username, String justification) {
        new AccessRequestPage(browser, urls)
                .open()
                .signIn(username, Accounts.PASSWORD)
                .send(justification)
                .sent();
        BrowserSteps.signedOut(browser, urls);
    }

    private static int pendingRequestsOf(AccessApi api, String userId) {
        int n = 0;
        for (JsonNode r : api.get(AccessApi.access("/requests?status=pending")).json()) {
            n += userId.equals(r.get("userId").asText()) ? 1 : 0;
        }
        return n;
    }
}
