package io.accesslifecycle.tests.invitations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.pages.InvitationPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
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
 * Accepting an invitation applies it with the rights of the administrator who last issued its link, checked at
 * acceptance: what it gives and what it takes away. An administrator who may not touch {@code boss}'s roles cannot
 * strip them through an invitation; an issuer who lost {@code manage-users} issues nothing any more; the invitation
 * says why and an administrator who may renews it. Roles are kept by id: a rename does not redirect an invitation.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class AcceptanceIsCheckedAgainstTheIssuersRightsTest {

    private static final String PASSWORD = "Invited-Passw0rd!";

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver browser;

    @BeforeEach
    void signedOut() {
        BrowserSteps.signedOut(browser, urls);
    }

    private RoleRepresentation management(String name) {
        ClientRepresentation client =
                realm.admin().clients().findByClientId("realm-management").get(0);
        return realm.admin().clients().get(client.getId()).roles().get(name).toRepresentation();
    }

    private void grantManagement(String userId, String... names) {
        RoleRepresentation any = management(names[0]);
        realm.admin()
                .users()
                .get(userId)
                .roles()
                .clientLevel(any.getContainerId())
                .add(java.util.Arrays.stream(names).map(this::management).toList());
    }

    private List<String> managementRoles(String userId) {
        return realm
                .admin()
                .users()
                .get(userId)
                .roles()
                .clientLevel(management("realm-admin").getContainerId())
                .listAll()
                .stream()
                .map(RoleRepresentation::getName)
                .toList();
    }

    private List<String> realmRoles(String userId) {
        return realm.admin().users().get(userId).roles().realmLevel().listAll().stream()
                .map(RoleRepresentation::getName)
                .toList();
    }

    /** Invites and returns {invitationId, link}. */
    private String[] invite(AccessApi api, String email, List<String> roles) {
        int before = Mail.to(mail.getReceivedMessages(), email).size();
        AccessApi.Response r = api.post(
                AccessApi.access("/invitations"),
                Map.of(
                        "invitees",
                        List.of(Map.of("email", email, "firstName", "In", "lastName", "Vitee")),
                        "roles",
                        roles,
                        "locale",
                        "en"));
        assertEquals(200, r.status(), r.body());
        assertEquals("invited", r.json().get("results").get(0).get("status").asText(), r.body());
        return new String[] {r.json().get("results").get(0).get("invitationId").asText(), awaitLink(email, before)};
    }

    private String awaitLink(String email, int before) {
        return Mail.invitationLink(Mail.awaitCount(mail, email, "", before + 1).getLast());
    }

    private static String key(String link) {
        return link.replaceAll(".*[?&]key=([^&]+).*", "$1");
    }

    private AccessApi.Response register(String link) {
        return AccessApi.anonymous(urls.getBase())
                .form(
                        "/realms/lifecycle/access-invitation/register",
                        Map.of(
                                "key",
                                key(link),
                                "firstName",
                                "In",
                                "lastName",
                                "Vitee",
                                "password",
                                PASSWORD,
                                "password-confirm",
                                PASSWORD));
    }

    @Test
    void anAdministratorWhoMayNotTouchBossCannotStripBossThroughAnInvitation() {
        String boss = Accounts.create(realm, "boss", null);
        grantManagement(boss, "realm-admin");
        AccessApi en = AccessApi.as(urls.getBase(), "en-admin", "Admin-Passw0rd!");
        String[] invitation = invite(en, "boss@example.org", List.of("analyst"));

        new InvitationPage(browser, "en")
                .open(invitation[1])
                .signIn(Accounts.PASSWORD)
                .confirmsFor("boss", "boss@example.org")
                .accept()
                .says("accessInvitationNeedsRenewal");

        assertTrue(managementRoles(boss).contains("realm-admin"), "boss keeps realm-admin: " + managementRoles(boss));
        assertFalse(realmRoles(boss).contains("analyst"), "nothing was applied");
        AccessApi admin = AccessApi.admin(urls.getBase());
        JsonNode shown =
                admin.get(AccessApi.access("/invitations/" + invitation[0])).json();
        assertEquals("pending", shown.get("status").asText(), shown.toString());
        assertTrue(shown.get("problem").asText().contains("realm-admin"), shown.toString());
        assertEquals(
                0,
                admin.get(AccessApi.access("/audit?type=INVITATION_ACCEPTED&user=boss"))
                        .json()
                        .size());
    }

    @Test
    void anIssuerWhoLostManageUsersIssuesNothingUntilAnotherAdministratorResends() {
        String issuerId = Accounts.create(realm, "short-lived-admin", null);
        grantManagement(issuerId, "manage-users", "view-users", "query-users", "query-groups");
        AccessApi issuer = AccessApi.as(urls.getBase(), "short-lived-admin", Accounts.PASSWORD);
        String[] invitation = invite(issuer, "orphan@example.org", List.of("analyst"));
        realm.admin()
                .users()
                .get(issuerId)
                .roles()
                .clientLevel(management("manage-users").getContainerId())
                .remove(List.of(management("manage-users")));

        AccessApi.Response refused = register(invitation[1]);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("an administrator must renew it"), refused.body());
        assertEquals(
                0,
                realm.admin().users().searchByEmail("orphan@example.org", true).size(),
                "no account was created");
        AccessApi en = AccessApi.as(urls.getBase(), "en-admin", "Admin-Passw0rd!");
        JsonNode shown =
                en.get(AccessApi.access("/invitations/" + invitation[0])).json();
        assertTrue(shown.get("problem").asText().contains("may no longer manage"), shown.toString());

        // en-admin resends: they become the issuer, and the invitation works again
        int before = Mail.to(mail.getReceivedMessages(), "orphan@example.org").size();
        AccessApi.Response resent = en.post(AccessApi.access("/invitations/" + invitation[0] + "/resend"), "");
        assertEquals(200, resent.status(), resent.body());
        assertTrue(
                resent.json().get("problem") == null
                        || resent.json().get("problem").isNull(),
                resent.body());
        AccessApi.Response accepted = register(awaitLink("orphan@example.org", before));
        assertEquals(200, accepted.status(), accepted.body());
        String orphan = realm.admin()
                .users()
                .searchByEmail("orphan@example.org", true)
                .get(0)
                .getId();
        assertTrue(realmRoles(orphan).contains("analyst"));
        JsonNode audit = en.get(AccessApi.access("/audit?type=INVITATION_ACCEPTED&user=" + orphan))
                .json();
        assertEquals(1, audit.size(), audit.toString());
        assertEquals(
                "en-admin", audit.get(0).get("actorName").asText(), "the issuing administrator is the actor: " + audit);
        assertTrue(audit.get(0).get("note").asText().contains("accepted by"), audit.toString());
    }

    @Test
    void aRenamedRoleKeepsPointingAtTheSameRole() {
        RoleRepresentation role = new RoleRepresentation();
        role.setName("night-shift");
        realm.admin().roles().create(role);
        AccessApi en = AccessApi.as(urls.getBase(), "en-admin", "Admin-Passw0rd!");
        String[] invitation = invite(en, "renamed@example.org", List.of("night-shift"));

        RoleRepresentation renamed = realm.admin().roles().get("night-shift").toRepresentation();
        renamed.setName("night-shift-2025");
        realm.admin().roles().get("night-shift").update(renamed);
        RoleRepresentation impostor = new RoleRepresentation();
        impostor.setName("night-shift");
        realm.admin().roles().create(impostor);

        JsonNode shown =
                en.get(AccessApi.access("/invitations/" + invitation[0])).json();
        assertEquals("[\"night-shift-2025\"]", shown.get("roles").toString(), shown.toString());
        AccessApi.Response accepted = register(invitation[1]);
        assertEquals(200, accepted.status(), accepted.body());
        String user = realm.admin()
                .users()
                .searchByEmail("renamed@example.org", true)
                .get(0)
                .getId();
        assertTrue(
                realmRoles(user).contains("night-shift-2025"), realmRoles(user).toString());
        assertFalse(realmRoles(user).contains("night-shift"), "not the new role that took the old name");
    }
}
