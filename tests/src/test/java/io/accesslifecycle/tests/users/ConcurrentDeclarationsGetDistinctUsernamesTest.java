package io.accesslifecycle.tests.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** Fifty administrators' scripts declare a "Jean Dupont" at the same moment: fifty accounts, fifty usernames. */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class ConcurrentDeclarationsGetDistinctUsernamesTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @Test
    void fiftyParallelJeanDupontsGetFiftyUsernamesAndNoServerError() throws Exception {
        AccessApi api = AccessApi.admin(urls.getBase());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<AccessApi.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String email = "jean.dupont." + i + "@example.org";
            calls.add(pool.submit(() -> api.post(
                    AccessApi.access("/users"), Map.of("email", email, "firstName", "Jean", "lastName", "Dupont"))));
        }
        Set<String> usernames = new HashSet<>();
        for (Future<AccessApi.Response> call : calls) {
            AccessApi.Response r = call.get();
            assertEquals(201, r.status(), r.body());
            usernames.add(r.json().get("username").asText());
        }
        pool.shutdown();

        assertEquals(50, usernames.size());
        assertTrue(usernames.contains("jdupont"));
        for (int n = 2; n <= 50; n++) {
            assertTrue(usernames.contains("jdupont" + n), "jdupont" + n + " in " + usernames);
        }
        assertEquals(50, realm.admin().users().search("jdupont", 0, 100).size());
        Mail.awaitTotal(mail, 50);
    }

    @Test
    void collisionsAreCountedFromTwo() {
        AccessApi api = AccessApi.admin(urls.getBase());
        assertEquals(
                "mcurie",
                api.get(AccessApi.access("/usernames/preview?firstName=Marie&lastName=Curie"))
                        .json()
                        .get("username")
                        .asText());
        for (int i = 0; i < 3; i++) {
            AccessApi.Response r = api.post(
                    AccessApi.access("/users"),
                    Map.of("email", "marie.curie." + i + "@example.org", "firstName", "Marie", "lastName", "Curie"));
            assertEquals(
                    i == 0 ? "mcurie" : "mcurie" + (i + 1),
                    r.json().get("username").asText());
        }
        AccessApi.Response preview = api.get(AccessApi.access("/usernames/preview?firstName=Marie&lastName=Curie"));
        assertEquals("mcurie4", preview.json().get("username").asText());
        assertEquals("mcurie", preview.json().get("base").asText());
    }
}
