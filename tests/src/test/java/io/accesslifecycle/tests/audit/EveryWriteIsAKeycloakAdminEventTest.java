package io.accesslifecycle.tests.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Waits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Besides the bundle's own audit log, every write through the access API is one of Keycloak's admin events (the
 * sample realm saves them with their details): the operator's SIEM or Keycloak's admin console sees who declared,
 * changed, invited, resent, revoked or changed settings, on which resource path, and never an invitation link or a
 * password in the event.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class EveryWriteIsAKeycloakAdminEventTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    /** Reads the events: Keycloak's events are for realm administrators with view-events, not access administrators. */
    @InjectAdminClient
    Keycloak master;

    @Test
    void declarationsAccessChangesInvitationsAndSettingsAreAdminEvents() {
        // the realm is imported again for each test class with the same id: earlier classes' events are still there
        long since = System.currentTimeMillis() - 1_000;
        AccessApi admin = AccessApi.admin(urls.getBase());
        String adminId =
                realm.admin().users().search(AccessApi.ADMIN, true).get(0).getId();

        AccessApi.Response declared = admin.post(
                AccessApi.access("/users"),
                Map.of("email", "evented@example.org", "firstName", "Eve", "lastName", "Vented", "locale", "en"));
        assertEquals(201, declared.status(), declared.body());
        String user = declared.json().get("id").asText();
        AccessApi.Response changed = admin.put(
                AccessApi.access("/users/" + user + "/access"),
                Map.of("labels", List.of("paris"), "notifyUser", false, "note", "moved to Paris"));
        assertEquals(200, changed.status(), changed.body());
        AccessApi.Response invited = admin.post(
                AccessApi.access("/invitations"),
                Map.of("locale", "en", "invitees", List.of(Map.of("email", "guest.evented@example.org"))));
        assertEquals(200, invited.status(), invited.body());
        String invitation =
                invited.json().get("results").get(0).get("invitationId").asText();
        assertEquals(
                200,
                admin.post(AccessApi.access("/invitations/" + invitation + "/resend"), "")
                        .status());
        assertTrue(admin.delete(AccessApi.access("/invitations/" + invitation)).status() < 300);
        assertEquals(
                200,
                admin.put(AccessApi.access("/config"), Map.of("auditRetentionDays", 365))
                        .status());

        List<String> expected = List.of(
                "CREATE USER users/" + user,
                "UPDATE USER users/" + user + "/access",
                "CREATE USER access/invitations",
                "ACTION USER access/invitations/" + invitation + "/resend",
                "DELETE USER access/invitations/" + invitation,
                "UPDATE REALM access/config");
        Waits.until(
                "the admin events of the six writes",
                () -> events(eventReader(), since).containsAll(expected));

        for (JsonNode event : adminEvents(eventReader(), since)) {
            String line = line(event);
            if (expected.contains(line)) {
                assertEquals(
                        adminId,
                        event.path("authDetails").path("userId").asText(),
                        "the acting administrator: " + event);
                String representation = event.path("representation").asText("");
                assertFalse(representation.contains("key="), "no invitation link in an event: " + representation);
                assertFalse(
                        representation.toLowerCase().contains("password\":\""),
                        "no password in an event: " + representation);
            }
        }
    }

    /** The master administrator, with a token valid now. */
    private AccessApi eventReader() {
        return AccessApi.withToken(urls.getBase(), master.tokenManager().getAccessTokenString());
    }

    /** Keycloak's admin events of the realm since {@code since} (epoch millis), newest first. */
    private static List<JsonNode> adminEvents(AccessApi admin, long since) {
        AccessApi.Response r = admin.get("/admin/realms/lifecycle/admin-events?max=500");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().isArray(), r.body());
        List<JsonNode> events = new ArrayList<>();
        r.json().forEach(e -> {
            if (e.path("time").asLong() >= since) {
                events.add(e);
            }
        });
        return events;
    }

    /** "OPERATION RESOURCE_TYPE path" of an event (fields Keycloak leaves out read as empty). */
    private static String line(JsonNode event) {
        return event.path("operationType").asText("") + " "
                + event.path("resourceType").asText("") + " "
                + event.path("resourcePath").asText("");
    }

    private static List<String> events(AccessApi admin, long since) {
        List<String> lines = new ArrayList<>();
        for (JsonNode event : adminEvents(admin, since)) {
            lines.add(line(event));
        }
        return lines;
    }
}
