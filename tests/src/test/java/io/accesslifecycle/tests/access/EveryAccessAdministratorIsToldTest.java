package io.accesslifecycle.tests.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.Jobs;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
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

/**
 * Everyone who administers access hears of a permission change: Keycloak's standard realm administrators (who hold
 * {@code realm-management/realm-admin} directly) and members of a subgroup of a group that holds {@code access-admin},
 * not only the holders of manage-users or of a composite realm role. Disabled administrators and people who only view
 * users are not emailed.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class EveryAccessAdministratorIsToldTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @Test
    void aDirectRealmAdminAndASubgroupMemberAreEmailedOnAPermissionChange() {
        String management = realm.admin().clients().findByClientId("realm-management").stream()
                .map(ClientRepresentation::getId)
                .findFirst()
                .orElseThrow();
        RoleRepresentation realmAdmin = realm.admin()
                .clients()
                .get(management)
                .roles()
                .get("realm-admin")
                .toRepresentation();

        String boss = Accounts.create(realm, "direct-boss", null);
        realm.admin().users().get(boss).roles().clientLevel(management).add(List.of(realmAdmin));

        String ops = group(null, "ops");
        realm.admin()
                .groups()
                .group(ops)
                .roles()
                .realmLevel()
                .add(List.of(realm.admin().roles().get("access-admin").toRepresentation()));
        String night = group(ops, "night");
        String nightAdmin = Accounts.create(realm, "night-admin", null);
        realm.admin().users().get(nightAdmin).joinGroup(night);

        String asleep = Accounts.create(realm, "asleep-admin", null);
        realm.admin().users().get(asleep).joinGroup(night);
        var disabled = realm.admin().users().get(asleep).toRepresentation();
        disabled.setEnabled(false);
        realm.admin().users().get(asleep).update(disabled);

        String mover = Accounts.create(realm, "moved-user", null);
        AccessApi api = AccessApi.admin(urls.getBase());
        AccessApi.Response put = api.put(
                AccessApi.access("/users/" + mover + "/access"),
                Map.of("roles", List.of("reviewer"), "note", "told to all"));
        assertEquals(200, put.status(), put.body());

        String subject = "Access changed for moved-user";
        assertTrue(
                Mail.text(Mail.await(mail, "direct-boss@example.org", subject)).contains("reviewer"));
        Mail.await(mail, "night-admin@example.org", subject);
        Mail.await(mail, "realm-admin@lifecycle.test", "moved-user");
        Mail.await(mail, "en-admin@lifecycle.test", subject);
        Jobs.ranTwiceMore(urls.getBase(), Jobs.OUTBOX); // whatever was queued has left
        assertEquals(
                0,
                Mail.to(mail.getReceivedMessages(), "asleep-admin@example.org").size(),
                "disabled administrators are not told");
        assertEquals(
                0,
                Mail.to(mail.getReceivedMessages(), "viewer@lifecycle.test").size(),
                "viewers do not administer access");
        assertEquals(
                1,
                Mail.to(mail.getReceivedMessages(), "direct-boss@example.org").size(),
                "one email per change");
    }

    private String group(String parent, String name) {
        GroupRepresentation g = new GroupRepresentation();
        g.setName(name);
        try (Response r = parent == null
                ? realm.admin().groups().add(g)
                : realm.admin().groups().group(parent).subGroup(g)) {
            assertEquals(201, r.getStatus());
            String path = r.getLocation().getPath();
            String id = path.substring(path.lastIndexOf('/') + 1);
            if (parent == null) {
                realm.cleanup().add(rr -> rr.groups().group(id).remove());
            }
            return id;
        }
    }
}
