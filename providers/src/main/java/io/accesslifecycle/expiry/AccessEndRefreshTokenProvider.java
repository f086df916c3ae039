package io.accesslifecycle.expiry;

import java.time.LocalDate;
import java.util.Optional;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.refresh.InitialRefreshTokenContext;
import org.keycloak.protocol.oidc.refresh.RefreshTokenContext;
import org.keycloak.protocol.oidc.refresh.RefreshTokenProvider;
import org.keycloak.representations.RefreshToken;

/**
 * Refuses to refresh tokens (offline ones included) of a user whose access has ended, in every realm and without
 * any flow to configure. It stands in front of Keycloak's own refresh-token providers: the next one in their order
 * that supports the request refreshes as usual, then the user it refreshed for is checked.
 */
final class AccessEndRefreshTokenProvider implements RefreshTokenProvider {

    private final KeycloakSession session;

    AccessEndRefreshTokenProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public boolean supports(InitialRefreshTokenContext ctx) {
        return false;
    }

    @Override
    public RefreshToken generateRefreshToken(InitialRefreshTokenContext ctx) {
        throw new IllegalStateException("issues no refresh token of its own");
    }

    @Override
    public boolean supports(RefreshTokenContext ctx) {
        return true;
    }

    @Override
    public TokenManager.AccessTokenResponseBuilder refreshAccessToken(RefreshTokenContext ctx)
            throws OAuthErrorException {
        RefreshTokenProvider next = session.getKeycloakSessionFactory()
                .getProviderFactoriesStream(RefreshTokenProvider.class)
                .filter(f -> !AccessEndRefreshTokenProviderFactory.ID.equals(f.getId()))
                .sorted((a, b) -> b.order() - a.order())
                .map(f -> session.getProvider(RefreshTokenProvider.class, f.getId()))
                .filter(p -> p.supports(ctx))
                .findFirst()
                .orElseThrow(() -> new OAuthErrorException(
                        OAuthErrorException.INVALID_REQUEST, "No provider available to handle refresh token"));
        TokenManager.AccessTokenResponseBuilder response = next.refreshAccessToken(ctx);
        UserModel user = response.getClientSessionCtx()
                .getClientSession()
                .getUserSession()
                .getUser();
        Optional<LocalDate> ended = AccessEndCheck.endedOn(session.getContext().getRealm(), user);
        if (ended.isPresent()) {
            throw new OAuthErrorException(
                    OAuthErrorException.INVALID_GRANT, AccessEndCheck.message(session, user, ended.get()));
        }
        return response;
    }
}
