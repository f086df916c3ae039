package io.accesslifecycle.tests.invitations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Jobs;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
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
 * An administrator invites several people at once: each row gets its own result, valid rows get a themed email in
 * their language through the outbox, and a bad shared field refuses the whole request.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class BulkInvitationReportsEachRowTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @Test
    void aMixedRequestIsAnsweredRowByRowAndTheEmailsArrive() {
        AccessApi api = AccessApi.admin(urls.getBase());
        AccessApi.Response r = api.post(
                AccessApi.access("/invitations"),
                Map.of(
                        "invitees",
                        List.of(
                                Map.of("email", "ana.lima@example.org", "firstName", "Ana", "lastName", "Lima"),
                                Map.of("email", "Bob.Stone@Example.org"),
                                Map.of("email", "not an address"),
                                Map.of("email", "ana.lima@example.org")),
                        "roles",
                        List.of("analyst"),
                        "groups",
                        List.of("/partners"),
                        "labels",
                        List.of("q3-audit"),
                        "accessExpiresOn",
                        "2030-06-30",
                        "locale",
                        "en",
                        "note",
                        "audit team",
                        "message",
                        "Welcome!\n<b>bold</b><script>alert('x')</script>"));
        assertEquals(200, r.status(), r.body());
        JsonNode rows = r.json().get("results");
        assertEquals(4, rows.size());
        assertEquals("invited", rows.get(0).get("status").asText());
        assertEquals("invited", rows.get(1).get("status").asText());
        assertEquals("rejected", rows.get(2).get("status").asText());
        assertEquals("invalid email address", rows.get(2).get("reason").asText());
        assertEquals("rejected", rows.get(3).get("status").asText());
        assertEquals("duplicate in this request", rows.get(3).get("reason").asText());

        Mail.awaitTotal(mail, 2, "both emails leave through the outbox");
        MimeMessage ana =
                Mail.to(mail.getReceivedMessages(), "ana.lima@example.org").get(0);
        assertEquals("Realm Admin invites you to Access Lifecycle", Mail.subject(ana));
        String text = Mail.text(ana);
        assertTrue(text.contains("Hello Ana,"), text);
        assertTrue(text.contains("Permissions: analyst"), text);
        assertTrue(text.contains("Groups: /partners"), text);
        assertTrue(text.contains("Your access ends on June 30, 2030"), text);
        assertTrue(text.contains("<script>alert('x')</script>"), "the text part shows the message as typed");
        String html = Mail.html(ana);
        assertFalse(html.contains("<script>"), "the HTML part never carries markup from the message");
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt;"), html);
        assertFalse(Mail.invitationLink(ana).contains("&amp;"));
        assertEquals(
                1, Mail.to(mail.getReceivedMessages(), "bob.stone@example.org").size());

        JsonNode listed = api.get(AccessApi.access("/invitations?status=pending&label=q3-audit"))
                .json();
        assertEquals(2, listed.size());
        JsonNode first = api.get(AccessApi.access(
                        "/invitations/" + rows.get(0).get("invitationId").asText()))
                .json();
        assertEquals("ana.lima@example.org", first.get("email").asText());
        assertEquals("sent", first.get("emailDelivery").get("status").asText());
        assertEquals(List.of("q3-audit"), List.of(first.get("labels").get(0).asText()));
        assertEquals("audit team", first.get("note").asText());
        assertEquals("Realm Admin", first.get("invitedByName").asText());
    }

    @Test
    void anInvitationIsWrittenInFrenchWhenAskedTo() {
        AccessApi api = AccessApi.admin(urls.getBase());
        api.post(
                AccessApi.access("/invitations"),
                Map.of(
                        "invitees",
                        List.of(Map.of("email", "chloe@example.org", "firstName", "Chloé")),
                        "locale",
                        "fr",
                        "labels",
                        List.of("lyon")));
        Mail.awaitTotal(mail, 1);
        MimeMessage email =
                Mail.to(mail.getReceivedMessages(), "chloe@example.org").get(0);
        assertEquals("Realm Admin vous invite sur Access Lifecycle", Mail.subject(email));
        assertTrue(Mail.text(email).contains("Bonjour Chloé,"));
        assertTrue(Mail.text(email).contains("Libellés : lyon"));
    }

    @Test
    void anUnknownRoleOrGroupRefusesTheWholeRequest() {
        AccessApi api = AccessApi.admin(urls.getBase());
        int before = api.get(AccessApi.access("/invitations")).json().size();
        AccessApi.Response r = api.post(
                AccessApi.access("/invitations"),
                Map.of("invitees", List.of(Map.of("email", "zoe@example.org")), "roles", List.of("no-such-role")));
        assertEquals(400, r.status());
        assertEquals("roles", r.json().get("field").asText());
        r = api.post(
                AccessApi.access("/invitations"),
                Map.of("invitees", List.of(Map.of("email", "zoe@example.org")), "groups", List.of("/nowhere")));
        assertEquals(400, r.status());
        assertEquals("groups", r.json().get("field").asText());
        assertEquals(before, api.get(AccessApi.access("/invitations")).json().size(), "nothing was stored");
        Jobs.ranTwiceMore(urls.getBase(), Jobs.OUTBOX); // whatever was queued has left
        assertEquals(0, Mail.to(mail.getReceivedMessages(), "zoe@example.org").size(), "nothing was sent");
    }

    @Test
    void moreThanAThousandInviteesIsRefused() {
        AccessApi api = AccessApi.admin(urls.getBase());
        List<Map<String, String>> invitees = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            invitees.add(Map.of("email", "person" + i + "@example.org"));
        }
        AccessApi.Response r = api.post(AccessApi.access("/invitations"), Map.of("invitees", invitees));
        assertEquals(400, r.status());
        assertEquals("invitees", r.json().get("field").asText());
        assertTrue(r.json().get("detail").asText().contains("1001"));
        assertEquals(
                400,
                api.post(AccessApi.access("/invitations"), Map.of("invitees", List.of()))
                        .status());
        assertEquals(
                400,
                api.post(
                                AccessApi.access("/invitations"),
                                Map.of(
                                        "invitees",
                                        List.of(Map.of("email", "a@example.org"), Map.of("email", "b@example.org")),
                                        "authorisedCaller",
                                        true))
                        .status());
    }

    @Test
    void onlyAdministratorsMayInvite() {
        Map<String, Object> body = Map.of("invitees", List.of(Map.of("email", "eve@example.org")));
        assertEquals(
                401,
                AccessApi.anonymous(urls.getBase())
                        .post(AccessApi.access("/invitations"), body)
                        .status());
        assertEquals(
                403,
                AccessApi.as(urls.getBase(), "plain-user", "Plain-Passw0rd!")
                        .post(AccessApi.access("/invitations"), body)
                        .status());
        AccessApi viewer = AccessApi.as(urls.getBase(), "viewer", "Viewer-Passw0rd!");
        assertEquals(403, viewer.post(AccessApi.access("/invitations"), body).status());
        assertEquals(200, viewer.get(AccessApi.access("/invitations")).status());
    }
}
