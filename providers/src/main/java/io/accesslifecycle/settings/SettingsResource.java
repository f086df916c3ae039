package io.accesslifecycle.settings;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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

    private final SettingsService settings;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public SettingsResource(
            KeycloakSession session,
            RealmModel realm,
            AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent,
            RefusedSettingsLog refusals) {
        this.settings = new SettingsService(session, realm, refusals);
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> read() {
        if (!auth.realm().canViewRealm()) {
            auth.users().requireView();
        }
        return SettingsService.view(settings.read(), auth.realm().canManageRealm());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(String body) {
        auth.realm().requireManageRealm();
        AccessSettingsStore.Inspection updated =
                settings.update(auth.adminAuth().getUser(), body);
        adminEvent
                .resource(ResourceType.REALM)
                .operation(OperationType.UPDATE)
                .resourcePath("access", "config")
                .representation(updated.settings())
                .success();
        return SettingsService.view(updated, true);
    }
}
