package io.accesslifecycle.tests.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Jobs;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * A stolen administrator account cannot spam: one administrator may cause at most
 * {@code emailsPerAdminPerHour} emails (here invitations, resends, edits that notify) in any sliding
 * hour. Past it the request is answered 429 naming the limit, saying how many remain and when, and nothing of
 * it is stored or sent; each administrator has their own count; concurrent requests cannot share the last emails.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class InvitationEmailsAreRateLimitedPerAdministratorTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    private static Map<String, Object> invite(String... emails) {
        return Map.of(
                "locale",
                "en",
                "invitees",
                java.util.Arrays.stream(emails).map(e -> Map.of("email", e)).toList());
    }

    private static int invited(AccessApi.Response r) {
        int n = 0;
        for (var row : r.json().get("results")) {
            n += row.has("invitationId") ? 1 : 0;
        }
        return n;
    }

    private void assertRefused(AccessApi.Response r, String remaining) {
        assertEquals(429, r.status(), r.body());
        assertEquals("rate_limited", r.json().get("error").asText(), r.body());
        assertEquals("emailsPerAdminPerHour", r.json().get("field").asText(), r.body());
        assertTrue(r.json().get("detail").asText().contains("you may send " + remaining + " more now"), r.body());
        assertTrue(r.json().get("detail").asText().contains("emailsPerAdminPerHour"), r.body());
        assertTrue(
                Integer.parseInt(r.headers().get("retry-after")) > 0,
                r.headers().toString());
    }

    @Test
    void pastTheHourlyLimitNothingIsStoredOrSentUntilTheHourHasPassed() {
        AccessApi admin = AccessApi.admin(urls.getBase());
        assertEquals(
                2000,
                admin.get(AccessApi.access("/config"))
                        .json()
                        .get("emailsPerAdminPerHour")
                        .asInt());
        assertEquals(
                400,
                admin.put(AccessApi.access("/config"), Map.of("emailsPerAdminPerHour", 0))
                        .status());
        assertEquals(
                400,
                admin.put(AccessApi.access("/config"), Map.of("emailsPerAdminPerHour", 100_001))
                        .status());
        assertEquals(
                200,
                admin.put(AccessApi.access("/config"), Map.of("invitationEmailsPerAdminPerHour", 5))
                        .status(),
                "the former name is still accepted");
        var config = admin.get(AccessApi.access("/config")).json();
        assertEquals(5, config.get("emailsPerAdminPerHour").asInt(), config.toString());
        assertTrue(!config.has("invitationEmailsPerAdminPerHour"), "GET shows the new name only");

        AccessApi.Response first = admin.post(
                AccessApi.access("/invitations"), invite("a1@example.org", "a2@example.org", "a3@example.org"));
        assertEquals(3, invited(first), first.body());
        String a1 = first.json().get("results").get(0).get("invitationId").asText();
        String a1Link = Mail.invitationLink(Mail.await(mail, "a1@example.org", "invites you"));

        // 3 valid rows (and a rejected one) when 2 remain: the whole request is refused
        AccessApi.Response tooMany = admin.post(
                AccessApi.access("/invitations"),
                invite("b1@example.org", "b2@example.org", "not an address", "b3@example.org"));
        assertRefused(tooMany, "only 2");
        assertTrue(tooMany.json().get("detail").asText().contains("3 emails"), tooMany.body());
        assertEquals(3, admin.get(AccessApi.access("/invitations")).json().size(), "nothing of it was stored");
        assertEquals(
                3,
                admin.get(AccessApi.access("/audit?type=INVITATION_SENT"))
                        .json()
                        .size());

        assertEquals(
                2, invited(admin.post(AccessApi.access("/invitations"), invite("c1@example.org", "c2@example.org"))));
        assertRefused(admin.post(AccessApi.access("/invitations"), invite("d1@example.org")), "no");
        assertRefused(admin.post(AccessApi.access("/invitations/" + a1 + "/resend"), ""), "no");
        assertRefused(admin.put(AccessApi.access("/invitations/" + a1), Map.of("firstName", "Ann")), "no");
        assertEquals(
                200,
                admin.put(AccessApi.access("/invitations/" + a1), Map.of("lastName", "Quiet", "notifyInvitee", false))
                        .status(),
                "an edit that emails nobody is not counted");
        assertEquals(
                200,
                AccessApi.anonymous(urls.getBase()).page(a1Link).status(),
                "the refused resend did not replace the link");

        // another administrator has their own hour
        AccessApi other = AccessApi.as(urls.getBase(), "en-admin", "Admin-Passw0rd!");
        assertEquals(1, invited(other.post(AccessApi.access("/invitations"), invite("e1@example.org"))));

        try {
            timeOffSet.set(3_601);
            assertEquals(
                    1,
                    invited(AccessApi.admin(urls.getBase())
                            .post(AccessApi.access("/invitations"), invite("f1@example.org"))),
                    "an hour later the emails are available again");
            Mail.await(mail, "f1@example.org", "invites you"); // queued an hour ahead: sent before the clock goes back
        } finally {
            timeOffSet.set(0);
        }

        Jobs.ranTwiceMore(urls.getBase(), Jobs.OUTBOX); // whatever was queued has left
        for (String refused : List.of("b1@example.org", "b2@example.org", "b3@example.org", "d1@example.org")) {
            assertEquals(0, Mail.to(mail.getReceivedMessages(), refused).size(), "nothing sent to " + refused);
        }
        assertEquals(1, Mail.to(mail.getReceivedMessages(), "a1@example.org").size(), "no resend, no edit notice");
        assertEquals(7, mail.getReceivedMessages().length);
    }

    @Test
    void concurrentRequestsCannotShareTheLastEmails() throws Exception {
        AccessApi admin = AccessApi.admin(urls.getBase());
        assertEquals(
                200,
                admin.put(AccessApi.access("/config"), Map.of("emailsPerAdminPerHour", 9))
                        .status());
        AccessApi racer = AccessApi.as(urls.getBase(), newAccessAdministrator("racer"), "Racer-Passw0rd!42");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AccessApi.Response>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String a = "race" + i + "a@example.org";
            String b = "race" + i + "b@example.org";
            requests.add(pool.submit(() -> racer.post(AccessApi.access("/invitations"), invite(a, b))));
        }
        int passed = 0;
        int refused = 0;
        for (Future<AccessApi.Response> request : requests) {
            AccessApi.Response r = request.get();
            if (r.status() == 200) {
                assertEquals(2, invited(r), r.body());
                passed++;
            } else {
                assertEquals(429, r.status(), r.body());
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(4, passed, "8 of the 9 emails, two by two");
        assertEquals(4, refused);
        assertEquals(
                8, admin.get(AccessApi.access("/invitations?q=race")).json().size());
        Mail.awaitTotal(mail, 8, "the 8 emails leave");
    }

    /** A third access administrator, with their own hour. */
    private String newAccessAdministrator(String username) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@lifecycle.test");
        user.setFirstName("Racing");
        user.setLastName("Admin");
        user.setEnabled(true);
        user.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Racer-Passw0rd!42");
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        realm.admin().users().create(user).close();
        String id = realm.admin().users().search(username, true).get(0).getId();
        realm.admin()
                .users()
                .get(id)
                .roles()
                .realmLevel()
                .add(List.of(realm.admin().roles().get("access-admin").toRepresentation()));
        return username;
    }
}
