package io.accesslifecycle.common;

import java.security.SecureRandom;

import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.common.util.Base64Url;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Links to Keycloak's own sign-in and sign-out pages for the bundle's pages, through the public
 * {@value #CLIENT_ID} client (which must allow redirects back to those pages).
 */
public final class KeycloakPages {

    public static final String CLIENT_ID = "access-console";

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeycloakPages() {
    }

    /** An address under {@code /realms/{realm}/}. */
    public static UriBuilder realmPath(KeycloakSession session, RealmModel realm, String path) {
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri()).path("realms/{realm}/" + path)
                .resolveTemplate("realm", realm.getName());
    }

    /** Keycloak's sign-in page, coming back to {@code returnTo} once signed in. */
    public static String signIn(KeycloakSession session, RealmModel realm, String returnTo, String loginHint) {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        UriBuilder b = realmPath(session, realm, "protocol/openid-connect/auth")
                .queryParam("client_id", CLIENT_ID).queryParam("response_type", "code").queryParam("scope", "openid")
                .queryParam("redirect_uri", returnTo)
                .queryParam("code_challenge", Base64Url.encode(challenge)).queryParam("code_challenge_method", "S256");
        if (loginHint != null) {
            b.queryParam("login_hint", loginHint);
        }
        return b.build().toString();
    }

    /** Keycloak's sign-out page, coming back to {@code returnTo}. */
    public static String signOut(KeycloakSession session, RealmModel realm, String returnTo) {
        return realmPath(session, realm, "protocol/openid-connect/logout")
                .queryParam("client_id", CLIENT_ID).queryParam("post_logout_redirect_uri", returnTo).build().toString();
    }
}
