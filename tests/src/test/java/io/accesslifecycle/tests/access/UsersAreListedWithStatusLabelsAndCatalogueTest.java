package io.accesslifecycle.tests.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** Administrators list users by label, status and text, and see which roles and groups they may give, with help text. */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class UsersAreListedWithStatusLabelsAndCatalogueTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void labelStatusAndTextFilters() {
        AccessApi api = AccessApi.admin(urls.getBase());
        String soon = LocalDate.now().plusDays(10).toString();
        String later = LocalDate.now().plusDays(200).toString();
        api.post(AccessApi.access("/users"), Map.of("email", "la@example.org", "firstName", "Lea", "lastName", "Aubert",
                "labels", List.of("lyon"), "accessExpiresOn", soon));
        api.post(AccessApi.access("/users"), Map.of("email", "lb@example.org", "firstName", "Luc", "lastName", "Blanc",
                "labels", List.of("lyon", "audit"), "accessExpiresOn", later));
        api.post(AccessApi.access("/users"), Map.of("email", "lc@example.org", "firstName", "Lou", "lastName", "Comte",
                "labels", List.of("paris")));

        JsonNode lyon = api.get(AccessApi.access("/users?label=lyon")).json();
        assertEquals(2, lyon.size());
        assertEquals("laubert", lyon.get(0).get("username").asText());
        assertEquals("expiring", lyon.get(0).get("status").asText());
        assertEquals("active", lyon.get(1).get("status").asText());
        assertEquals(1, api.get(AccessApi.access("/users?label=lyon&status=expiring")).json().size());
        assertEquals(1, api.get(AccessApi.access("/users?label=lyon&q=blanc")).json().size());
        JsonNode text = api.get(AccessApi.access("/users?q=comte")).json();
        assertEquals("lcomte", text.get(0).get("username").asText());
        assertEquals("[\"paris\"]", text.get(0).get("labels").toString());
        assertEquals(400, api.get(AccessApi.access("/users?status=sleeping")).status());
        assertEquals(400, api.get(AccessApi.access("/users?max=0")).status());
        assertEquals(403, AccessApi.as(urls.getBase(), "plain-user", "Plain-Passw0rd!").get(AccessApi.access("/users")).status());
    }

    @Test
    void theCatalogueListsGrantableRolesAndGroupsWithTheirHelpText() {
        JsonNode catalogue = AccessApi.admin(urls.getBase()).get(AccessApi.access("/catalogue")).json();
        JsonNode caller = null;
        for (JsonNode role : catalogue.get("roles")) {
            if (role.get("ref").asText().equals("support-portal/take-authorised-caller-actions")) {
                caller = role;
            }
            assertFalse(role.get("ref").asText().startsWith("realm-management/"), "system clients are left out");
        }
        assertTrue(caller != null, catalogue.toString());
        assertTrue(caller.get("descriptionEn").asText().startsWith("Take authorised caller actions"), caller.toString());
        assertTrue(caller.get("descriptionFr").asText().startsWith("Agir en appelant autorisé"), caller.toString());
        assertTrue(catalogue.get("groups").toString().contains("\"path\":\"/partners\""));
    }
}
