package io.accesslifecycle.requests;

import static io.accesslifecycle.common.ErrorResponses.translating;

import io.accesslifecycle.common.JsonBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/access/requests}: the access requests inbox. */
public class RequestsResource {

    private final AccessRequests requests;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public RequestsResource(AccessRequests requests, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.requests = requests;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AccessRequestRepresentation> list(@QueryParam("status") String status) {
        auth.users().requireView();
        return translating(() -> requests.list(status));
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public AccessRequestRepresentation approve(@PathParam("id") String id, String body) {
        auth.users().requireManage();
        AccessRequestRepresentation done =
                translating(() -> requests.approve(id, decision(body), JsonBody.fields(body), auth));
        adminEvent
                .resource(ResourceType.USER)
                .operation(OperationType.ACTION)
                .resourcePath("access", "requests", id, "approve")
                .success();
        return done;
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public AccessRequestRepresentation reject(@PathParam("id") String id, String body) {
        auth.users().requireManage();
        AccessRequestRepresentation done = translating(() -> requests.reject(id, decision(body), auth));
        adminEvent
                .resource(ResourceType.USER)
                .operation(OperationType.ACTION)
                .resourcePath("access", "requests", id, "reject")
                .success();
        return done;
    }

    private static Decision decision(String body) {
        return body == null || body.isBlank() ? null : JsonBody.read(body, Decision.class);
    }
}
