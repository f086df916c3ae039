package io.accesslifecycle.web;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the console's page is told and what it may load: the built {@code index.html} has placeholders for the
 * realm and Keycloak's addresses, filled here, and the page's content security policy allows only itself and
 * Keycloak's own origins.
 *
 * @param authServerUrl Keycloak's address for browsers (ends with {@code /}), where the page signs in
 * @param adminUrl      Keycloak's address for the admin API (ends with {@code /}), which the page calls
 * @param adminRealm    the administration realm (master) when its administrators may sign the page in there (it
 *                      has an enabled {@code access-console} client), else empty
 */
public record ConsolePage(String realm, String clientId, String authServerUrl, String adminUrl, String adminRealm) {

    /** Fills the placeholders of the built page, escaped for an HTML attribute. */
    public String fill(String indexHtml) {
        return indexHtml
                .replace("{{realm}}", escape(realm))
                .replace("{{clientId}}", escape(clientId))
                .replace("{{authServerUrl}}", escape(authServerUrl))
                .replace("{{adminUrl}}", escape(adminUrl))
                .replace("{{adminRealm}}", escape(adminRealm));
    }

    /** The page's content security policy: scripts and styles from itself, calls to Keycloak only. */
    public String contentSecurityPolicy() {
        Set<String> origins = new LinkedHashSet<>();
        origins.add("'self'");
        origins.add(origin(authServerUrl));
        origins.add(origin(adminUrl));
        String keycloak = String.join(" ", origins);
        return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src " + keycloak + "; frame-src " + keycloak + "; form-action "
                + keycloak + "; base-uri 'self'; frame-ancestors 'none'; object-src 'none'";
    }

    /** {@code scheme://host[:port]} of an absolute address. */
    static String origin(String url) {
        URI u = URI.create(url);
        if (u.getScheme() == null || u.getHost() == null) {
            throw new IllegalArgumentException("not an absolute address: " + url);
        }
        return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
    }

    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
