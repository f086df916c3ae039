package io.accesslifecycle.offboarding;

import io.accesslifecycle.common.ErrorResponses;
import io.accesslifecycle.common.JsonBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code POST /admin/realms/{realm}/access/offboarding}: disable or delete a list of departed users. */
public class OffboardingResource {

    private final Offboarding offboarding;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public OffboardingResource(Offboarding offboarding, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.offboarding = offboarding;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public OffboardingResult offboard(String body) {
        auth.users().requireManage();
        OffboardingResult result =
                ErrorResponses.translating(() -> offboarding.offboard(JsonBody.read(body, OffboardingRequest.class)));
        adminEvent
                .resource(ResourceType.USER)
                .operation("delete".equals(result.mode()) ? OperationType.DELETE : OperationType.UPDATE)
                .resourcePath("access", "offboarding")
                .representation(result)
                .success();
        return result;
    }
}
