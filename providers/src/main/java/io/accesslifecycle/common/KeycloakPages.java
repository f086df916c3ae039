package io.accesslifecycle.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.security.SecureRandom;
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

    private KeycloakPages() {}

    /** An address under {@code /realms/{realm}/}. */
    public static UriBuilder realmPath(KeycloakSession session, RealmModel realm, String path) {
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms/{realm}/" + path)
                .resolveTemplate("realm", realm.getName());
    }

    /** Keycloak's sign-in page, coming back to {@code returnTo} once signed in. */
    public static String signIn(KeycloakSession session, RealmModel realm, String returnTo, String loginHint) {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        UriBuilder b = realmPath(session, realm, "protocol/openid-connect/auth")
                .queryParam("client_id", CLIENT_ID)
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", returnTo)
                .queryParam("code_challenge", Base64Url.encode(challenge))
                .queryParam("code_challenge_method", "S256");
        if (loginHint != null) {
            b.queryParam("login_hint", loginHint);
        }
        return b.build().toString();
    }

    /** The message key of the page that refuses a form posted from another site. */
    public static final String CROSS_SITE_MESSAGE = "accessCrossSitePost";

    /**
     * Was this form posted from another site's page? Keycloak's sign-in cookie is {@code SameSite=None}, so a browser
     * sends it with a form that any site makes it post (cross-site request forgery): a form acting as the signed-in
     * user must come from our own pages. Browsers say where a request comes from in {@code Sec-Fetch-Site}
     * ({@code same-origin} for our pages, {@code none} for the user's own action); browsers without it are judged by
     * {@code Origin}. ({@code Origin} alone cannot tell: Keycloak's pages set {@code Referrer-Policy: no-referrer},
     * with which a browser sends {@code Origin: null} from our own pages, as from an attacker's page asking for the
     * same policy.) A request with neither header (a script) is not a browser's cross-site post.
     */
    public static boolean postedFromAnotherSite(KeycloakSession session) {
        HttpHeaders headers = session.getContext().getRequestHeaders();
        String site = headers.getHeaderString("Sec-Fetch-Site");
        if (site != null) {
            return !site.strip().equalsIgnoreCase("same-origin")
                    && !site.strip().equalsIgnoreCase("none");
        }
        String origin = headers.getHeaderString("Origin");
        return origin != null
                && !origin.strip().equals("null")
                && !origin.strip()
                        .equalsIgnoreCase(origin(session.getContext().getUri().getBaseUri()));
    }

    static String origin(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
        return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }

    /** Keycloak's sign-out page, coming back to {@code returnTo}. */
    public static String signOut(KeycloakSession session, RealmModel realm, String returnTo) {
        return realmPath(session, realm, "protocol/openid-connect/logout")
                .queryParam("client_id", CLIENT_ID)
                .queryParam("post_logout_redirect_uri", returnTo)
                .build()
                .toString();
    }
}
