package io.accesslifecycle.settings;

import static io.accesslifecycle.common.ApiException.translating;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.common.JsonBody;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code GET} and {@code PUT /admin/realms/{realm}/access/config}: the realm's Access Lifecycle settings. */
public class SettingsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public SettingsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AccessSettings read() {
        auth.users().requireView();
        return AccessSettingsStore.read(realm);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public AccessSettings update(String body) {
        auth.users().requireManage();
        AccessSettings updated = translating(() ->
                JsonBody.read(body, AccessSettingsUpdate.class).applyTo(AccessSettingsStore.read(realm)));
        new AuditLog(session).record(realm, AuditLog.Type.SETTINGS_CHANGED, auth.adminAuth().getUser(), null, null,
                AccessSettingsStore.read(realm), updated, null);
        AccessSettingsStore.write(realm, updated);
        adminEvent.resource(ResourceType.REALM).operation(OperationType.UPDATE)
                .resourcePath("access", "config").representation(updated).success();
        return updated;
    }
}
