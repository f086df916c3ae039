package io.accesslifecycle.tests.invitations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
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
 * Only the newest link of a pending invitation works, for six weeks: re-inviting, resending and revoking kill the
 * old links, and each dead link shows a page that says why. Pending invitations can be edited.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class InvitationLinksDieWhenReplacedRevokedOrExpiredTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    private String invite(AccessApi api, String email) {
        AccessApi.Response r = api.post(
                AccessApi.access("/invitations"), Map.of("invitees", List.of(Map.of("email", email)), "locale", "en"));
        assertEquals(200, r.status(), r.body());
        return r.json().get("results").get(0).get("invitationId").asText();
    }

    /** The link of the newest email to {@code email}, once that address has received {@code expectedCount}. */
    private String lastLinkTo(String email, int expectedCount) {
        List<jakarta.mail.internet.MimeMessage> messages = Mail.awaitCount(mail, email, "", expectedCount);
        assertEquals(expectedCount, messages.size(), "emails to " + email);
        return Mail.invitationLink(messages.get(messages.size() - 1));
    }

    private void assertPage(String link, int status, String text) {
        AccessApi.Response page = AccessApi.anonymous(urls.getBase()).page(link);
        assertEquals(status, page.status(), page.body());
        assertTrue(page.body().contains(text), page.body());
    }

    @Test
    void reinvitingAndResendingKillOldLinks() {
        AccessApi api = AccessApi.admin(urls.getBase());
        String first = invite(api, "dan@example.org");
        String firstLink = lastLinkTo("dan@example.org", 1);
        assertPage(firstLink, 200, "Invitation for dan@example.org");

        AccessApi.Response again = api.post(
                AccessApi.access("/invitations"),
                Map.of("invitees", List.of(Map.of("email", "dan@example.org")), "locale", "en"));
        assertEquals(
                "reinvited", again.json().get("results").get(0).get("status").asText());
        String second = again.json().get("results").get(0).get("invitationId").asText();
        String secondLink = lastLinkTo("dan@example.org", 2);
        assertPage(firstLink, 410, "replaced by a newer one");
        assertEquals(
                "replaced",
                api.get(AccessApi.access("/invitations/" + first))
                        .json()
                        .get("status")
                        .asText());

        AccessApi.Response resent = api.post(AccessApi.access("/invitations/" + second + "/resend"), "");
        assertEquals(200, resent.status(), resent.body());
        String thirdLink = lastLinkTo("dan@example.org", 3);
        assertPage(secondLink, 410, "replaced by a newer one");
        assertPage(thirdLink, 200, "Create your account to accept it");
        assertPage(thirdLink + "&kc_locale=fr", 200, "Créez votre compte pour l’accepter");
        assertPage(thirdLink.replaceAll("key=[^&]+", "key=forged.token.value"), 400, "not valid");
    }

    @Test
    void aRevokedInvitationLinkSaysSo() {
        AccessApi api = AccessApi.admin(urls.getBase());
        String id = invite(api, "eva@example.org");
        String link = lastLinkTo("eva@example.org", 1);
        assertEquals(200, api.delete(AccessApi.access("/invitations/" + id)).status());
        assertPage(link, 410, "withdrawn by an administrator");
        assertEquals(409, api.delete(AccessApi.access("/invitations/" + id)).status());
        assertEquals(
                409,
                api.put(AccessApi.access("/invitations/" + id), Map.of("labels", List.of("x")))
                        .status());
        assertEquals(404, api.get(AccessApi.access("/invitations/no-such-id")).status());
    }

    @Test
    void aLinkIsRefusedSixWeeksAndADayLater() {
        AccessApi api = AccessApi.admin(urls.getBase());
        invite(api, "fay@example.org");
        String link = lastLinkTo("fay@example.org", 1);
        timeOffSet.set(41 * 86_400);
        assertPage(link, 200, "Create your account to accept it");
        timeOffSet.set(42 * 86_400 + 86_400);
        assertPage(link, 410, "has expired");
        timeOffSet.set(0);
    }

    @Test
    void aPendingInvitationCanBeEditedAndFiltered() {
        AccessApi api = AccessApi.admin(urls.getBase());
        String id = invite(api, "gus@example.org");
        lastLinkTo("gus@example.org", 1);
        AccessApi.Response edited = api.put(
                AccessApi.access("/invitations/" + id),
                Map.of(
                        "roles",
                        List.of("reviewer"),
                        "labels",
                        List.of("berlin"),
                        "notifyInvitee",
                        false,
                        "note",
                        "moved team"));
        assertEquals(200, edited.status(), edited.body());
        assertEquals("reviewer", edited.json().get("roles").get(0).asText());
        assertEquals(
                1, api.get(AccessApi.access("/invitations?label=berlin")).json().size());
        assertEquals(
                0, api.get(AccessApi.access("/invitations?label=berl")).json().size());
        assertEquals(1, api.get(AccessApi.access("/invitations?q=GUS@")).json().size());
        assertEquals(400, api.get(AccessApi.access("/invitations?status=lost")).status());
        api.put(AccessApi.access("/invitations/" + id), Map.of("firstName", "Gustave"));
        Mail.awaitTotal(mail, 2, "an edit notifies unless told not to");
        assertEquals(2, Mail.to(mail.getReceivedMessages(), "gus@example.org").size());
    }
}
