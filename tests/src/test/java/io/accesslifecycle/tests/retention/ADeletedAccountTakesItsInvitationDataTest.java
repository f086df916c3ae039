package io.accesslifecycle.tests.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
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

/**
 * When an account is deleted (here through Keycloak's own admin API), the invitation it accepted goes with it: its
 * address, names, message and note are no longer kept, while the audit keeps who was invited and when. Another
 * person's accepted invitation stays.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class ADeletedAccountTakesItsInvitationDataTest {

    private static final String PASSWORD = "Invited-Passw0rd!";

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    private void inviteAndAccept(String email) {
        AccessApi.Response invited = AccessApi.admin(urls.getBase())
                .post(
                        AccessApi.access("/invitations"),
                        Map.of(
                                "invitees",
                                List.of(Map.of("email", email, "firstName", "Leaving", "lastName", "Soon")),
                                "message",
                                "Welcome aboard",
                                "note",
                                "contract 2026-17",
                                "locale",
                                "en"));
        assertEquals(200, invited.status(), invited.body());
        String key = Mail.invitationLink(Mail.await(mail, email, "")).replaceAll(".*[?&]key=([^&]+).*", "$1");
        AccessApi.Response accepted = AccessApi.anonymous(urls.getBase())
                .browserForm(
                        "/realms/lifecycle/access-invitation/register",
                        Map.of(
                                "key",
                                key,
                                "firstName",
                                "Leaving",
                                "lastName",
                                "Soon",
                                "password",
                                PASSWORD,
                                "password-confirm",
                                PASSWORD));
        assertTrue(accepted.body().contains("invitation is accepted"), accepted.body());
    }

    @Test
    void theAcceptedInvitationOfADeletedAccountIsNoLongerKept() {
        inviteAndAccept("leaver@example.org");
        inviteAndAccept("stayer@example.org");
        AccessApi api = AccessApi.admin(urls.getBase());
        assertEquals(
                2,
                api.get(AccessApi.access("/invitations?status=accepted")).json().size());

        UserRepresentation leaver =
                realm.admin().users().searchByEmail("leaver@example.org", true).get(0);
        realm.admin().users().get(leaver.getId()).remove();

        String accepted =
                api.get(AccessApi.access("/invitations?status=accepted")).body();
        assertFalse(accepted.contains("leaver@example.org"), accepted);
        assertFalse(api.get(AccessApi.access("/invitations?q=leaver")).body().contains("contract 2026-17"));
        assertTrue(accepted.contains("stayer@example.org"), "another person's invitation stays: " + accepted);
        assertEquals(
                2,
                api.get(AccessApi.access("/audit?type=INVITATION_ACCEPTED"))
                        .json()
                        .size(),
                "the audit keeps its entries");
    }
}
