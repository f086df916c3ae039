package io.accesslifecycle.tests.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/** Every change of access leaves an entry: who, when, what before and after, and the note; exportable as CSV. */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class AccessChangesAreAuditedTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @Test
    void declarationsInvitationsAndSettingsAreRecorded() throws Exception {
        AccessApi api = AccessApi.admin(urls.getBase());
        String userId = api.post(
                        AccessApi.access("/users"),
                        Map.of(
                                "email",
                                "audited@example.org",
                                "firstName",
                                "Au",
                                "lastName",
                                "Dited",
                                "roles",
                                List.of("analyst"),
                                "labels",
                                List.of("=cmd|' /C calc'!A0")))
                .json()
                .get("id")
                .asText();
        String invitation = api.post(
                        AccessApi.access("/invitations"),
                        Map.of(
                                "invitees",
                                List.of(Map.of("email", "inv@example.org")),
                                "groups",
                                List.of("/partners"),
                                "note",
                                "ticket 42"))
                .json()
                .get("results")
                .get(0)
                .get("invitationId")
                .asText();
        api.delete(AccessApi.access("/invitations/" + invitation));
        api.put(AccessApi.access("/config"), Map.of("invitationLifespanDays", 30));

        JsonNode all = api.get(AccessApi.access("/audit")).json();
        assertEquals(
                List.of("SETTINGS_CHANGED", "INVITATION_REVOKED", "INVITATION_SENT", "USER_DECLARED"),
                List.of(
                        all.get(0).get("type").asText(),
                        all.get(1).get("type").asText(),
                        all.get(2).get("type").asText(),
                        all.get(3).get("type").asText()));
        JsonNode declared =
                api.get(AccessApi.access("/audit?type=USER_DECLARED&user=audi")).json();
        assertEquals(0, declared.size(), "the user filter is exact (id or username)");
        declared = api.get(AccessApi.access("/audit?type=user_declared&user=" + userId))
                .json();
        assertEquals(1, declared.size());
        assertEquals("realm-admin", declared.get(0).get("actorName").asText());
        assertEquals("adited", declared.get(0).get("targetName").asText());
        assertTrue(declared.get(0).get("after").get("roles").toString().contains("analyst"));
        JsonNode sent = api.get(AccessApi.access("/audit?type=INVITATION_SENT&actor=realm-admin"))
                .json();
        assertEquals("ticket 42", sent.get(0).get("note").asText());
        assertEquals("inv@example.org", sent.get(0).get("targetName").asText());
        JsonNode settings =
                api.get(AccessApi.access("/audit?type=SETTINGS_CHANGED")).json().get(0);
        assertEquals(42, settings.get("before").get("invitationLifespanDays").asInt());
        assertEquals(30, settings.get("after").get("invitationLifespanDays").asInt());
        assertEquals(
                0, api.get(AccessApi.access("/audit?from=2999-01-01")).json().size());

        String token = tokenOfRealmAdmin();
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(urls.getBase() + AccessApi.access("/audit")))
                                .header("Accept", "text/csv")
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        String[] lines = csv.body().split("\r\n");
        assertEquals("time,type,actorId,actorName,targetId,targetName,before,after,note", lines[0]);
        assertEquals(5, lines.length);
        assertTrue(csv.body().contains("\"ticket 42\""));
        assertTrue(csv.headers().firstValue("content-disposition").orElse("").contains("access-audit-lifecycle.csv"));
    }

    @Test
    void badFiltersAndMissingRights() {
        AccessApi api = AccessApi.admin(urls.getBase());
        AccessApi.Response r = api.get(AccessApi.access("/audit?type=NOPE"));
        assertEquals(400, r.status());
        assertEquals("type", r.json().get("field").asText());
        assertEquals(
                "from",
                api.get(AccessApi.access("/audit?from=yesterday"))
                        .json()
                        .get("field")
                        .asText());
        assertEquals(
                403,
                AccessApi.as(urls.getBase(), "plain-user", "Plain-Passw0rd!")
                        .get(AccessApi.access("/audit"))
                        .status());
        assertEquals(
                200,
                AccessApi.as(urls.getBase(), "viewer", "Viewer-Passw0rd!")
                        .get(AccessApi.access("/audit"))
                        .status());
    }

    private String tokenOfRealmAdmin() {
        return AccessApi.anonymous(urls.getBase())
                .form(
                        "/realms/lifecycle/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                AccessApi.ADMIN,
                                "password",
                                AccessApi.ADMIN_PASSWORD))
                .json()
                .get("access_token")
                .asText();
    }
}
