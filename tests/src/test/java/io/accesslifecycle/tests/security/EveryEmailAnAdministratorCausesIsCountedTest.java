package io.accesslifecycle.tests.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Jobs;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * One email budget per administrator: declarations (their set-password email), set-password resends, invitations,
 * resends and the change notices an administrator's edit sends (to the user and to every access administrator) all
 * count toward {@code emailsPerAdminPerHour}. Past it the call is answered 429 naming the limit and nothing of it is
 * applied: a declaration creates no account, an access change is not made. Another administrator, fresh as they may
 * be, is still held by the realm's ceiling {@code emailsPerRealmPerHour}.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class EveryEmailAnAdministratorCausesIsCountedTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectAdminClient
    Keycloak master;

    private static Map<String, Object> person(String email, String first, String last) {
        return Map.of("email", email, "firstName", first, "lastName", last, "locale", "en");
    }

    private static void assertRefused(AccessApi.Response r, String limit) {
        assertEquals(429, r.status(), r.body());
        assertEquals("rate_limited", r.json().get("error").asText(), r.body());
        assertEquals(limit, r.json().get("field").asText(), r.body());
        assertTrue(r.json().get("detail").asText().contains("(setting " + limit + ")"), r.body());
    }

    @Test
    void declarationsResendsInvitationsAndNoticesAddUpThenTheNextIsRefusedWholly() {
        // settings through the master administrator: whoever may change them, the limit is what is tested here
        AccessApi settings =
                AccessApi.withToken(urls.getBase(), master.tokenManager().getAccessTokenString());
        AccessApi.Response config = settings.put(AccessApi.access("/config"), Map.of("emailsPerAdminPerHour", 7));
        assertEquals(200, config.status(), config.body());
        assertEquals(10_000, config.json().get("emailsPerRealmPerHour").asInt(), config.body());

        AccessApi admin = AccessApi.admin(urls.getBase());
        AccessApi.Response declared =
                admin.post(AccessApi.access("/users"), person("budget.one@example.org", "Budget", "One"));
        assertEquals(201, declared.status(), declared.body()); // 1
        String one = declared.json().get("id").asText();
        assertEquals(
                200,
                admin.post(AccessApi.access("/users/" + one + "/set-password-email"), "")
                        .status()); // 2
        AccessApi.Response invited = admin.post(
                AccessApi.access("/invitations"),
                Map.of("locale", "en", "invitees", List.of(Map.of("email", "budget.guest@example.org"))));
        assertEquals(200, invited.status(), invited.body()); // 3
        String invitation =
                invited.json().get("results").get(0).get("invitationId").asText();
        assertEquals(
                200,
                admin.post(AccessApi.access("/invitations/" + invitation + "/resend"), "")
                        .status()); // 4
        // a change told to the user (1) and to the realm's two access administrators (2)
        AccessApi.Response changed = admin.put(
                AccessApi.access("/users/" + one + "/access"), Map.of("roles", List.of("analyst"), "notifyUser", true));
        assertEquals(200, changed.status(), changed.body()); // 7

        AccessApi.Response refused =
                admin.post(AccessApi.access("/users"), person("budget.two@example.org", "Budget", "Two"));
        assertRefused(refused, "emailsPerAdminPerHour");
        assertTrue(refused.json().get("detail").asText().contains("you may send no more now"), refused.body());
        assertTrue(
                Integer.parseInt(refused.headers().get("retry-after")) > 0,
                refused.headers().toString());
        assertEquals(
                0,
                realm.admin()
                        .users()
                        .searchByEmail("budget.two@example.org", true)
                        .size(),
                "no account was created");

        assertRefused(
                admin.post(AccessApi.access("/users/" + one + "/set-password-email"), ""), "emailsPerAdminPerHour");
        assertRefused(
                admin.put(
                        AccessApi.access("/users/" + one + "/access"),
                        Map.of("roles", List.of("reviewer"), "notifyUser", true)),
                "emailsPerAdminPerHour");
        String roles = admin.get(AccessApi.access("/users/" + one + "/access"))
                .json()
                .get("roles")
                .toString();
        assertTrue(
                roles.contains("analyst") && !roles.contains("reviewer"),
                "the refused change was not applied: " + roles);

        // a fresh administrator has their own hour, but the realm's ceiling holds for all of them together
        assertEquals(
                200,
                settings.put(AccessApi.access("/config"), Map.of("emailsPerRealmPerHour", 8))
                        .status());
        AccessApi other = AccessApi.as(urls.getBase(), "en-admin", "Admin-Passw0rd!");
        assertEquals(
                201,
                other.post(AccessApi.access("/users"), person("budget.three@example.org", "Budget", "Three"))
                        .status()); // 8
        AccessApi.Response ceiling =
                other.post(AccessApi.access("/users"), person("budget.four@example.org", "Budget", "Four"));
        assertRefused(ceiling, "emailsPerRealmPerHour");
        assertEquals(
                0,
                realm.admin()
                        .users()
                        .searchByEmail("budget.four@example.org", true)
                        .size());

        Mail.await(mail, "budget.three@example.org", "");
        Jobs.ranTwiceMore(urls.getBase(), Jobs.OUTBOX); // whatever was queued has left
        assertFalse(
                Mail.to(mail.getReceivedMessages(), "budget.two@example.org").size() > 0,
                "nothing sent past the limit");
        assertEquals(
                2,
                Mail.to(mail.getReceivedMessages(), "budget.one@example.org").stream()
                        .filter(m -> Mail.subject(m).toLowerCase().contains("password"))
                        .count(),
                "declaration and one resend");
    }
}
