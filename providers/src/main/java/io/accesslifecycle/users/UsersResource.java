package io.accesslifecycle.users;

import static io.accesslifecycle.common.ErrorResponses.translating;

import io.accesslifecycle.access.AccessService;
import io.accesslifecycle.access.UserAccessResource;
import io.accesslifecycle.access.UserSummary;
import io.accesslifecycle.common.ErrorResponses;
import io.accesslifecycle.common.JsonBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/access/users}: listing and declaring users, and each user's access. */
public class UsersResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final UserDeclarationService declarations;

    public UsersResource(
            KeycloakSession session,
            RealmModel realm,
            AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent,
            UserDeclarationService declarations) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.declarations = declarations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response declare(String body) {
        auth.users().requireManage();
        DeclaredUser declared = translating(() -> declarations.declare(JsonBody.read(body, DeclareUserRequest.class)));
        adminEvent
                .resource(ResourceType.USER)
                .operation(OperationType.CREATE)
                .resourcePath("users", declared.id())
                .representation(declared)
                .success();
        return Response.created(session.getContext()
                        .getUri()
                        .getBaseUriBuilder()
                        .path("admin/realms/{realm}/users/{id}")
                        .build(realm.getName(), declared.id()))
                .entity(declared)
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<UserSummary> list(
            @QueryParam("label") String label,
            @QueryParam("status") String status,
            @QueryParam("q") String q,
            @QueryParam("first") Integer first,
            @QueryParam("max") Integer max) {
        auth.users().requireQuery();
        return translating(() -> new AccessService(session, realm, auth).list(label, status, q, first, max));
    }

    @Path("{id}/access")
    public UserAccessResource access(@PathParam("id") String id) {
        UserModel user = session.users().getUserById(realm, id);
        if (user == null) {
            auth.users().requireQuery();
            throw ErrorResponses.notFound("user " + id + " not found");
        }
        return new UserAccessResource(user, auth, adminEvent, new AccessService(session, realm, auth));
    }

    @POST
    @Path("{id}/set-password-email")
    @Produces(MediaType.APPLICATION_JSON)
    public DeclaredUser resendSetPasswordEmail(@PathParam("id") String id) {
        UserModel user = session.users().getUserById(realm, id);
        if (user == null) {
            auth.users().requireManage(); // a write: who may not write learns nothing about which ids exist
            throw ErrorResponses.notFound("user " + id + " not found");
        }
        auth.users().requireManage(user);
        DeclaredUser resent = translating(() -> declarations.resendSetPasswordEmail(user));
        adminEvent
                .resource(ResourceType.USER)
                .operation(OperationType.ACTION)
                .resourcePath("users", id, "set-password-email")
                .success();
        return resent;
    }
}
