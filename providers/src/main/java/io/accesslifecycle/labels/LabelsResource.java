package io.accesslifecycle.labels;

import io.accesslifecycle.access.UserListStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code GET /admin/realms/{realm}/access/labels}: every label in use, with how many users carry it. */
public class LabelsResource {

    /** A label and its number of users. */
    public record LabelCount(String label, long users) {}

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public LabelsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<LabelCount> list() {
        auth.users().requireView();
        return new UserListStore(session, realm)
                .labelCounts().stream()
                        .map(row -> new LabelCount((String) row[0], (Long) row[1]))
                        .toList();
    }
}
