package io.accesslifecycle.tests.invitations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

/** When the SMTP server is down, the invitation shows the failure and the email is retried, not lost. */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class InvitationEmailsSurviveAnSmtpOutageTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void aFailedDeliveryIsShownThenRetried() throws InterruptedException {
        RealmRepresentation rep = realm.admin().toRepresentation();
        Map<String, String> smtp = new HashMap<>(rep.getSmtpServer());
        Map<String, String> broken = new HashMap<>(smtp);
        broken.put("port", "1");
        rep.setSmtpServer(broken);
        realm.admin().update(rep);

        AccessApi api = AccessApi.admin(urls.getBase());
        String id = api.post(AccessApi.access("/invitations"), Map.of("invitees", List.of(Map.of("email", "later@example.org"))))
                .json().get("results").get(0).get("invitationId").asText();
        JsonNode delivery = null;
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            delivery = api.get(AccessApi.access("/invitations/" + id)).json().get("emailDelivery");
            if (delivery.get("attempts").asInt() >= 1) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals("queued", delivery.get("status").asText(), delivery.toString());
        assertTrue(delivery.get("lastError").asText().length() > 5, delivery.toString());
        assertFalse(mail.waitForIncomingEmail(2_000, 1));

        rep.setSmtpServer(smtp);
        realm.admin().update(rep);
        timeOffSet.set(120);
        assertTrue(mail.waitForIncomingEmail(20_000, 1), "the retry delivers it once SMTP is back");
        // the sink has the message as soon as SMTP accepted it; the outbox marks it sent when its transaction commits
        String status = null;
        for (long end = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < end && !"sent".equals(status); Thread.sleep(200)) {
            status = api.get(AccessApi.access("/invitations/" + id)).json().get("emailDelivery").get("status").asText();
        }
        assertEquals("sent", status);
        timeOffSet.set(0);
    }
}
