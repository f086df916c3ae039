package io.accesslifecycle.tests.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.pages.AccessRequestPage;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
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
 * A group or a composite realm role that carries {@code realm-management} roles (directly, through composites or
 * through a parent group) can be given or taken only by an administrator who holds them: a {@code manage-users}
 * administrator gets a 403 naming the field on every path that grants (edit, declaration, invitation), and does
 * not see them in the catalogue; a realm administrator does.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class NoEscalationThroughCompositesOrGroupsTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver browser;

    private RoleRepresentation management(String name) {
        ClientRepresentation client =
                realm.admin().clients().findByClientId("realm-management").get(0);
        return realm.admin().clients().get(client.getId()).roles().get(name).toRepresentation();
    }

    private String group(String name, String parentId) {
        GroupRepresentation g = new GroupRepresentation();
        g.setName(name);
        try (Response r = parentId == null
                ? realm.admin().groups().add(g)
                : realm.admin().groups().group(parentId).subGroup(g)) {
            assertEquals(201, r.getStatus());
            String path = r.getLocation().getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private void setUp() {
        if (!realm.admin().groups().groups("ops", 0, 10).isEmpty()) {
            return;
        }
        String ops = group("ops", null);
        realm.admin()
                .groups()
                .group(ops)
                .roles()
                .clientLevel(management("manage-realm").getContainerId())
                .add(List.of(management("manage-realm")));
        group("night", ops); // carries manage-realm through its parent

        RoleRepresentation composite = new RoleRepresentation();
        composite.setName("realm-ops");
        realm.admin().roles().create(composite);
        realm.admin().roles().get("realm-ops").addComposites(List.of(management("manage-realm")));
        RoleRepresentation outer = new RoleRepresentation();
        outer.setName("ops-lead");
        realm.admin().roles().create(outer);
        realm.admin()
                .roles()
                .get("ops-lead")
                .addComposites(List.of(realm.admin().roles().get("realm-ops").toRepresentation()));

        String full = Accounts.create(realm, "full-admin", null);
        realm.admin()
                .users()
                .get(full)
                .roles()
                .clientLevel(management("realm-admin").getContainerId())
                .add(List.of(management("realm-admin")));
    }

    private static void forbidden(AccessApi.Response r, String field) {
        assertEquals(403, r.status(), r.body());
        assertEquals(field, r.json().get("field").asText(), r.body());
        assertTrue(r.json().get("detail").asText().contains("manage-realm"), r.body());
    }

    @Test
    void aUserAdministratorCannotGiveOrTakeWhatCarriesRealmManagementRoles() {
        setUp();
        AccessApi en = AccessApi.as(urls.getBase(), "en-admin", "Admin-Passw0rd!");
        AccessApi full = AccessApi.as(urls.getBase(), "full-admin", Accounts.PASSWORD);
        String target = Accounts.create(realm, "escalation-target", null);
        String access = AccessApi.access("/users/" + target + "/access");

        forbidden(en.put(access, Map.of("groups", List.of("/ops"))), "groups");
        forbidden(en.put(access, Map.of("groups", List.of("/ops/night"))), "groups");
        forbidden(en.put(access, Map.of("roles", List.of("realm-ops"))), "roles");
        forbidden(en.put(access, Map.of("roles", List.of("ops-lead"))), "roles");
        forbidden(
                en.post(
                        AccessApi.access("/users"),
                        Map.of(
                                "email",
                                "esc-declared@example.org",
                                "firstName",
                                "Es",
                                "lastName",
                                "Calade",
                                "groups",
                                List.of("/ops"))),
                "groups");
        forbidden(
                en.post(
                        AccessApi.access("/invitations"),
                        Map.of(
                                "invitees",
                                List.of(Map.of("email", "esc-invited@example.org")),
                                "roles",
                                List.of("ops-lead"))),
                "roles");
        assertEquals(
                0,
                realm.admin()
                        .users()
                        .searchByEmail("esc-declared@example.org", true)
                        .size(),
                "nothing declared");
        assertTrue(en.get(AccessApi.access("/invitations?q=esc-invited")).json().isEmpty(), "nothing invited");
        assertTrue(realm.admin().users().get(target).groups().isEmpty(), "nothing given");

        // the catalogue lists only what each administrator may give
        String enCatalogue = en.get(AccessApi.access("/catalogue")).body();
        assertFalse(enCatalogue.contains("\"/ops\""), enCatalogue);
        assertFalse(enCatalogue.contains("\"/ops/night\""), enCatalogue);
        assertFalse(enCatalogue.contains("\"realm-ops\""), enCatalogue);
        assertFalse(enCatalogue.contains("\"ops-lead\""), enCatalogue);
        assertTrue(enCatalogue.contains("\"analyst\""), enCatalogue);
        String fullCatalogue = full.get(AccessApi.access("/catalogue")).body();
        assertTrue(fullCatalogue.contains("\"/ops\"") && fullCatalogue.contains("\"ops-lead\""), fullCatalogue);

        // a realm administrator may; then the user administrator may not take it away either
        AccessApi.Response given =
                full.put(access, Map.of("groups", List.of("/ops"), "roles", List.of("ops-lead", "analyst")));
        assertEquals(200, given.status(), given.body());
        forbidden(en.put(access, Map.of("groups", List.of())), "groups");
        forbidden(en.put(access, Map.of("roles", List.of("analyst"))), "roles");
        AccessApi.Response labelsOnly = en.put(access, Map.of("labels", List.of("ops")));
        assertEquals(200, labelsOnly.status(), "what is not named is neither given nor taken: " + labelsOnly.body());
        assertEquals(
                List.of("/ops"),
                realm.admin().users().get(target).groups().stream()
                        .map(GroupRepresentation::getPath)
                        .toList());
    }

    @Test
    void anApprovalAndAnAcceptanceAreCheckedTheSameWay() {
        setUp();
        AccessApi en = AccessApi.as(urls.getBase(), "en-admin", "Admin-Passw0rd!");

        // an approval giving /ops is refused, the request stays pending
        String requester = Accounts.create(realm, "ops-requester", null);
        BrowserSteps.signedOut(browser, urls);
        new AccessRequestPage(browser, urls)
                .open()
                .signIn("ops-requester", Accounts.PASSWORD)
                .send("I run the night shift.");
        String request = null;
        for (var r : en.get(AccessApi.access("/requests?status=pending")).json()) {
            if (r.get("userId").asText().equals(requester)) {
                request = r.get("id").asText();
            }
        }
        forbidden(
                en.post(AccessApi.access("/requests/" + request + "/approve"), Map.of("groups", List.of("/ops"))),
                "groups");
        assertTrue(en.get(AccessApi.access("/requests?status=pending")).body().contains(request), "still pending");
        assertTrue(realm.admin().users().get(requester).groups().isEmpty());

        // a group that comes to carry manage-realm after the invitation: refused at acceptance, nothing applied
        String later = group("later", null);
        AccessApi.Response invited = en.post(
                AccessApi.access("/invitations"),
                Map.of(
                        "invitees",
                        List.of(Map.of("email", "later@example.org", "firstName", "La", "lastName", "Ter")),
                        "groups",
                        List.of("/later"),
                        "locale",
                        "en"));
        assertEquals(
                "invited", invited.json().get("results").get(0).get("status").asText(), invited.body());
        realm.admin()
                .groups()
                .group(later)
                .roles()
                .clientLevel(management("manage-realm").getContainerId())
                .add(List.of(management("manage-realm")));
        MimeMessage email = Mail.await(mail, "later@example.org", "");
        String key = Mail.invitationLink(email).replaceAll(".*[?&]key=([^&]+).*", "$1");
        AccessApi.Response refused = AccessApi.anonymous(urls.getBase())
                .form(
                        "/realms/lifecycle/access-invitation/register",
                        Map.of(
                                "key",
                                key,
                                "firstName",
                                "La",
                                "lastName",
                                "Ter",
                                "password",
                                "Invited-Passw0rd!",
                                "password-confirm",
                                "Invited-Passw0rd!"));
        assertEquals(409, refused.status(), refused.body());
        assertEquals(
                0,
                realm.admin().users().searchByEmail("later@example.org", true).size(),
                "no account, no manage-realm");
    }
}
