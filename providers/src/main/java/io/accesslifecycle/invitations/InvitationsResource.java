package io.accesslifecycle.invitations;

import static io.accesslifecycle.common.ErrorResponses.translating;

import io.accesslifecycle.common.JsonBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/access/invitations}. */
public class InvitationsResource {

    private final KeycloakSession session;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final InvitationService invitations;

    public InvitationsResource(
            KeycloakSession session,
            AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent,
            InvitationService invitations) {
        this.session = session;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.invitations = invitations;
    }

    private URI base() {
        return session.getContext().getUri().getBaseUri();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public InviteResult invite(String body) {
        auth.users().requireManage();
        InviteResult result = translating(() -> invitations.invite(JsonBody.read(body, InviteRequest.class), base()));
        adminEvent
                .resource(ResourceType.USER)
                .operation(OperationType.CREATE)
                .resourcePath("access", "invitations")
                .representation(result)
                .success();
        return result;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<InvitationRepresentation> list(
            @QueryParam("status") String status,
            @QueryParam("label") String label,
            @QueryParam("q") String q,
            @QueryParam("first") Integer first,
            @QueryParam("max") Integer max) {
        auth.users().requireView();
        return translating(() -> invitations.search(status, label, q, first, max));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public InvitationRepresentation get(@PathParam("id") String id) {
        auth.users().requireView();
        return translating(() -> invitations.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public InvitationRepresentation update(@PathParam("id") String id, String body) {
        auth.users().requireManage();
        InvitationRepresentation updated =
                translating(() -> invitations.update(id, JsonBody.read(body, InvitationUpdate.class), base()));
        adminEvent
                .resource(ResourceType.USER)
                .operation(OperationType.UPDATE)
                .resourcePath("access", "invitations", id)
                .representation(updated)
                .success();
        return updated;
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public InvitationRepresentation revoke(@PathParam("id") String id) {
        auth.users().requireManage();
        InvitationRepresentation revoked = translating(() -> invitations.revoke(id));
        adminEvent
                .resource(ResourceType.USER)
                .operation(OperationType.DELETE)
                .resourcePath("access", "invitations", id)
                .success();
        return revoked;
    }

    @POST
    @Path("{id}/resend")
    @Produces(MediaType.APPLICATION_JSON)
    public InvitationRepresentation resend(@PathParam("id") String id) {
        auth.users().requireManage();
        InvitationRepresentation resent = translating(() -> invitations.resend(id, base()));
        adminEvent
                .resource(ResourceType.USER)
                .operation(OperationType.ACTION)
                .resourcePath("access", "invitations", id, "resend")
                .success();
        return resent;
    }
}
