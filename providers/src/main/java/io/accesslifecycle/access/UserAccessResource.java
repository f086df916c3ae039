package io.accesslifecycle.access;

import static io.accesslifecycle.common.ErrorResponses.translating;

import io.accesslifecycle.common.JsonBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code GET} and {@code PUT /admin/realms/{realm}/access/users/{id}/access}. */
public class UserAccessResource {

    private final UserModel user;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final AccessService access;

    public UserAccessResource(
            UserModel user, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent, AccessService access) {
        this.user = user;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public UserAccess read() {
        auth.users().requireView(user);
        return access.read(user);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public UserAccess replace(String body) {
        auth.users().requireManage(user);
        UserAccess updated =
                translating(() -> access.replace(user, JsonBody.read(body, AccessUpdate.class), JsonBody.fields(body)));
        adminEvent
                .resource(ResourceType.USER)
                .operation(OperationType.UPDATE)
                .resourcePath("users", user.getId(), "access")
                .representation(updated)
                .success();
        return updated;
    }
}
