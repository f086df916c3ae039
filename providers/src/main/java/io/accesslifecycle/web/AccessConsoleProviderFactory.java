package io.accesslifecycle.web;

import io.accesslifecycle.common.Pages;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link AccessConsoleResource} at {@code /realms/{realm}/access-console/}. */
public class AccessConsoleProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "access-console";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                Pages.requireEnabled(session);
                return new AccessConsoleResource(session);
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
