package io.accesslifecycle.tests.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.ConsoleTokens;
import io.accesslifecycle.tests.LifecycleServerConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * A token of the access console is not a full administrator token: signed in through the browser (authorization
 * code with PKCE, as the console does), a realm administrator holding {@code realm-management/realm-admin} gets a
 * console token with only the realm-management roles the access API checks: it works on the access API and is
 * refused by Keycloak's own admin API for clients.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class ConsoleTokensCarryOnlyWhatTheConsoleNeedsTest {

    private static final Set<String> CONSOLE_ROLES =
            Set.of("view-users", "query-users", "manage-users", "query-groups", "view-realm", "manage-realm");

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectWebDriver
    ManagedWebDriver browser;

    @Test
    void aFullRealmAdministratorsConsoleTokenCarriesOnlyTheConsolesRoles() throws Exception {
        String management = realm.admin().clients().findByClientId("realm-management").stream()
                .map(ClientRepresentation::getId)
                .findFirst()
                .orElseThrow();
        String boss = Accounts.create(realm, "full-realm-admin", null);
        realm.admin()
                .users()
                .get(boss)
                .roles()
                .clientLevel(management)
                .add(List.of(realm.admin()
                        .clients()
                        .get(management)
                        .roles()
                        .get("realm-admin")
                        .toRepresentation()));

        BrowserSteps.signedOut(browser, urls);
        // an allowed redirect of the console client that serves no script
        String token = ConsoleTokens.signIn(
                browser,
                urls,
                AccessApi.REALM,
                urls.getBase() + "/realms/lifecycle/access-request-console-token-test",
                "full-realm-admin",
                Accounts.PASSWORD);
        JsonNode claims = new ObjectMapper()
                .readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals("access-console", claims.get("azp").asText());
        Set<String> roles = new TreeSet<>();
        claims.path("resource_access").path("realm-management").path("roles").forEach(r -> roles.add(r.asText()));
        assertEquals(new TreeSet<>(CONSOLE_ROLES), roles, "only what the console uses: " + claims);
        assertFalse(claims.path("resource_access").toString().contains("manage-clients"), claims.toString());
        assertFalse(claims.path("resource_access").toString().contains("realm-admin"), claims.toString());

        AccessApi console = AccessApi.withToken(urls.getBase(), token);
        assertEquals(200, console.get(AccessApi.access("/users")).status(), "the console works");
        assertEquals(200, console.get(AccessApi.access("/config")).status());
        assertEquals(
                403,
                console.get("/admin/realms/lifecycle/clients").status(),
                "no client administration with a console token");
        assertEquals(
                403,
                console.get("/admin/realms/lifecycle/identity-provider/instances")
                        .status());
    }
}
