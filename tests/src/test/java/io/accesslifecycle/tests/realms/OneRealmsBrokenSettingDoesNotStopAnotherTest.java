package io.accesslifecycle.tests.realms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.FastJobsServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.Waits;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Two realms turned on; one of them got {@code accessLifecycle.expiryGraceDays = "oops"} through Keycloak's own realm
 * API, which takes any attribute. The expiry job still stops the accounts of both realms on their end date and emails
 * them: the broken realm with the default grace (30 days), and {@code GET /config} there says which value was refused
 * and why. A {@code PUT /config} replaces the refused value.
 */
@KeycloakIntegrationTest(config = FastJobsServerConfig.class)
class OneRealmsBrokenSettingDoesNotStopAnotherTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm lifecycle;

    @InjectRealm(ref = "broken", config = Broken.class)
    ManagedRealm broken;

    @InjectAdminClient
    Keycloak masterAdmin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    static class Broken implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.update(r -> r.setEmailTheme("access-lifecycle"))
                    .users(UserBuilder.create("broken.ends")
                            .password("Broken-Passw0rd!")
                            .name("Broken", "Realm")
                            .email("broken.ends@broken.test")
                            .emailVerified(true)
                            .attribute("locale", "en")
                            .attribute(
                                    "accessExpiresOn",
                                    Accounts.today().plusDays(1).toString()));
        }
    }

    @Test
    void bothRealmsAreServedAndTheBrokenOneUsesTheDefault() {
        RealmRepresentation rep = broken.admin().toRepresentation();
        Map<String, String> attributes = new HashMap<>(rep.getAttributes() == null ? Map.of() : rep.getAttributes());
        attributes.put("accessLifecycle.enabled", "true");
        attributes.put("accessLifecycle.expiryGraceDays", "oops");
        rep.setAttributes(attributes);
        broken.admin().update(rep); // Keycloak's realm API: 204, whatever the value

        JsonNode config = masterApi().get(config()).json();
        assertEquals(30, config.get("expiryGraceDays").asInt(), config.toString());
        assertEquals(1, config.get("refused").size(), config.toString());
        JsonNode refused = config.get("refused").get(0);
        assertEquals("expiryGraceDays", refused.get("field").asText());
        assertEquals("oops", refused.get("value").asText());
        assertEquals("is not a whole number", refused.get("reason").asText());

        String healthy = Accounts.create(
                lifecycle, "healthy.ends", Accounts.today().plusDays(1).toString());
        timeOffSet.set(Accounts.secondsToNextDay() + 60);
        Waits.until(
                "the healthy realm's account is stopped",
                () -> !Accounts.read(lifecycle, healthy).isEnabled());
        Waits.until(
                "the broken realm's account is stopped",
                () -> !broken.admin().users().search("broken.ends", true).get(0).isEnabled());
        String deletionOn = Accounts.today().plusDays(1 + 30).toString();
        MimeMessage toHealthy = Mail.await(mail, "healthy.ends@example.org", "has ended");
        assertTrue(Mail.text(toHealthy).contains(deletionOn), Mail.text(toHealthy));
        MimeMessage toBroken = Mail.await(mail, "broken.ends@broken.test", "has ended");
        assertTrue(Mail.text(toBroken).contains(deletionOn), "the default grace: " + Mail.text(toBroken));

        AccessApi.Response fixed = masterApi().put(config(), Map.of("expiryGraceDays", 20));
        assertEquals(200, fixed.status(), fixed.body());
        assertEquals(0, fixed.json().get("refused").size(), fixed.body());
        assertEquals("20", broken.admin().toRepresentation().getAttributes().get("accessLifecycle.expiryGraceDays"));
        timeOffSet.set(0);
    }

    private AccessApi masterApi() {
        return AccessApi.withToken(urls.getBase(), masterAdmin.tokenManager().getAccessTokenString());
    }

    private String config() {
        return "/admin/realms/" + broken.getName() + "/access/config";
    }
}
