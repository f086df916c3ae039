package io.accesslifecycle.audit;

import static io.accesslifecycle.common.ErrorResponses.translating;

import io.accesslifecycle.settings.AccessSettingsStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
        return translating(() -> {
            AuditQuery q = AuditQuery.of(
                    user,
                    actor,
                    type,
                    from,
                    to,
                    first,
                    max,
                    AccessSettingsStore.read(realm).zone());
            return new AuditLog(session)
                    .search(realm, q.target(), q.actor(), q.type(), q.from(), q.to(), q.first(), q.max());
        });
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
        List<AuditRecord> records = search(user, actor, type, from, to, first, max);
        String header = "time,type,actorId,actorName,targetId,targetName,before,after,note";
        String body = Stream.concat(
                        Stream.of(header),
                        records.stream()
                                .map(r -> Stream.of(
                                                r.time(),
                                                r.type(),
                                                r.actorId(),
                                                r.actorName(),
                                                r.targetId(),
                                                r.targetName(),
                                                r.before(),
                                                r.after(),
                                                r.note())
                                        .map(AuditResource::cell)
                                        .collect(Collectors.joining(","))))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"access-audit-" + realm.getName() + ".csv\"")
                .build();
    }

    /** RFC 4180 quoting; a cell starting with = + - @ is prefixed with ' so spreadsheets do not run it. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
