package io.accesslifecycle.tests.invitations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.Waits;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    void aFailedDeliveryIsShownThenRetried() {
        RealmRepresentation rep = realm.admin().toRepresentation();
        Map<String, String> smtp = new HashMap<>(rep.getSmtpServer());
        Map<String, String> broken = new HashMap<>(smtp);
        broken.put("port", "1");
        rep.setSmtpServer(broken);
        realm.admin().update(rep);

        AccessApi api = AccessApi.admin(urls.getBase());
        String id = api.post(
                        AccessApi.access("/invitations"),
                        Map.of("invitees", List.of(Map.of("email", "later@example.org"))))
                .json()
                .get("results")
                .get(0)
                .get("invitationId")
                .asText();
        Waits.until(
                "a first delivery attempt",
                () -> api.get(AccessApi.access("/invitations/" + id))
                                .json()
                                .get("emailDelivery")
                                .get("attempts")
                                .asInt()
                        >= 1);
        JsonNode delivery =
                api.get(AccessApi.access("/invitations/" + id)).json().get("emailDelivery");
        assertEquals("queued", delivery.get("status").asText(), delivery.toString());
        assertTrue(delivery.get("lastError").asText().length() > 5, delivery.toString());
        assertEquals(0, mail.getReceivedMessages().length, "nothing was sent while SMTP was down");

        rep.setSmtpServer(smtp);
        realm.admin().update(rep);
        timeOffSet.set(120);
        Mail.awaitTotal(mail, 1, "the retry delivers it once SMTP is back");
        // the sink has the message as soon as SMTP accepted it; the outbox marks it sent when its transaction commits
        Waits.until(
                "the outbox marks it sent",
                () -> "sent"
                        .equals(api.get(AccessApi.access("/invitations/" + id))
                                .json()
                                .get("emailDelivery")
                                .get("status")
                                .asText()));
        timeOffSet.set(0);
    }
}
