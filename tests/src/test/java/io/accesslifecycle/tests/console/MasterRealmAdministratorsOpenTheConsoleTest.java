package io.accesslifecycle.tests.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.ConsoleTokens;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.pages.AccessConsole;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/**
 * An administrator of the master realm who administers the lifecycle realm (roles of master's
 * {@code lifecycle-realm} client) opens that realm's console: once the operator has created master's
 * {@code access-console} client ({@code realm-config/master/access-console-client.json}, scoped to the console's roles),
 * the realm's page offers to sign in at master, the console then shows and manages the realm's users, and the
 * master token it gets carries only the console's roles of that realm.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class MasterRealmAdministratorsOpenTheConsoleTest {

    private static final List<String> CONSOLE_ROLES =
            List.of("view-users", "query-users", "manage-users", "query-groups", "view-realm", "manage-realm");
    private static final String OPERATOR = "lifecycle-operator";
    private static final String PASSWORD = "Operat0r-Passw0rd!";

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectAdminClient
    Keycloak admin;

    private String clientId;
    private String operatorId;

    @BeforeEach
    void masterClientAndAnOperatorOfTheRealm() throws IOException {
        RealmResource master = admin.realm("master");
        ClientRepresentation client;
        try (InputStream in = getClass().getResourceAsStream("/master/access-console-client.json")) {
            client = new ObjectMapper().readValue(in, ClientRepresentation.class);
        }
        try (Response r = master.clients().create(client)) {
            assertEquals(201, r.getStatus());
        }
        clientId = master.clients().findByClientId("access-console").get(0).getId();
        String realmClient =
                master.clients().findByClientId("lifecycle-realm").get(0).getId();
        master.clients()
                .get(clientId)
                .getScopeMappings()
                .clientLevel(realmClient)
                .add(roles(master, realmClient, CONSOLE_ROLES));

        UserRepresentation operator = new UserRepresentation();
        operator.setUsername(OPERATOR);
        operator.setEnabled(true);
        operator.setEmail("operator@example.org");
        operator.setFirstName("Lifecycle");
        operator.setLastName("Operator");
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        operator.setCredentials(List.of(password));
        try (Response r = master.users().create(operator)) {
            assertEquals(201, r.getStatus());
        }
        operatorId = master.users().search(OPERATOR, true).get(0).getId();
        // administers the lifecycle realm's users and may manage its clients: the console's token must not carry that
        master.users()
                .get(operatorId)
                .roles()
                .clientLevel(realmClient)
                .add(roles(
                        master,
                        realmClient,
                        List.of(
                                "view-users",
                                "query-users",
                                "manage-users",
                                "query-groups",
                                "view-realm",
                                "manage-clients")));
        signedOutEverywhere();
    }

    @AfterEach
    void removeThem() {
        signedOutEverywhere();
        RealmResource master = admin.realm("master");
        if (clientId != null) {
            master.clients().get(clientId).remove();
        }
        if (operatorId != null) {
            master.users().get(operatorId).remove();
        }
    }

    @Test
    void theRealmsPageOffersTheMasterSignInOnlyWhileMastersClientIsEnabled() {
        AccessApi anonymous = AccessApi.anonymous(urls.getBase());
        String page = anonymous.page(AccessConsole.address(urls)).body();
        assertTrue(page.contains("data-admin-realm=\"master\""), page);

        ClientRepresentation client =
                admin.realm("master").clients().get(clientId).toRepresentation();
        client.setEnabled(false);
        admin.realm("master").clients().get(clientId).update(client);
        page = anonymous.page(AccessConsole.address(urls)).body();
        assertTrue(page.contains("data-admin-realm=\"\""), page);
    }

    @Test
    void aMasterAdministratorOfTheRealmManagesItsUsersInTheConsole() {
        // someone of the realm without the rights is offered the master sign-in
        console().signIn("plain-user", "Plain-Passw0rd!");
        console().visible(By.id("no-access"));
        console().clickable(By.id("sign-in-other-realm")).click();
        BrowserSteps.waitForUrl(browser, "/realms/master/protocol/openid-connect/auth");
        assertTrue(browser.getCurrentUrl().contains("client_id=access-console"), browser.getCurrentUrl());

        BrowserSteps.submitSignIn(browser, OPERATOR, PASSWORD);
        console().visible(By.id("nav-users"));
        console().showing(By.id("signed-in-as"), OPERATOR + " (master)");
        assertTrue(
                browser.getCurrentUrl().contains("/realms/lifecycle/access-console/?signin=master"),
                browser.getCurrentUrl());
        // the realm's users, read and changed with the master token
        console().visible(By.cssSelector("tr[data-username='plain-user']"));
        console().screenshot("master-administrator-users");

        String end = LocalDate.now(ZoneOffset.UTC).plusDays(20).toString();
        console().clickable(By.id("edit-plain-user")).click();
        AccessConsole.type(console().visible(By.id("access-expires-on")), end);
        console().visible(By.id("access-note")).sendKeys("Set by the master operator");
        console().clickable(By.id("access-save")).click();
        console().gone(By.id("edit-access"));

        AccessApi realmAdmin = AccessApi.admin(urls.getBase());
        String plainUser =
                realm.admin().users().search("plain-user", true).get(0).getId();
        AccessApi.Response access = realmAdmin.get(AccessApi.access("/users/" + plainUser + "/access"));
        assertEquals(end, access.json().get("accessExpiresOn").asText(), access.body());
        AccessApi.Response audit = realmAdmin.get(AccessApi.access("/audit?user=plain-user&actor=" + OPERATOR));
        assertEquals(200, audit.status(), audit.body());
        assertTrue(
                audit.body().contains(OPERATOR) && audit.body().contains("Set by the master operator"),
                "the log names the master administrator: " + audit.body());
    }

    @Test
    void aMasterAdministratorsConsoleTokenCarriesOnlyTheConsolesRolesOfThatRealm() throws Exception {
        // back to an address of the console that serves no script (a 404 of the page's folder)
        String token = ConsoleTokens.signIn(
                browser, urls, "master", AccessConsole.address(urls) + "token-test.txt", OPERATOR, PASSWORD);
        JsonNode claims = new ObjectMapper()
                .readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals("access-console", claims.get("azp").asText());
        Set<String> roles = new TreeSet<>();
        claims.path("resource_access").path("lifecycle-realm").path("roles").forEach(r -> roles.add(r.asText()));
        assertEquals(
                new TreeSet<>(Set.of("view-users", "query-users", "manage-users", "query-groups", "view-realm")),
                roles,
                "what the operator holds of the console's roles, nothing else: " + claims);
        assertFalse(claims.path("resource_access").toString().contains("manage-clients"), claims.toString());
        assertEquals(Set.of("lifecycle-realm"), fieldNames(claims.path("resource_access")), claims.toString());

        AccessApi console = AccessApi.withToken(urls.getBase(), token);
        assertEquals(200, console.get(AccessApi.access("/users")).status(), "the console works with the master token");
        assertEquals(200, console.get(AccessApi.access("/config")).status());
        assertEquals(
                403,
                console.put(AccessApi.access("/config"), Map.of("auditRetentionDays", 1))
                        .status(),
                "settings stay realm administration");
        assertEquals(
                403,
                console.get("/admin/realms/lifecycle/clients").status(),
                "no client administration with a console token, though the operator may manage clients");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<RoleRepresentation> roles(RealmResource master, String client, List<String> names) {
        return names.stream()
                .map(n -> master.clients().get(client).roles().get(n).toRepresentation())
                .toList();
    }

    private void signedOutEverywhere() {
        for (String r : List.of("master", AccessApi.REALM)) {
            browser.open(urls.getBase() + "/realms/" + r + "/");
            browser.cookies().deleteAll();
        }
    }

    private AccessConsole console;

    /** The console as this test's browser shows it (one per test: it remembers the language it speaks). */
    private AccessConsole console() {
        if (console == null) {
            console = new AccessConsole(browser, urls);
        }
        return console;
    }
}
