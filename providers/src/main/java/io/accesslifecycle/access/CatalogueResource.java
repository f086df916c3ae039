package io.accesslifecycle.access;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code GET /admin/realms/{realm}/access/catalogue}: the roles and groups this administrator may give
 * ({@link Catalogue}), for those who may view users.
 */
public class CatalogueResource {

    private final Catalogue catalogue;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public CatalogueResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.catalogue = new Catalogue(session, realm);
        this.realm = realm;
        this.auth = auth;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Catalogue.Entries read() {
        auth.users().requireView();
        return catalogue.grantableWith(GrantRights.of(realm, auth));
    }
}
