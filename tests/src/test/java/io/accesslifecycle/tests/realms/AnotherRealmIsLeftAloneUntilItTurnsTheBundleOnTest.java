package io.accesslifecycle.tests.realms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.FastJobsServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.Waits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
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
 * A realm that never turned the bundle on keeps Keycloak's behaviour, although its password policy forces a change
 * every 90 days and some of its users have an end date: no reminder, no expiry, no refresh refused, no page, and the
 * access API says it is off (the refusal itself, in a realm turned on, is SignInStopsOnTheEndDateTest's). The sample realm, turned on, is the witness that the jobs ran meanwhile. Once a realm
 * administrator sets {@code enabled} through {@code PUT /config}, the same realm gets all of it.
 */
@KeycloakIntegrationTest(config = FastJobsServerConfig.class)
class AnotherRealmIsLeftAloneUntilItTurnsTheBundleOnTest {

    static final String PASSWORD = "Tenant-Passw0rd!";

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm lifecycle;

    @InjectRealm(ref = "tenant", config = Tenant.class)
    ManagedRealm tenant;

    @InjectAdminClient
    Keycloak masterAdmin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    /** Forced password change every 90 days, the bundle's email theme, users due, and nothing turned on. */
    static class Tenant implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            String ends = Accounts.today().plusDays(76).toString();
            String ended = Accounts.today().minusDays(1).toString();
            return realm.passwordPolicy("forceExpiredPasswordChange(90)")
                    .update(r -> r.setEmailTheme("access-lifecycle"))
                    .users(person("due.reminder", null), person("ends.later", ends), person("ended.yesterday", ended));
        }

        private static UserBuilder person(String username, String accessExpiresOn) {
            UserBuilder u = UserBuilder.create(username)
                    .password(PASSWORD)
                    .name("Tenant", "Person")
                    .email(username + "@tenant.test")
                    .emailVerified(true)
                    .attribute("locale", "en");
            return accessExpiresOn == null ? u : u.attribute("accessExpiresOn", accessExpiresOn);
        }
    }

    @Test
    void nothingHappensThereUntilARealmAdministratorTurnsItOn() {
        String base = urls.getBase();
        String realmName = tenant.getName();
        String realmPages = base + "/realms/" + realmName;

        // off: the access API says so (settings excepted), the pages do not exist, a refresh past the end date works
        assertEquals(false, masterApi().get(config()).json().get("enabled").asBoolean());
        AccessApi.Response users = masterApi().get(api("/users"));
        assertEquals(409, users.status(), users.body());
        assertEquals("not_enabled", users.json().get("error").asText());
        assertEquals("enabled", users.json().get("field").asText());
        for (String page : List.of("/access-invitation", "/access-request", "/access-console/")) {
            assertEquals(404, AccessApi.anonymous(base).page(realmPages + page).status(), page);
        }
        JsonNode tokens = AccessApi.tokens(base, realmName, "ended.yesterday", PASSWORD);
        assertEquals(200, refresh(tokens).status(), "Keycloak's behaviour: the end date means nothing here");

        // two and a half months later: the witness realm gets its reminder and its expiry, this one nothing
        Accounts.create(lifecycle, "witness.password", null);
        String witness = Accounts.create(
                lifecycle, "witness.ends", Accounts.today().plusDays(76).toString());
        timeOffSet.set(76 * 86_400 + 60);
        Mail.await(mail, "witness.password@example.org", "Change your password");
        Waits.until(
                "the witness stopped", () -> !Accounts.read(lifecycle, witness).isEnabled());
        Mail.await(mail, "witness.ends@example.org", "has ended");

        assertTrue(
                Mail.to(mail.getReceivedMessages(), "due.reminder@tenant.test").isEmpty(), "no reminder");
        assertTrue(Mail.to(mail.getReceivedMessages(), "ends.later@tenant.test").isEmpty(), "no expiry email");
        assertTrue(user("ends.later").isEnabled(), "not stopped");
        assertTrue(user("ended.yesterday").isEnabled(), "not stopped");
        assertEquals(
                200,
                AccessApi.anonymous(base)
                        .form(
                                "/realms/" + realmName + "/protocol/openid-connect/token",
                                Map.of(
                                        "grant_type",
                                        "password",
                                        "client_id",
                                        "admin-cli",
                                        "username",
                                        "ends.later",
                                        "password",
                                        PASSWORD))
                        .status(),
                "signs in after the end date");

        // a realm administrator turns it on: the same realm now gets the reminder, the expiry and the pages
        AccessApi.Response on = masterApi().put(config(), Map.of("enabled", true));
        assertEquals(200, on.status(), on.body());
        assertTrue(on.json().get("enabled").asBoolean());
        Mail.await(mail, "due.reminder@tenant.test", "Change your password");
        Waits.until(
                "the account past its end date is stopped",
                () -> !user("ends.later").isEnabled());
        Mail.await(mail, "ends.later@tenant.test", "has ended");
        assertEquals(
                200,
                AccessApi.anonymous(base).page(realmPages + "/access-console/").status());
        assertEquals(200, masterApi().get(api("/users")).status());
        timeOffSet.set(0);
    }

    private AccessApi.Response refresh(JsonNode tokens) {
        return AccessApi.anonymous(urls.getBase())
                .form(
                        "/realms/" + tenant.getName() + "/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "refresh_token",
                                "client_id",
                                "admin-cli",
                                "refresh_token",
                                tokens.get("refresh_token").asText()));
    }

    private UserRepresentation user(String username) {
        return tenant.admin().users().search(username, true).get(0);
    }

    private AccessApi masterApi() {
        return AccessApi.withToken(urls.getBase(), masterAdmin.tokenManager().getAccessTokenString());
    }

    private String api(String path) {
        return "/admin/realms/" + tenant.getName() + "/access" + path;
    }

    private String config() {
        return api("/config");
    }
}
