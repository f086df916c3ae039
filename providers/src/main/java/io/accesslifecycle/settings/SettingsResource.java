package io.accesslifecycle.settings;

import static io.accesslifecycle.common.ErrorResponses.translating;

import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.common.JsonBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code GET} and {@code PUT /admin/realms/{realm}/access/config}: the realm's Access Lifecycle settings. They are realm
 * administration: changing them needs {@code manage-realm}; reading them {@code view-realm} or {@code view-users}
 * (access administrators see the rules they work under). Both answer the settings in force and, under
 * {@code refused}, the stored values that were not used because they are not valid (each with its field, the stored
 * text and the reason) and {@code editable}; a {@code PUT} writes every setting, so it also replaces refused values.
 */
public class SettingsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final RefusedSettingsLog refusals;

    public SettingsResource(
            KeycloakSession session,
            RealmModel realm,
            AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent,
            RefusedSettingsLog refusals) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.refusals = refusals;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> read() {
        if (!auth.realm().canViewRealm()) {
            auth.users().requireView();
        }
        return view(AccessSettingsStore.inspect(realm));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(String body) {
        auth.realm().requireManageRealm();
        AccessSettings current = AccessSettingsStore.read(realm);
        AccessSettings updated = translating(
                () -> JsonBody.read(body, AccessSettingsUpdate.class).applyTo(current));
        new AuditLog(session)
                .record(
                        realm,
                        AuditLog.Type.SETTINGS_CHANGED,
                        auth.adminAuth().getUser(),
                        null,
                        null,
                        current,
                        updated,
                        null);
        AccessSettingsStore.write(realm, updated);
        adminEvent
                .resource(ResourceType.REALM)
                .operation(OperationType.UPDATE)
                .resourcePath("access", "config")
                .representation(updated)
                .success();
        return view(new AccessSettingsStore.Inspection(updated, List.of()));
    }

    /**
     * The settings' fields, then {@code refused} and {@code editable} (whether the caller may change them, so that the
     * console can say so); the refusals are also logged, once per change.
     */
    private Map<String, Object> view(AccessSettingsStore.Inspection inspection) {
        refusals.report(realm.getId(), realm.getName(), inspection.refused());
        Map<String, Object> body = new LinkedHashMap<>(SettingsFields.values(inspection.settings()));
        body.put("refused", inspection.refused());
        body.put("editable", auth.realm().canManageRealm());
        return body;
    }
}
