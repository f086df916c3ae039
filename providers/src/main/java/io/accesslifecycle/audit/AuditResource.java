package io.accesslifecycle.audit;

import static io.accesslifecycle.common.ErrorResponses.translating;

import io.accesslifecycle.settings.AccessSettingsStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code GET /admin/realms/{realm}/access/audit}: the access log, as JSON or CSV ({@code Accept: text/csv}). */
public class AuditResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public AuditResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    private List<AuditRecord> search(
            String user, String actor, String type, String from, String to, Integer first, Integer max) {
        auth.users().requireView();
        return translating(() -> new AuditLog(session)
                .search(
                        realm,
                        AuditQuery.of(
                                user,
                                actor,
                                type,
                                from,
                                to,
                                first,
                                max,
                                AccessSettingsStore.read(realm).zone())));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditRecord> json(
            @QueryParam("user") String user,
            @QueryParam("actor") String actor,
            @QueryParam("type") String type,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("first") Integer first,
            @QueryParam("max") Integer max) {
        return search(user, actor, type, from, to, first, max);
    }

    @GET
    @Produces("text/csv")
    public Response csv(
            @QueryParam("user") String user,
            @QueryParam("actor") String actor,
            @QueryParam("type") String type,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("first") Integer first,
            @QueryParam("max") Integer max) {
        String body = AuditCsv.of(search(user, actor, type, from, to, first, max));
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"access-audit-" + realm.getName() + ".csv\"")
                .build();
    }
}
