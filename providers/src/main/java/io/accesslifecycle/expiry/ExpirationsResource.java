package io.accesslifecycle.expiry;

import io.accesslifecycle.common.ErrorResponses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code GET /admin/realms/{realm}/access/expirations?withinDays=}: end dates to come and accounts in grace. */
public class ExpirationsResource {

    private final AdminPermissionEvaluator auth;
    private final Expirations expirations;

    public ExpirationsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.auth = auth;
        this.expirations = new Expirations(session, realm, auth);
    }

    /** See {@link Expirations#within}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Expiration> list(
            @QueryParam("withinDays") Integer withinDays,
            @QueryParam("first") Integer first,
            @QueryParam("max") Integer max) {
        auth.users().requireView();
        return ErrorResponses.translating(() -> expirations.within(withinDays, first, max));
    }
}
