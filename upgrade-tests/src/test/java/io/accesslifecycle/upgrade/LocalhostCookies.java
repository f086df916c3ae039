package io.accesslifecycle.upgrade;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * A browser's cookie jar for a server on this machine: Keycloak treats {@code http://localhost} as a secure context,
 * as browsers do, and marks its cookies Secure; Java's {@link CookieManager} sends Secure cookies only over https, so
 * this one looks them up as if the address were https (the login form would otherwise lose its session).
 */
final class LocalhostCookies extends CookieHandler {

    private final CookieManager cookies = new CookieManager();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
        return cookies.get(local(uri) ? asHttps(uri) : uri, headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
        cookies.put(uri, headers);
    }

    private static boolean local(URI uri) {
        return "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
    }

    private static URI asHttps(URI uri) {
        try {
            return new URI(
                    "https",
                    uri.getUserInfo(),
                    uri.getHost(),
                    uri.getPort(),
                    uri.getPath(),
                    uri.getQuery(),
                    uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
