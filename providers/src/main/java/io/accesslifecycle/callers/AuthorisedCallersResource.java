package io.accesslifecycle.callers;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code GET /admin/realms/{realm}/access/authorised-callers}: the current callers with plan and contact. */
public class AuthorisedCallersResource {

    /** One caller as listed. */
    public record Caller(
            String id,
            String username,
            String email,
            String firstName,
            String lastName,
            String supportPlan,
            String callerPhone,
            String callerCountry) {}

    private final AuthorisedCallers callers;
    private final AdminPermissionEvaluator auth;

    public AuthorisedCallersResource(AuthorisedCallers callers, AdminPermissionEvaluator auth) {
        this.callers = callers;
        this.auth = auth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Caller> list() {
        auth.users().requireView();
        return callers.listed();
    }
}
