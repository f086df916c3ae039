package io.accesslifecycle.tests.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** Every bad declaration is a clear JSON error naming the field, and creates nothing. */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class DeclaringAUserRejectsBadInputTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    private AccessApi api;
    private int usersBefore;

    @BeforeEach
    void signIn() {
        api = AccessApi.admin(urls.getBase());
        usersBefore = realm.admin().users().count();
    }

    private static Map<String, Object> valid() {
        Map<String, Object> body =
                new HashMap<>(Map.of("email", "paul.durand@example.org", "firstName", "Paul", "lastName", "Durand"));
        return body;
    }

    private void assertRejected(int status, String field, Object body) {
        AccessApi.Response r = api.post(AccessApi.access("/users"), body);
        assertEquals(status, r.status(), r.body());
        assertEquals(field, r.json().get("field").asText(), r.body());
        assertTrue(r.json().get("detail").asText().length() > 3, r.body());
        assertEquals(usersBefore, realm.admin().users().count(), "nothing was created");
        assertEquals(0, mail.getReceivedMessages().length, "no email was sent");
    }

    @Test
    void invalidOrMissingEmail() {
        Map<String, Object> body = valid();
        body.put("email", "not-an-address");
        assertRejected(400, "email", body);
        body.remove("email");
        assertRejected(400, "email", body);
    }

    @Test
    void missingOrUnusableNames() {
        Map<String, Object> body = valid();
        body.remove("firstName");
        assertRejected(400, "firstName", body);
        body = valid();
        body.put("lastName", "   ");
        assertRejected(400, "lastName", body);
        body = valid();
        body.put("lastName", "-'-");
        assertRejected(400, "lastName", body);
    }

    @Test
    void anAddressAlreadyUsedIsAConflict() {
        Map<String, Object> body = valid();
        body.put("email", "plain-user@lifecycle.test");
        assertRejected(409, "email", body);
        body.put("email", "PLAIN-USER@lifecycle.test");
        assertRejected(409, "email", body);
    }

    @Test
    void unknownRolesAndGroups() {
        Map<String, Object> body = valid();
        body.put("roles", List.of("analyst", "no-such-role"));
        assertRejected(400, "roles", body);
        body = valid();
        body.put("groups", List.of("/no-such-group"));
        assertRejected(400, "groups", body);
    }

    @Test
    void badOptionalFields() {
        Map<String, Object> body = valid();
        body.put("locale", "xx");
        assertRejected(400, "locale", body);
        body = valid();
        body.put("accessExpiresOn", "31/12/2030");
        assertRejected(400, "accessExpiresOn", body);
        body = valid();
        body.put("labels", List.of("x".repeat(65)));
        assertRejected(400, "labels", body);
        body = valid();
        body.put("firstname", "typo");
        assertRejected(400, "firstname", body);
        body = valid();
        body.put("roles", "analyst");
        assertRejected(400, "roles", body);
    }

    @Test
    void malformedJson() {
        assertRejected(400, "body", "{\"email\": ");
        assertRejected(400, "body", "");
    }
}
