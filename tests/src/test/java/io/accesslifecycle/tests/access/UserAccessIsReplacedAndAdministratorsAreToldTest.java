package io.accesslifecycle.tests.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Jobs;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.Waits;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * An administrator replaces a user's access in one call: the old roles and groups go, the administrators are told
 * in their own language, the user when asked, callers follow their plan's rules and limit, and applications see
 * labels and the caller designation in tokens.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class UserAccessIsReplacedAndAdministratorsAreToldTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    private String declare(
            AccessApi api, String email, String first, String last, List<String> roles, List<String> groups) {
        AccessApi.Response r = api.post(
                AccessApi.access("/users"),
                Map.of(
                        "email",
                        email,
                        "firstName",
                        first,
                        "lastName",
                        last,
                        "roles",
                        roles,
                        "groups",
                        groups,
                        "labels",
                        List.of("old"),
                        "locale",
                        "en"));
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asText();
    }

    private String accessOf(String id) {
        return AccessApi.access("/users/" + id + "/access");
    }

    @Test
    void aPutReplacesTheAccessAndTellsTheAdministratorsAndTheUser() {
        AccessApi api = AccessApi.admin(urls.getBase());
        String id = declare(api, "mover@example.org", "Mo", "Ver", List.of("analyst"), List.of("/staff"));
        Mail.await(mail, "mover@example.org", "choose your password");

        Map<String, Object> body = new HashMap<>(Map.of(
                "roles",
                List.of("reviewer"),
                "groups",
                List.of("/partners"),
                "labels",
                List.of("lyon", "q4"),
                "accessExpiresOn",
                "2031-03-31",
                "notifyUser",
                true,
                "note",
                "moved to partners"));
        AccessApi.Response put = api.put(accessOf(id), body);
        assertEquals(200, put.status(), put.body());
        JsonNode access = api.get(accessOf(id)).json();
        assertTrue(access.get("roles").toString().contains("reviewer"));
        assertFalse(access.get("roles").toString().contains("analyst"), "replaced, not merged");
        assertTrue(
                access.get("roles").toString().contains("default-roles-lifecycle"), "the realm's default roles stay");
        assertEquals("[\"/partners\"]", access.get("groups").toString());
        assertEquals("[\"lyon\",\"q4\"]", access.get("labels").toString());
        assertEquals("2031-03-31", access.get("accessExpiresOn").asText());

        MimeMessage toUser = Mail.await(mail, "mover@example.org", "Your access to Access Lifecycle has changed");
        assertTrue(Mail.text(toUser).contains("Note: moved to partners"));
        MimeMessage french = Mail.await(mail, "realm-admin@lifecycle.test", "Accès modifié pour mver");
        assertTrue(Mail.text(french).contains("realm-admin a modifié l’accès de mver"), Mail.text(french));
        MimeMessage english =
                Mail.await(mail, "en-admin@lifecycle.test", "Access changed for mver in Access Lifecycle");
        assertTrue(Mail.text(english).contains("analyst"), "names what it was");
        assertEquals(
                1,
                Mail.to(mail.getReceivedMessages(), "realm-admin@lifecycle.test").stream()
                        .filter(m -> Mail.subject(m).contains("mver"))
                        .count(),
                "one email per change, not one per role");
        assertEquals(
                0,
                Mail.to(mail.getReceivedMessages(), "viewer@lifecycle.test").size(),
                "viewers are not access administrators");

        JsonNode audit = api.get(AccessApi.access("/audit?type=PERMISSIONS_CHANGED&user=" + id))
                .json()
                .get(0);
        assertEquals("moved to partners", audit.get("note").asText());
        assertTrue(audit.get("before").get("roles").toString().contains("analyst"));

        body.put("notifyUser", false);
        body.put("labels", List.of("lyon"));
        body.put("note", "second change");
        assertEquals(200, api.put(accessOf(id), body).status());
        Waits.until(
                "the administrators are told of the second change",
                () -> Mail.to(mail.getReceivedMessages(), "en-admin@lifecycle.test").stream()
                        .anyMatch(m -> Mail.text(m).contains("second change")));
        Jobs.ranTwiceMore(urls.getBase(), Jobs.OUTBOX); // whatever was queued has left
        assertEquals(
                1,
                Mail.to(mail.getReceivedMessages(), "mover@example.org").stream()
                        .filter(m -> Mail.subject(m).contains("has changed"))
                        .count(),
                "without notifyUser only the administrators are told");
    }

    @Test
    void badInputChangesNothing() {
        AccessApi api = AccessApi.admin(urls.getBase());
        String id = declare(api, "stable@example.org", "Sta", "Ble", List.of("analyst"), List.of("/staff"));
        String before = api.get(accessOf(id)).json().toString();
        assertField(api.put(accessOf(id), Map.of("roles", List.of("ghost"))), 400, "roles");
        assertField(api.put(accessOf(id), Map.of("groups", List.of("/ghost"))), 400, "groups");
        assertField(api.put(accessOf(id), Map.of("labels", List.of(""))), 400, "labels");
        assertField(api.put(accessOf(id), Map.of("labels", List.of("x".repeat(65)))), 400, "labels");
        assertField(api.put(accessOf(id), Map.of("authorisedCaller", true)), 400, "supportPlan");
        assertField(api.put(accessOf(id), Map.of("authorisedCaller", true, "supportPlan", "gold")), 400, "supportPlan");
        assertField(
                api.put(accessOf(id), Map.of("authorisedCaller", true, "supportPlan", "standard")), 400, "callerPhone");
        assertField(
                api.put(
                        accessOf(id),
                        Map.of("authorisedCaller", true, "supportPlan", "premium", "callerPhone", "+33 1 23 45 67 89")),
                400,
                "callerCountry");
        assertField(
                api.put(
                        accessOf(id),
                        Map.of("authorisedCaller", true, "supportPlan", "standard", "callerPhone", "call me")),
                400,
                "callerPhone");
        assertEquals(before, api.get(accessOf(id)).json().toString(), "nothing was half-applied");
        assertEquals(
                404, api.get(AccessApi.access("/users/no-such-user/access")).status());
        AccessApi viewer = AccessApi.as(urls.getBase(), "viewer", "Viewer-Passw0rd!");
        assertEquals(200, viewer.get(accessOf(id)).status());
        assertEquals(403, viewer.put(accessOf(id), Map.of("roles", List.of())).status());
        assertEquals(
                403,
                AccessApi.as(urls.getBase(), "plain-user", "Plain-Passw0rd!")
                        .get(accessOf(id))
                        .status());
    }

    @Test
    void callersFollowTheirPlanTheLimitAndReachTokens() throws Exception {
        AccessApi api = AccessApi.admin(urls.getBase());
        String plain = realm.admin().users().search("plain-user", true).get(0).getId();
        Map<String, Object> caller = Map.of(
                "authorisedCaller",
                true,
                "supportPlan",
                "standard",
                "callerPhone",
                "+33 1 23 45 67 89",
                "labels",
                List.of("support", "paris"));
        assertEquals(200, api.put(accessOf(plain), caller).status());
        String second = declare(api, "second@example.org", "Se", "Cond", List.of(), List.of());
        assertEquals(200, api.put(accessOf(second), caller).status());
        assertTrue(
                api.get(AccessApi.access("/labels")).json().toString().contains("{\"label\":\"paris\",\"users\":2}"));
        String third = declare(api, "third@example.org", "Th", "Ird", List.of(), List.of());
        AccessApi.Response full = api.put(accessOf(third), caller);
        assertEquals(409, full.status(), full.body());
        assertTrue(full.json().get("detail").asText().contains("allows 2"), full.body());
        assertEquals(
                200,
                api.put(
                                accessOf(third),
                                Map.of(
                                        "authorisedCaller",
                                        true,
                                        "supportPlan",
                                        "premium",
                                        "callerPhone",
                                        "+44 20 7946 0000",
                                        "callerCountry",
                                        "gb"))
                        .status(),
                "another plan has room");

        JsonNode callers = api.get(AccessApi.access("/authorised-callers")).json();
        assertEquals(3, callers.size());
        assertEquals(
                "GB",
                callers.findValues("callerCountry").stream()
                        .filter(n -> !n.isNull())
                        .findFirst()
                        .orElseThrow()
                        .asText());
        JsonNode access = api.get(accessOf(plain)).json();
        assertTrue(access.get("roles").toString().contains("support-portal/view-technical-support-information"));
        assertTrue(access.get("roles").toString().contains("support-portal/take-authorised-caller-actions"));

        AccessApi.Response token = AccessApi.anonymous(urls.getBase())
                .form(
                        "/realms/lifecycle/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "demo-app",
                                "username",
                                "plain-user",
                                "password",
                                "Plain-Passw0rd!"));
        String payload = token.json().get("access_token").asText().split("\\.")[1];
        JsonNode claims =
                new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        assertTrue(claims.get("authorised_caller").asBoolean(), claims.toString());
        assertEquals("[\"support\",\"paris\"]", claims.get("labels").toString());

        assertEquals(
                200, api.put(accessOf(plain), Map.of("authorisedCaller", false)).status());
        access = api.get(accessOf(plain)).json();
        assertFalse(
                access.get("roles").toString().contains("support-portal"), "the caller roles follow the designation");
        assertEquals(2, api.get(AccessApi.access("/authorised-callers")).json().size());

        JsonNode labels = api.get(AccessApi.access("/labels")).json();
        assertTrue(
                labels.toString().contains("{\"label\":\"paris\",\"users\":2}"),
                "labels the PUT did not name stay: " + labels);
        Map<String, Object> clearLabels = new HashMap<>();
        clearLabels.put("labels", null);
        assertEquals(200, api.put(accessOf(plain), clearLabels).status());
        labels = api.get(AccessApi.access("/labels")).json();
        assertTrue(
                labels.toString().contains("{\"label\":\"paris\",\"users\":1}"),
                "an explicit null clears them: " + labels);
    }

    private static void assertField(AccessApi.Response r, int status, String field) {
        assertEquals(status, r.status(), r.body());
        assertEquals(field, r.json().get("field").asText(), r.body());
    }
}
