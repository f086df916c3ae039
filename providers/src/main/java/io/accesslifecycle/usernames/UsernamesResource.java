package io.accesslifecycle.usernames;

import static io.accesslifecycle.common.ErrorResponses.translating;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/access/usernames}: what the username rule gives. */
public class UsernamesResource {

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final UsernameAllocator allocator;

    public UsernamesResource(RealmModel realm, AdminPermissionEvaluator auth, UsernameAllocator allocator) {
        this.realm = realm;
        this.auth = auth;
        this.allocator = allocator;
    }

    @GET
    @Path("preview")
    @Produces(MediaType.APPLICATION_JSON)
    public UsernameProposal preview(
            @QueryParam("firstName") String firstName, @QueryParam("lastName") String lastName) {
        auth.users().requireView();
        return translating(() -> allocator.propose(realm, firstName, lastName));
    }
}
