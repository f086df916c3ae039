package io.accesslifecycle.tests.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.pages.AccessRequestPage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * An approval or an edit that names only some fields changes only those: the end date and the caller designation
 * of an approved requester stay; clearing is an explicit {@code null}.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class ApprovalsAndEditsKeepWhatTheyDoNotNameTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectWebDriver
    ManagedWebDriver browser;

    @BeforeEach
    void signedOut() {
        BrowserSteps.signedOut(browser, urls);
    }

    private String request(String username, String justification) {
        new AccessRequestPage(browser, urls)
                .open()
                .signIn(username, Accounts.PASSWORD)
                .send(justification);
        JsonNode pending = AccessApi.admin(urls.getBase())
                .get(AccessApi.access("/requests?status=pending"))
                .json();
        for (JsonNode r : pending) {
            if (r.get("username").asText().equals(username)) {
                return r.get("id").asText();
            }
        }
        throw new AssertionError("no pending request of " + username + ": " + pending);
    }

    @Test
    void aPartialApprovalKeepsTheEndDateAndTheCallerAndNullClears() {
        AccessApi api = AccessApi.admin(urls.getBase());
        String id = Accounts.create(realm, "keeper", "2031-06-30");
        String access = AccessApi.access("/users/" + id + "/access");
        AccessApi.Response designated = api.put(
                access,
                Map.of(
                        "authorisedCaller",
                        true,
                        "supportPlan",
                        "premium",
                        "callerPhone",
                        "+33 1 23 45 67 89",
                        "callerCountry",
                        "FR",
                        "labels",
                        List.of("kept"),
                        "roles",
                        List.of("reviewer"),
                        "accessExpiresOn",
                        "2031-06-30"));
        assertEquals(200, designated.status(), designated.body());

        String requestId = request("keeper", "I also need the analyst role.");
        AccessApi.Response approved = api.post(
                AccessApi.access("/requests/" + requestId + "/approve"),
                Map.of("roles", List.of("reviewer", "analyst"), "notifyUser", false));
        assertEquals(200, approved.status(), approved.body());

        JsonNode after = api.get(access).json();
        assertTrue(after.get("roles").toString().contains("analyst"), after.toString());
        assertEquals(
                "2031-06-30",
                after.get("accessExpiresOn").asText(),
                "the approval did not name the end date: " + after);
        assertTrue(after.get("authorisedCaller").asBoolean(), "nor the caller designation: " + after);
        assertEquals("premium", after.get("supportPlan").asText());
        assertEquals("+33 1 23 45 67 89", after.get("callerPhone").asText());
        assertEquals("[\"kept\"]", after.get("labels").toString(), "nor the labels");
        assertTrue(
                after.get("roles").toString().contains("support-portal/take-authorised-caller-actions"),
                after.toString());

        // an edit naming only the labels keeps the roles, the end date and the designation
        assertEquals(200, api.put(access, Map.of("labels", List.of("moved"))).status());
        after = api.get(access).json();
        assertEquals("[\"moved\"]", after.get("labels").toString());
        assertTrue(after.get("roles").toString().contains("analyst"), after.toString());
        assertEquals("2031-06-30", after.get("accessExpiresOn").asText());
        assertTrue(after.get("authorisedCaller").asBoolean());

        // clearing is explicit
        Map<String, Object> clear = new HashMap<>();
        clear.put("accessExpiresOn", null);
        AccessApi.Response cleared = api.put(access, clear);
        assertEquals(200, cleared.status(), cleared.body());
        after = api.get(access).json();
        assertTrue(
                after.get("accessExpiresOn") == null
                        || after.get("accessExpiresOn").isNull(),
                after.toString());
        assertTrue(after.get("authorisedCaller").asBoolean(), "the designation was not named");

        Map<String, Object> uncall = new HashMap<>();
        uncall.put("authorisedCaller", null);
        assertEquals(200, api.put(access, uncall).status());
        after = api.get(access).json();
        assertFalse(after.get("authorisedCaller").asBoolean(), after.toString());
        assertFalse(
                after.get("roles").toString().contains("support-portal"),
                "the designation's roles went with it: " + after);
        assertTrue(after.get("roles").toString().contains("analyst"), "the roles were not named: " + after);

        // an approval that names the end date as null clears it, as a PUT does
        assertEquals(
                200, api.put(access, Map.of("accessExpiresOn", "2031-01-31")).status());
        BrowserSteps.signedOut(browser, urls);
        String second = request("keeper", "Please make it permanent.");
        Map<String, Object> permanent = new HashMap<>();
        permanent.put("accessExpiresOn", null);
        permanent.put("notifyUser", false);
        assertEquals(
                200,
                api.post(AccessApi.access("/requests/" + second + "/approve"), permanent)
                        .status());
        after = api.get(access).json();
        assertTrue(
                after.get("accessExpiresOn") == null
                        || after.get("accessExpiresOn").isNull(),
                after.toString());
        assertTrue(after.get("roles").toString().contains("analyst"), after.toString());
    }
}
