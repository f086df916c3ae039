package io.accesslifecycle.tests.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
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
        api.post(
                AccessApi.access("/users"),
                Map.of(
                        "email",
                        "la@example.org",
                        "firstName",
                        "Lea",
                        "lastName",
                        "Aubert",
                        "labels",
                        List.of("lyon"),
                        "accessExpiresOn",
                        soon));
        api.post(
                AccessApi.access("/users"),
                Map.of(
                        "email",
                        "lb@example.org",
                        "firstName",
                        "Luc",
                        "lastName",
                        "Blanc",
                        "labels",
                        List.of("lyon", "audit"),
                        "accessExpiresOn",
                        later));
        api.post(
                AccessApi.access("/users"),
                Map.of("email", "lc@example.org", "firstName", "Lou", "lastName", "Comte", "labels", List.of("paris")));

        JsonNode lyon = api.get(AccessApi.access("/users?label=lyon")).json();
        assertEquals(2, lyon.size());
        assertEquals("laubert", lyon.get(0).get("username").asText());
        assertEquals("expiring", lyon.get(0).get("status").asText());
        assertEquals("active", lyon.get(1).get("status").asText());
        assertEquals(
                1,
                api.get(AccessApi.access("/users?label=lyon&status=expiring"))
                        .json()
                        .size());
        assertEquals(
                1, api.get(AccessApi.access("/users?label=lyon&q=blanc")).json().size());
        JsonNode text = api.get(AccessApi.access("/users?q=comte")).json();
        assertEquals("lcomte", text.get(0).get("username").asText());
        assertEquals("[\"paris\"]", text.get(0).get("labels").toString());
        assertEquals(400, api.get(AccessApi.access("/users?status=sleeping")).status());
        assertEquals(400, api.get(AccessApi.access("/users?max=0")).status());
        assertEquals(
                403,
                AccessApi.as(urls.getBase(), "plain-user", "Plain-Passw0rd!")
                        .get(AccessApi.access("/users"))
                        .status());
    }

    @Test
    void eachStatusListsExactlyTheUsersInThatStatusPageByPage() {
        String yesterday = LocalDate.now().minusDays(1).toString();
        String soon = LocalDate.now().plusDays(5).toString();
        createUser("st-ended", Map.of("accessExpiresOn", List.of(yesterday), "labels", List.of("status-test")), true);
        createUser("st-off", Map.of("labels", List.of("status-test")), false);
        createUser(
                "st-ended-off", Map.of("accessExpiresOn", List.of(yesterday), "labels", List.of("status-test")), false);
        createUser("st-soon", Map.of("accessExpiresOn", List.of(soon), "labels", List.of("status-test")), true);
        createUser("st-on", Map.of("labels", List.of("status-test")), true);
        AccessApi api = AccessApi.admin(urls.getBase());

        Map<String, List<String>> expected = Map.of(
                "expired-grace",
                List.of("st-ended", "st-ended-off"),
                "disabled",
                List.of("st-off"),
                "expiring",
                List.of("st-soon"),
                "active",
                List.of("st-on"));
        expected.forEach((status, usernames) -> {
            JsonNode page = api.get(AccessApi.access("/users?label=status-test&status=" + status))
                    .json();
            assertEquals(usernames, names(page), status);
            page.forEach(u -> assertEquals(status, u.get("status").asText(), u.toString()));
        });
        // without a label: the whole realm, each user in its status only
        for (String status : expected.keySet()) {
            List<String> all = names(api.get(AccessApi.access("/users?max=1000&status=" + status))
                    .json());
            expected.forEach((other, usernames) -> usernames.forEach(
                    u -> assertEquals(other.equals(status), all.contains(u), u + " listed under " + status)));
        }
        assertEquals(
                List.of("st-ended-off"),
                names(api.get(AccessApi.access("/users?label=status-test&status=expired-grace&first=1&max=1"))
                        .json()),
                "paging applies after the filters");
        assertEquals(
                List.of("st-ended", "st-ended-off", "st-off", "st-on", "st-soon"),
                names(api.get(AccessApi.access("/users?label=status-test")).json()),
                "by username");
    }

    private void createUser(String username, Map<String, List<String>> attributes, boolean enabled) {
        UserRepresentation u = new UserRepresentation();
        u.setUsername(username);
        u.setEmail(username + "@example.org");
        u.setFirstName("St");
        u.setLastName(username);
        u.setEnabled(enabled);
        u.setAttributes(attributes);
        try (Response r = realm.admin().users().create(u)) {
            assertEquals(201, r.getStatus(), username);
        }
    }

    private static List<String> names(JsonNode users) {
        List<String> names = new ArrayList<>();
        users.forEach(u -> names.add(u.get("username").asText()));
        return names;
    }

    @Test
    void theCatalogueListsGrantableRolesAndGroupsWithTheirHelpText() {
        JsonNode catalogue = AccessApi.admin(urls.getBase())
                .get(AccessApi.access("/catalogue"))
                .json();
        JsonNode caller = null;
        for (JsonNode role : catalogue.get("roles")) {
            if (role.get("ref").asText().equals("support-portal/take-authorised-caller-actions")) {
                caller = role;
            }
            assertFalse(role.get("ref").asText().startsWith("realm-management/"), "system clients are left out");
        }
        assertTrue(caller != null, catalogue.toString());
        assertTrue(
                caller.get("descriptionEn").asText().startsWith("Take authorised caller actions"), caller.toString());
        assertTrue(caller.get("descriptionFr").asText().startsWith("Agir en appelant autorisé"), caller.toString());
        assertTrue(catalogue.get("groups").toString().contains("\"path\":\"/partners\""));
    }
}
