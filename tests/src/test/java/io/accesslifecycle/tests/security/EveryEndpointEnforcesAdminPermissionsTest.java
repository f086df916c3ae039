package io.accesslifecycle.tests.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Every endpoint of {@code /admin/realms/{realm}/access} and both public pages, against every kind of caller:
 * nobody, a plain user, a {@code view-users} administrator, an access administrator ({@code manage-users}, not
 * {@code manage-realm}: {@code en-admin}), a realm administrator ({@code manage-realm}) and the full administrator of
 * another realm. Reads need {@code view-users}, writes {@code manage-users}, and the realm settings are realm
 * administration (changing them needs {@code manage-realm}, reading them {@code view-realm} or {@code view-users}); the rights are
 * checked before anything else, so a refused caller learns nothing about the ids or the body it sent. A bearer token
 * never opens the public pages: they go by the browser's sign-in cookie. A new endpoint is one more row.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class EveryEndpointEnforcesAdminPermissionsTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectRealm(ref = "elsewhere", config = Elsewhere.class)
    ManagedRealm elsewhere;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    static final String OTHER_ADMIN = "elsewhere-admin";
    static final String OTHER_PASSWORD = "Elsewhere-Passw0rd!";

    /** A second realm whose administrator has every right there ({@code realm-admin}) and none in lifecycle. */
    static class Elsewhere implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.users(UserBuilder.create(OTHER_ADMIN)
                    .password(OTHER_PASSWORD)
                    .name("Other", "Admin")
                    .email("elsewhere-admin@elsewhere.test")
                    .emailVerified(true)
                    .clientRoles("realm-management", "realm-admin"));
        }
    }

    /**
     * What an endpoint needs: view-users (reads), manage-users (writes), manage-realm (realm settings), or a browser
     * page (a cookie, no token).
     */
    enum Need {
        VIEW,
        MANAGE,
        REALM,
        PAGE
    }

    /**
     * One endpoint. {@code path} is under {@code /admin/realms/lifecycle/access} unless it starts with
     * {@code /realms/}; {@code {user}} and {@code {invitation}} stand for ids that exist. {@code admin} is what the
     * realm administrator ({@code realm-admin}: manage-users and manage-realm) gets: the requests are built so that it changes nothing (bad input, unknown ids).
     */
    record Row(String method, String path, String contentType, String accept, Object body, Need need, int admin) {
        String label() {
            return method + " " + path + (accept.equals("application/json") ? "" : " (" + accept + ")");
        }
    }

    private static Row row(String method, String path, Object body, Need need, int admin) {
        return new Row(method, path, body == null ? null : "application/json", "application/json", body, need, admin);
    }

    private static Row page(String method, String path, String form, int everyone) {
        return new Row(
                method,
                path,
                form == null ? null : "application/x-www-form-urlencoded",
                "text/html",
                form,
                Need.PAGE,
                everyone);
    }

    static final List<Row> ENDPOINTS = List.of(
            row("GET", "/usernames/preview?firstName=Jean&lastName=Dupont", null, Need.VIEW, 200),
            row("GET", "/users", null, Need.VIEW, 200),
            row("POST", "/users", Map.of(), Need.MANAGE, 400),
            row("GET", "/users/{user}/access", null, Need.VIEW, 200),
            row("PUT", "/users/{user}/access", Map.of("roles", List.of("no-such-role")), Need.MANAGE, 400),
            row("POST", "/users/no-such-user/set-password-email", null, Need.MANAGE, 404),
            row("POST", "/invitations", Map.of("invitees", List.of()), Need.MANAGE, 400),
            row("GET", "/invitations", null, Need.VIEW, 200),
            row("GET", "/invitations/{invitation}", null, Need.VIEW, 200),
            row("PUT", "/invitations/{invitation}", Map.of("roles", List.of("no-such-role")), Need.MANAGE, 400),
            row("DELETE", "/invitations/no-such-invitation", null, Need.MANAGE, 404),
            row("POST", "/invitations/no-such-invitation/resend", null, Need.MANAGE, 404),
            row("GET", "/catalogue", null, Need.VIEW, 200),
            row("GET", "/labels", null, Need.VIEW, 200),
            row("GET", "/authorised-callers", null, Need.VIEW, 200),
            row("GET", "/requests", null, Need.VIEW, 200),
            row("POST", "/requests/no-such-request/approve", Map.of(), Need.MANAGE, 404),
            row("POST", "/requests/no-such-request/reject", Map.of("reason", "no"), Need.MANAGE, 404),
            row("GET", "/audit", null, Need.VIEW, 200),
            new Row("GET", "/audit", null, "text/csv", null, Need.VIEW, 200),
            row("GET", "/expirations?withinDays=30", null, Need.VIEW, 200),
            row(
                    "POST",
                    "/offboarding",
                    Map.of("usernames", List.of("plain-user"), "mode", "archive"),
                    Need.MANAGE,
                    400),
            row("GET", "/config", null, Need.VIEW, 200),
            row("GET", "/jobs", null, Need.VIEW, 200),
            row("PUT", "/config", Map.of("usernameMaxLength", 1), Need.REALM, 400),
            // the public pages: a bearer token does not sign anyone in there
            page("GET", "/realms/lifecycle/access-invitation", null, 400),
            page("POST", "/realms/lifecycle/access-invitation/accept", "key=not-a-key", 400),
            page(
                    "POST",
                    "/realms/lifecycle/access-invitation/register",
                    "key=not-a-key&firstName=A&lastName=B&password=x&password-confirm=x",
                    400),
            page("GET", "/realms/lifecycle/access-request", null, 303),
            page("POST", "/realms/lifecycle/access-request", "justification=let+me+in", 303),
            // the access console is static files for everyone; its data comes from the rows above, with a token
            page("GET", "/realms/lifecycle/access-console/", null, 200));

    /** What Keycloak answers an administrator of another realm: the token is valid, but not for this realm. */
    static final int OTHER_REALM_ADMIN = 403;

    /** What the realm administrator ({@code admin} column) gets: the row's own expectation. */
    static final int AS_ADMIN = -1;

    /** A caller and what it must get on reads, on writes and on the realm settings. */
    record Subject(String name, AccessApi api, int view, int manage, int realm) {}

    @Test
    void eachCallerGetsExactlyTheRightsItHas() {
        String base = urls.getBase();
        String user = realm.admin().users().search("plain-user", true).get(0).getId();
        AccessApi admin = AccessApi.admin(base);
        AccessApi.Response invited = admin.post(
                AccessApi.access("/invitations"),
                Map.of("invitees", List.of(Map.of("email", "matrix@example.org")), "locale", "en"));
        assertEquals(200, invited.status(), invited.body());
        String invitation =
                invited.json().get("results").get(0).get("invitationId").asText();

        List<Subject> subjects = List.of(
                new Subject("no token", AccessApi.anonymous(base), 401, 401, 401),
                new Subject("plain user", AccessApi.as(base, "plain-user", "Plain-Passw0rd!"), 403, 403, 403),
                new Subject("view-users only", AccessApi.as(base, "viewer", "Viewer-Passw0rd!"), 200, 403, 403),
                new Subject(
                        "access administrator without manage-realm (en-admin)",
                        AccessApi.as(base, "en-admin", AccessApi.ADMIN_PASSWORD),
                        AS_ADMIN,
                        AS_ADMIN,
                        403),
                new Subject(
                        "other realm's admin",
                        AccessApi.as(base, elsewhere.getName(), OTHER_ADMIN, OTHER_PASSWORD),
                        OTHER_REALM_ADMIN,
                        OTHER_REALM_ADMIN,
                        OTHER_REALM_ADMIN));
        String configBefore = admin.get(AccessApi.access("/config")).body();

        List<Executable> checks = new ArrayList<>();
        for (Row row : ENDPOINTS) {
            String path = row.path().replace("{user}", user).replace("{invitation}", invitation);
            String url = path.startsWith("/realms/") ? path : AccessApi.access(path);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", row.accept());
            if (row.contentType() != null) {
                headers.put("Content-Type", row.contentType());
            }
            int adminStatus = admin.send(row.method(), url, headers, row.body()).status();
            checks.add(() -> assertEquals(row.admin(), adminStatus, "realm administrator: " + row.label()));
            for (Subject subject : subjects) {
                int status = subject.api()
                        .send(row.method(), url, headers, row.body())
                        .status();
                int expected = switch (row.need()) {
                    case VIEW -> subject.view();
                    case MANAGE -> subject.manage();
                    case REALM -> subject.realm();
                    case PAGE -> row.admin();
                };
                if (expected == AS_ADMIN) {
                    expected = row.admin();
                }
                int wanted = expected;
                checks.add(() -> assertEquals(wanted, status, subject.name() + ": " + row.label()));
            }
        }
        assertAll(checks);
        assertEquals(configBefore, admin.get(AccessApi.access("/config")).body(), "the settings did not change");
        assertEquals(
                "pending",
                admin.get(AccessApi.access("/invitations/" + invitation))
                        .json()
                        .get("status")
                        .asText());
    }

    // ---- issue 13: what a call gives or takes stays within the caller's rights (a row per granting path) ----

    /** A grant an access administrator ({@code manage-users}, not {@code manage-realm}) must be refused. */
    record Escalation(String method, String path, Object body, int expected) {}

    @Test
    void whatACallGivesOrTakesStaysWithinTheCallersRights() {
        String base = urls.getBase();
        org.keycloak.representations.idm.ClientRepresentation management =
                realm.admin().clients().findByClientId("realm-management").get(0);
        org.keycloak.representations.idm.RoleRepresentation manageRealm = realm.admin()
                .clients()
                .get(management.getId())
                .roles()
                .get("manage-realm")
                .toRepresentation();
        org.keycloak.representations.idm.GroupRepresentation ops =
                new org.keycloak.representations.idm.GroupRepresentation();
        ops.setName("matrix-ops");
        String opsId;
        try (jakarta.ws.rs.core.Response r = realm.admin().groups().add(ops)) {
            opsId = r.getLocation().getPath().replaceAll(".*/", "");
        }
        realm.admin()
                .groups()
                .group(opsId)
                .roles()
                .clientLevel(management.getId())
                .add(List.of(manageRealm));
        String fullAdmin = io.accesslifecycle.tests.Accounts.create(realm, "matrix-full-admin", null);
        realm.admin()
                .users()
                .get(fullAdmin)
                .roles()
                .clientLevel(management.getId())
                .add(List.of(realm.admin()
                        .clients()
                        .get(management.getId())
                        .roles()
                        .get("realm-admin")
                        .toRepresentation()));
        AccessApi full = AccessApi.as(base, "matrix-full-admin", io.accesslifecycle.tests.Accounts.PASSWORD);
        AccessApi.Response opsInvitation = full.post(
                AccessApi.access("/invitations"),
                Map.of(
                        "invitees",
                        List.of(Map.of("email", "matrix-ops@example.org")),
                        "groups",
                        List.of("/matrix-ops"),
                        "locale",
                        "en"));
        assertEquals(200, opsInvitation.status(), opsInvitation.body());
        String opsInvitationId =
                opsInvitation.json().get("results").get(0).get("invitationId").asText();
        String user = realm.admin().users().search("plain-user", true).get(0).getId();
        AccessApi.Response plain = full.post(
                AccessApi.access("/invitations"),
                Map.of("invitees", List.of(Map.of("email", "matrix-plain@example.org")), "locale", "en"));
        String plainInvitationId =
                plain.json().get("results").get(0).get("invitationId").asText();

        List<Escalation> rows = List.of(
                new Escalation("PUT", "/users/" + user + "/access", Map.of("groups", List.of("/matrix-ops")), 403),
                new Escalation(
                        "POST",
                        "/users",
                        Map.of(
                                "email",
                                "matrix-declared@example.org",
                                "firstName",
                                "Ma",
                                "lastName",
                                "Trix",
                                "groups",
                                List.of("/matrix-ops")),
                        403),
                new Escalation(
                        "POST",
                        "/invitations",
                        Map.of(
                                "invitees",
                                List.of(Map.of("email", "matrix-esc@example.org")),
                                "groups",
                                List.of("/matrix-ops")),
                        403),
                new Escalation(
                        "PUT", "/invitations/" + plainInvitationId, Map.of("groups", List.of("/matrix-ops")), 403),
                // resending makes en-admin the issuer of what a realm administrator wrote: refused
                new Escalation("POST", "/invitations/" + opsInvitationId + "/resend", "", 403),
                new Escalation("PUT", "/invitations/" + opsInvitationId, Map.of("labels", List.of("x")), 403));
        AccessApi en = AccessApi.as(base, "en-admin", "Admin-Passw0rd!");
        List<Executable> checks = new ArrayList<>();
        for (Escalation row : rows) {
            AccessApi.Response got = row.method().equals("PUT")
                    ? en.put(AccessApi.access(row.path()), row.body())
                    : en.post(AccessApi.access(row.path()), row.body());
            checks.add(() -> assertEquals(
                    row.expected(), got.status(), "en-admin: " + row.method() + " " + row.path() + " " + got.body()));
        }
        String catalogue = en.get(AccessApi.access("/catalogue")).body();
        checks.add(() -> org.junit.jupiter.api.Assertions.assertFalse(catalogue.contains("/matrix-ops"), catalogue));
        assertAll(checks);
        assertEquals(
                "[]",
                full.get(AccessApi.access("/invitations/" + plainInvitationId))
                        .json()
                        .get("groups")
                        .toString(),
                "the refused edit changed nothing");
    }
}
