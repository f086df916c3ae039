package io.accesslifecycle.tests.offboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.LifecycleServerConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * A list of departed people, by username or email, disabled or deleted in one call: one result per row (unknown
 * names, duplicates and the caller themself included), sessions ended, each departure in the audit with the note.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class OffboardingHandlesAMixedListTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aMixedListIsDisabledRowByRow() {
        String leaver = Accounts.create(realm, "leaver.one", null);
        String byEmail = Accounts.create(realm, "leaver.two", null);
        String already = Accounts.create(realm, "leaver.three", null);
        realm.admin().users().get(already).update(withEnabled(Accounts.read(realm, already), false));
        assertEquals(
                200, Accounts.signIn(urls.getBase(), "leaver.one", "openid").status());

        AccessApi api = AccessApi.admin(urls.getBase());
        AccessApi.Response r = api.post(
                AccessApi.access("/offboarding"),
                Map.of(
                        "usernames",
                        Arrays.asList(
                                "leaver.one",
                                "LEAVER.TWO@example.org",
                                "leaver.three",
                                "nobody.here",
                                "leaver.one",
                                "realm-admin",
                                " "),
                        "mode",
                        "disable",
                        "note",
                        "left on 2026-11-20 (ticket 4711)"));
        assertEquals(200, r.status(), r.body());
        JsonNode rows = r.json().get("results");
        assertEquals(
                List.of("disabled", "disabled", "already-disabled", "unknown", "rejected", "rejected", "rejected"),
                statuses(rows));
        assertTrue(rows.get(4).get("reason").asText().contains("twice"));
        assertTrue(rows.get(5).get("reason").asText().contains("yourself"));
        assertEquals(byEmail, rows.get(1).get("userId").asText());

        assertFalse(Accounts.read(realm, leaver).isEnabled());
        assertFalse(Accounts.read(realm, byEmail).isEnabled());
        assertEquals(0, realm.admin().users().get(leaver).getUserSessions().size(), "sessions ended");
        assertEquals(
                400, Accounts.signIn(urls.getBase(), "leaver.one", "openid").status());
        JsonNode audit = api.get(AccessApi.access("/audit?user=leaver.one&type=USER_OFFBOARDED"))
                .json();
        assertEquals(1, audit.size());
        assertEquals(
                "left on 2026-11-20 (ticket 4711)", audit.get(0).get("note").asText());
        assertEquals("realm-admin", audit.get(0).get("actorName").asText());
    }

    @Test
    void deletingRemovesTheAccounts() {
        String gone = Accounts.create(realm, "deleted.leaver", null);
        AccessApi.Response r = AccessApi.admin(urls.getBase())
                .post(
                        AccessApi.access("/offboarding"),
                        Map.of("usernames", List.of("deleted.leaver", "never.existed"), "mode", "delete"));
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of("deleted", "unknown"), statuses(r.json().get("results")));
        assertFalse(Accounts.exists(realm, gone));
        assertEquals(
                1,
                AccessApi.admin(urls.getBase())
                        .get(AccessApi.access("/audit?user=deleted.leaver&type=USER_OFFBOARDED"))
                        .json()
                        .size());
    }

    @Test
    void badRequestsChangeNothing() {
        String kept = Accounts.create(realm, "kept.user", null);
        AccessApi api = AccessApi.admin(urls.getBase());
        AccessApi.Response badMode = api.post(
                AccessApi.access("/offboarding"), Map.of("usernames", List.of("kept.user"), "mode", "archive"));
        assertEquals(400, badMode.status());
        assertEquals("mode", badMode.json().get("field").asText());
        AccessApi.Response empty =
                api.post(AccessApi.access("/offboarding"), Map.of("usernames", List.of(), "mode", "delete"));
        assertEquals(400, empty.status());
        assertEquals("usernames", empty.json().get("field").asText());
        assertEquals(
                403,
                AccessApi.as(urls.getBase(), "viewer", "Viewer-Passw0rd!")
                        .post(
                                AccessApi.access("/offboarding"),
                                Map.of("usernames", List.of("kept.user"), "mode", "delete"))
                        .status());
        assertTrue(Accounts.read(realm, kept).isEnabled());
    }

    private static org.keycloak.representations.idm.UserRepresentation withEnabled(
            org.keycloak.representations.idm.UserRepresentation u, boolean enabled) {
        u.setEnabled(enabled);
        return u;
    }

    private static List<String> statuses(JsonNode rows) {
        return java.util.stream.StreamSupport.stream(rows.spliterator(), false)
                .map(n -> n.get("status").asText())
                .toList();
    }
}
