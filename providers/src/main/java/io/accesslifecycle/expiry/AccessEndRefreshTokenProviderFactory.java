package io.accesslifecycle.expiry;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.refresh.RefreshTokenProvider;
import org.keycloak.protocol.oidc.refresh.RefreshTokenProviderFactory;

/** Puts the end-date check in front of token refresh (see {@link AccessEndRefreshTokenProvider}). */
public class AccessEndRefreshTokenProviderFactory implements RefreshTokenProviderFactory {

    public static final String ID = "access-end-date";

    @Override
    public RefreshTokenProvider create(KeycloakSession session) {
        return new AccessEndRefreshTokenProvider(session);
    }

    /** Ahead of Keycloak's own providers (default 0, OID4VCI 10). */
    @Override
    public int order() {
        return 1000;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
