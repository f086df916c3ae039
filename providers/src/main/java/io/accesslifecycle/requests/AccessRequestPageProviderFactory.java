package io.accesslifecycle.requests;

import io.accesslifecycle.common.Pages;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link AccessRequestPage} at {@code /realms/{realm}/access-request}. */
public class AccessRequestPageProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "access-request";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                Pages.requireEnabled(session);
                return new AccessRequestPage(session);
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
