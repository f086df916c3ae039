package io.accesslifecycle.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Settings are realm attributes, cached by each node: a change saved through node A must be what node B reads and
 * applies on the very next request (Keycloak's realm cache is invalidated across the cluster), with no wait.
 */
@Order(3)
class SettingsChangedOnOneNodeApplyOnTheOtherTest {

    private static final String PREVIEW =
            Node.access("/usernames/preview?firstName=Maximilian&lastName=Vandenberghe-Oosterhuis");

    @AfterEach
    void restoreDefaults() {
        Cluster.a()
                .client()
                .asAdmin()
                .put(
                        Node.access("/config"),
                        Map.of(
                                "usernameMaxLength",
                                20,
                                "usernamePatterns",
                                List.of("{initials}{last}", "{initials}{last}{counter}"),
                                "invitationLifespanDays",
                                42));
    }

    @Test
    void aChangeSavedOnNodeAIsReadAndAppliedOnNodeBAtOnce() {
        Node a = Cluster.a().client().asAdmin();
        Node b = Cluster.b().client().asAdmin();
        assertEquals(20, b.get(PREVIEW).json().get("username").asText().length(), "default: 20 characters at most");
        assertEquals(
                20,
                b.get(Node.access("/config")).json().get("usernameMaxLength").asInt(),
                "B has read the settings (cached)");

        for (int round = 0; round < 5; round++) {
            int max = 6 + round;
            assertEquals(
                    200,
                    a.put(
                                    Node.access("/config"),
                                    Map.of("usernameMaxLength", max, "invitationLifespanDays", 10 + round))
                            .status());
            Node.Response config = b.get(Node.access("/config"));
            assertEquals(
                    max, config.json().get("usernameMaxLength").asInt(), "round " + round + ": B reads what A saved");
            assertEquals(10 + round, config.json().get("invitationLifespanDays").asInt());
            String username = b.get(PREVIEW).json().get("username").asText();
            assertEquals(
                    max, username.length(), "round " + round + ": B's usernames follow the new maximum: " + username);
        }

        assertEquals(
                200,
                b.put(
                                Node.access("/config"),
                                Map.of(
                                        "usernamePatterns",
                                        List.of("{first}{last}", "{first}{last}{counter}"),
                                        "usernameMaxLength",
                                        30))
                        .status());
        String username = a.get(PREVIEW).json().get("username").asText();
        assertTrue(
                username.startsWith("maximilianvanden"),
                "and the other way round: A follows a pattern saved on B: " + username);
    }
}
