package io.accesslifecycle.tests.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The realm's Access Lifecycle settings switch safeguards on and off (audit retention, notices to administrators,
 * the email limit): changing them is realm administration ({@code manage-realm}). An access administrator
 * ({@code manage-users}, as {@code en-admin}) may read them, not change them.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class SettingsAreRealmAdministrationTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void anAccessAdministratorReadsButCannotChangeThem() {
        String base = urls.getBase();
        String config = AccessApi.access("/config");
        AccessApi accessAdmin = AccessApi.as(base, "en-admin", AccessApi.ADMIN_PASSWORD);
        AccessApi realmAdmin = AccessApi.admin(base);
        String before = realmAdmin.get(config).body();

        assertEquals(200, accessAdmin.get(config).status());
        AccessApi.Response refused =
                accessAdmin.put(config, Map.of("auditRetentionDays", 1, "notifyAdminsOnPermissionChange", false));
        assertEquals(403, refused.status(), refused.body());
        assertEquals(before, realmAdmin.get(config).body(), "nothing changed");

        AccessApi viewer = AccessApi.as(base, "viewer", "Viewer-Passw0rd!");
        assertEquals(200, viewer.get(config).status(), "view-users reads them");
        assertEquals(403, viewer.put(config, Map.of("auditRetentionDays", 1)).status());
        assertEquals(
                403,
                AccessApi.as(base, "plain-user", "Plain-Passw0rd!").get(config).status());

        AccessApi.Response changed = realmAdmin.put(config, Map.of("auditRetentionDays", 400));
        assertEquals(200, changed.status(), changed.body());
        assertEquals(
                400, accessAdmin.get(config).json().get("auditRetentionDays").asInt());
        assertEquals(
                200, realmAdmin.put(config, Map.of("auditRetentionDays", 730)).status());
    }
}
