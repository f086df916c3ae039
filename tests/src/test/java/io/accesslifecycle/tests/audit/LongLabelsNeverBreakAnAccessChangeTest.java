package io.accesslifecycle.tests.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.LifecycleServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * A user with as many labels as allowed, each as long as allowed and quoting names, is still changed: the access
 * change answers 200 and its audit entry exists, cut to fit its 4000-character column instead of failing the
 * change.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class LongLabelsNeverBreakAnAccessChangeTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    /** 50 labels of 64 characters, each quoting names (quotes are escaped once more every time JSON is quoted). */
    private static List<String> longLabels(String prefix) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String label = prefix + i + " \"north\" \"site\" \"desk\" \"shift\" \"room\" \"team\" \"wing\" \"x";
            labels.add((label + "\"".repeat(64)).substring(0, 64));
        }
        return labels;
    }

    @Test
    void anAccessChangeWithManyLongLabelsAnswers200AndIsAudited() {
        String id = Accounts.create(realm, "many-labels", null);
        AccessApi api = AccessApi.admin(urls.getBase());
        String access = AccessApi.access("/users/" + id + "/access");

        AccessApi.Response first = api.put(
                access,
                Map.of(
                        "roles",
                        List.of("analyst"),
                        "labels",
                        longLabels("a"),
                        "notifyUser",
                        false,
                        "note",
                        "fifty long labels"));
        assertEquals(200, first.status(), first.body());
        AccessApi.Response second = api.put(
                access,
                Map.of(
                        "roles",
                        List.of("analyst"),
                        "labels",
                        longLabels("b"),
                        "notifyUser",
                        false,
                        "note",
                        "fifty other long labels"));
        assertEquals(200, second.status(), "long before and after states: " + second.body());
        assertEquals(longLabels("b"), toList(api.get(access).json().get("labels")), "the change is applied");

        JsonNode entries = api.get(AccessApi.access("/audit?type=PERMISSIONS_CHANGED&user=" + id))
                .json();
        assertEquals(2, entries.size(), entries.toString());
        JsonNode latest = entries.get(0);
        assertEquals("fifty other long labels", latest.get("note").asText());
        for (String state : List.of("before", "after")) {
            JsonNode value = latest.get(state);
            assertTrue(value != null && !value.isNull(), state + " is recorded");
            String stored = value.toString();
            assertTrue(stored.length() <= 4000, state + " fits its column: " + stored.length());
            assertTrue(stored.contains("north"), state + " keeps its beginning: " + stored);
        }
        assertTrue(
                latest.get("after").isTextual() && latest.get("after").asText().endsWith("..."),
                "a cut state is kept as the start of its JSON text, marked as cut: " + latest.get("after"));
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
