package io.accesslifecycle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsolePageTest {

    private static final String BUILT =
            "<meta name=\"access-console\" data-realm=\"{{realm}}\" data-client-id=\"{{clientId}}\""
                    + " data-auth-server-url=\"{{authServerUrl}}\" data-admin-url=\"{{adminUrl}}\" data-admin-realm=\"{{adminRealm}}\">";

    @Test
    void thePageIsToldItsRealmAndKeycloaksAddresses() {
        ConsolePage page = new ConsolePage(
                "lifecycle", "access-console", "https://sso.example.org/", "https://admin.example.org:8443/", "master");
        assertEquals(
                "<meta name=\"access-console\" data-realm=\"lifecycle\" data-client-id=\"access-console\""
                        + " data-auth-server-url=\"https://sso.example.org/\" data-admin-url=\"https://admin.example.org:8443/\""
                        + " data-admin-realm=\"master\">",
                page.fill(BUILT));
    }

    @Test
    void valuesCannotBreakOutOfTheirAttribute() {
        String filled = new ConsolePage(
                        "a\"><script>x</script>&'", "c", "http://localhost:8080/", "http://localhost:8080/", "")
                .fill(BUILT);
        assertTrue(filled.contains("data-realm=\"a&quot;&gt;&lt;script&gt;x&lt;/script&gt;&amp;&#39;\""), filled);
        assertFalse(filled.contains("<script>"));
    }

    @Test
    void thePolicyAllowsOnlyThePageAndKeycloak() {
        String csp = new ConsolePage("r", "c", "https://sso.example.org/auth/", "https://admin.example.org:8443/", "")
                .contentSecurityPolicy();
        assertTrue(csp.startsWith("default-src 'none'; script-src 'self';"), csp);
        assertTrue(csp.contains("connect-src 'self' https://sso.example.org https://admin.example.org:8443;"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
        String same = new ConsolePage("r", "c", "http://localhost:8080/", "http://localhost:8080/", "")
                .contentSecurityPolicy();
        assertTrue(same.contains("connect-src 'self' http://localhost:8080;"), same);
    }

    @Test
    void anOriginIsSchemeHostAndPort() {
        assertEquals("http://localhost:8080", ConsolePage.origin("http://localhost:8080/realms/x"));
        assertEquals("https://sso.example.org", ConsolePage.origin("https://sso.example.org/"));
        assertThrows(IllegalArgumentException.class, () -> ConsolePage.origin("/relative"));
    }
}
