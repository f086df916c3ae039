package io.accesslifecycle.tests.callers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * An authorised caller designated through an invitation follows the rules of {@code PUT /access}: a plan, the
 * contact fields the plan requires, the plan's limit (at invite and again at acceptance) and the support-portal
 * roles; the accepted caller reaches applications' tokens. "View technical support information" can be granted
 * on its own.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class InvitedCallersFollowTheSameRulesTest {

    private static final String PASSWORD = "Invited-Passw0rd!";
    private static final String INVITEE = "cal.ler@example.org";

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    private static final Map<String, Object> STANDARD =
            Map.of("authorisedCaller", true, "supportPlan", "standard", "callerPhone", "+33 1 23 45 67 89");

    private Map<String, Object> inviteCaller(Map<String, Object> designation) {
        Map<String, Object> body = new HashMap<>(designation);
        body.put("invitees", List.of(Map.of("email", INVITEE, "firstName", "Cal", "lastName", "Ler")));
        body.put("locale", "en");
        return body;
    }

    private String awaitLink(int before) {
        return Mail.invitationLink(
                Mail.awaitCount(mail, INVITEE, "", before + 1).getLast());
    }

    private AccessApi.Response register(String link) {
        return AccessApi.anonymous(urls.getBase())
                .form(
                        "/realms/lifecycle/access-invitation/register",
                        Map.of(
                                "key",
                                link.replaceAll(".*[?&]key=([^&]+).*", "$1"),
                                "firstName",
                                "Cal",
                                "lastName",
                                "Ler",
                                "password",
                                PASSWORD,
                                "password-confirm",
                                PASSWORD));
    }

    private static void assertField(AccessApi.Response r, String field) {
        assertEquals(400, r.status(), r.body());
        assertEquals(field, r.json().get("field").asText(), r.body());
    }

    @Test
    void anInvitedCallerCountsAgainstThePlanAtInviteAndAtAcceptance() throws Exception {
        AccessApi api = AccessApi.admin(urls.getBase());
        String first = Accounts.create(realm, "first-caller", null);
        String second = Accounts.create(realm, "second-caller", null);
        assertEquals(
                200,
                api.put(AccessApi.access("/users/" + first + "/access"), STANDARD)
                        .status());
        assertEquals(
                200,
                api.put(AccessApi.access("/users/" + second + "/access"), STANDARD)
                        .status());

        // the same rules as PUT /access
        assertField(
                api.post(AccessApi.access("/invitations"), inviteCaller(Map.of("authorisedCaller", true))),
                "supportPlan");
        assertField(
                api.post(
                        AccessApi.access("/invitations"),
                        inviteCaller(Map.of("authorisedCaller", true, "supportPlan", "standard"))),
                "callerPhone");
        assertField(
                api.post(
                        AccessApi.access("/invitations"),
                        inviteCaller(Map.of(
                                "authorisedCaller",
                                true,
                                "supportPlan",
                                "premium",
                                "callerPhone",
                                "+33 1 23 45 67 89"))),
                "callerCountry");
        assertField(
                api.post(AccessApi.access("/invitations"), inviteCaller(Map.of("supportPlan", "standard"))),
                "supportPlan");

        // the plan is full: the row says so
        AccessApi.Response full = api.post(AccessApi.access("/invitations"), inviteCaller(STANDARD));
        assertEquals(200, full.status(), full.body());
        JsonNode row = full.json().get("results").get(0);
        assertEquals("rejected", row.get("status").asText(), full.body());
        assertTrue(row.get("reason").asText().contains("allows 2"), full.body());

        // a slot frees, the invitation goes out; the slot is taken again before acceptance: refused, nothing applied
        assertEquals(
                200,
                api.put(AccessApi.access("/users/" + second + "/access"), Map.of("authorisedCaller", false))
                        .status());
        int before = Mail.to(mail.getReceivedMessages(), INVITEE).size();
        AccessApi.Response invited = api.post(AccessApi.access("/invitations"), inviteCaller(STANDARD));
        assertEquals(
                "invited", invited.json().get("results").get(0).get("status").asText(), invited.body());
        String invitation =
                invited.json().get("results").get(0).get("invitationId").asText();
        JsonNode shown = api.get(AccessApi.access("/invitations/" + invitation)).json();
        assertEquals("standard", shown.get("supportPlan").asText(), shown.toString());
        String link = awaitLink(before);
        assertEquals(
                200,
                api.put(AccessApi.access("/users/" + second + "/access"), STANDARD)
                        .status());

        AccessApi.Response refused = register(link);
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("an administrator must renew it"), refused.body());
        assertEquals(0, realm.admin().users().searchByEmail(INVITEE, true).size(), "nothing was applied");
        shown = api.get(AccessApi.access("/invitations/" + invitation)).json();
        assertEquals("pending", shown.get("status").asText());
        assertTrue(shown.get("problem").asText().contains("allows 2"), shown.toString());

        // room again, the invitation renewed: the caller has the plan, the phone, the roles and the claim
        assertEquals(
                200,
                api.put(AccessApi.access("/users/" + second + "/access"), Map.of("authorisedCaller", false))
                        .status());
        before = Mail.to(mail.getReceivedMessages(), INVITEE).size();
        assertEquals(
                200,
                api.post(AccessApi.access("/invitations/" + invitation + "/resend"), "")
                        .status());
        AccessApi.Response accepted = register(awaitLink(before));
        assertEquals(200, accepted.status(), accepted.body());
        UserRepresentation caller =
                realm.admin().users().searchByEmail(INVITEE, true).get(0);
        JsonNode access = api.get(AccessApi.access("/users/" + caller.getId() + "/access"))
                .json();
        assertTrue(access.get("authorisedCaller").asBoolean(), access.toString());
        assertEquals("standard", access.get("supportPlan").asText());
        assertEquals("+33 1 23 45 67 89", access.get("callerPhone").asText());
        assertTrue(
                access.get("roles").toString().contains("support-portal/view-technical-support-information"),
                access.toString());
        assertTrue(
                access.get("roles").toString().contains("support-portal/take-authorised-caller-actions"),
                access.toString());
        assertEquals(2, api.get(AccessApi.access("/authorised-callers")).json().size());

        AccessApi.Response token = AccessApi.anonymous(urls.getBase())
                .form(
                        "/realms/lifecycle/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "demo-app",
                                "username",
                                caller.getUsername(),
                                "password",
                                PASSWORD));
        assertEquals(200, token.status(), token.body());
        String payload = token.json().get("access_token").asText().split("\\.")[1];
        JsonNode claims =
                new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        assertTrue(claims.get("authorised_caller").asBoolean(), claims.toString());
    }

    @Test
    void viewingTechnicalSupportInformationCanBeGrantedAlone() {
        AccessApi api = AccessApi.admin(urls.getBase());
        String reader = Accounts.create(realm, "support-reader", null);
        String access = AccessApi.access("/users/" + reader + "/access");
        AccessApi.Response put =
                api.put(access, Map.of("roles", List.of("support-portal/view-technical-support-information")));
        assertEquals(200, put.status(), put.body());
        JsonNode now = api.get(access).json();
        assertTrue(
                now.get("roles").toString().contains("support-portal/view-technical-support-information"),
                now.toString());
        assertFalse(now.get("roles").toString().contains("take-authorised-caller-actions"), now.toString());
        assertFalse(now.get("authorisedCaller").asBoolean(), now.toString());
    }
}
