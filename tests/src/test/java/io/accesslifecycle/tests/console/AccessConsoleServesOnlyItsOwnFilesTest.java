package io.accesslifecycle.tests.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.pages.AccessConsole;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The console's page comes from the provider jar at /realms/{realm}/access-console/, told its realm and Keycloak's
 * address, with a content security policy that allows only Keycloak; anything else there is 404.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class AccessConsoleServesOnlyItsOwnFilesTest {

    private static final Pattern SCRIPT = Pattern.compile("src=\"\\./(assets/[A-Za-z0-9_.-]+\\.js)\"");

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void thePageIsServedWithItsRealmAndAStrictPolicy() {
        AccessApi visitor = AccessApi.anonymous(urls.getBase());
        String page = AccessConsole.address(urls);

        AccessApi.Response withoutSlash = visitor.page(page.substring(0, page.length() - 1));
        assertEquals(303, withoutSlash.status());
        assertTrue(
                withoutSlash.headers().get("location").endsWith("/realms/lifecycle/access-console/"),
                withoutSlash.headers().toString());

        AccessApi.Response index = visitor.page(page);
        assertEquals(200, index.status(), index.body());
        assertTrue(index.headers().get("content-type").startsWith("text/html"));
        assertTrue(index.body().contains("data-realm=\"lifecycle\""), index.body());
        assertTrue(index.body().contains("data-client-id=\"access-console\""), index.body());
        assertTrue(index.body().contains("data-auth-server-url=\"" + urls.getBase() + "/\""), index.body());
        assertFalse(index.body().contains("{{"), "every placeholder is filled");
        assertEquals("no-store", index.headers().get("cache-control"));
        String csp = index.headers().get("content-security-policy");
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertTrue(csp.contains("connect-src 'self' " + urls.getBase().replaceAll("/$", "") + ";"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", index.headers().get("x-content-type-options"));
        assertEquals("DENY", index.headers().get("x-frame-options"));
        assertEquals("no-referrer", index.headers().get("referrer-policy"));

        Matcher script = SCRIPT.matcher(index.body());
        assertTrue(script.find(), index.body());
        AccessApi.Response js = visitor.page(page + script.group(1));
        assertEquals(200, js.status());
        assertTrue(
                js.headers().get("content-type").startsWith("text/javascript"),
                js.headers().toString());
        assertEquals("public, max-age=31536000, immutable", js.headers().get("cache-control"));
        assertTrue(js.body().length() > 10_000, "the built bundle");
    }

    @Test
    void unknownFilesAndPathsOutsideTheConsoleAreNotFound() {
        AccessApi visitor = AccessApi.anonymous(urls.getBase());
        String page = AccessConsole.address(urls);
        for (String path : List.of(
                "nothing-here.js",
                "assets/missing.css",
                "assets/",
                "users",
                "favicon.svg.bak",
                "io/accesslifecycle/web/ConsoleFile.class",
                "META-INF/keycloak-themes.json",
                "..%2F..%2Findex.html")) {
            AccessApi.Response r = visitor.page(page + path);
            assertEquals(404, r.status(), path + " -> " + r.body());
        }
        // paths that climb out are refused before they reach the console (Keycloak: "Request path not normalized")
        for (String path : List.of(
                "../access-console/index.html",
                "assets/../../access-request",
                ".%2e/x.json",
                "%2e%2e/%2e%2e/%2e%2e/META-INF/services/org.keycloak.services.resource.RealmResourceProviderFactory")) {
            AccessApi.Response r = visitor.page(page + path);
            assertTrue(r.status() == 400 || r.status() == 404, path + " -> " + r.status());
            assertFalse(r.body().contains("io.accesslifecycle"), path);
        }
    }
}
