package io.accesslifecycle.tests.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The signed things the bundle hands out or accepts cannot be altered, replayed or used for something else: an
 * invitation key with a changed payload, a changed or removed signature, or another token in its place is refused;
 * a revoked or replaced invitation cannot be accepted through the forms even by someone who opened them before; a
 * used key stays used; the set-password link is bound to its user and address; and the admin API accepts nothing
 * but an unaltered access token of a live session of the realm. (Links replaced, revoked or expired on opening,
 * and the set-password link used twice in a browser, are covered where those features are tested.)
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class TokensCannotBeTamperedOrReplayedTest {

    private static final String PASSWORD = "Tamper-Proof-42!";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    // --- JWS surgery -------------------------------------------------------------------------------------------

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ObjectNode part(String jws, int index) {
        try {
            return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[index]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withPayload(String jws, ObjectNode payload) {
        String[] p = jws.split("\\.");
        return p[0] + "." + b64(payload.toString().getBytes(StandardCharsets.UTF_8)) + "." + p[2];
    }

    private static String withClaim(String jws, String claim, String value) {
        return withPayload(jws, part(jws, 1).put(claim, value));
    }

    private static String withFlippedSignature(String jws) {
        String[] p = jws.split("\\.");
        char last = p[2].charAt(p[2].length() / 2);
        String signature = p[2].substring(0, p[2].length() / 2)
                + (last == 'A' ? 'B' : 'A')
                + p[2].substring(p[2].length() / 2 + 1);
        return p[0] + "." + p[1] + "." + signature;
    }

    private static String unsigned(String jws) {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + jws.split("\\.")[1]
                + ".";
    }

    private static String key(String link) {
        return link.replaceAll(".*[?&]key=([^&]+).*", "$1");
    }

    // --- invitations -------------------------------------------------------------------------------------------

    private String invite(AccessApi admin, String email) {
        AccessApi.Response r = admin.post(
                AccessApi.access("/invitations"), Map.of("invitees", List.of(Map.of("email", email)), "locale", "en"));
        assertEquals("invited", r.json().get("results").get(0).get("status").asText(), r.body());
        return r.json().get("results").get(0).get("invitationId").asText();
    }

    private String newestLinkTo(String email, int count) {
        List<MimeMessage> messages = Mail.awaitCount(mail, email, "", count);
        assertEquals(count, messages.size(), "emails to " + email);
        return Mail.invitationLink(messages.get(count - 1));
    }

    private AccessApi.Response open(String key) {
        return AccessApi.anonymous(urls.getBase())
                .page(urls.getBase() + "/realms/lifecycle/access-invitation?key=" + key);
    }

    /** The registration form posted as an English-speaking browser would. */
    private AccessApi.Response register(String key, String firstName) {
        return AccessApi.anonymous(urls.getBase())
                .browserForm(
                        "/realms/lifecycle/access-invitation/register",
                        Map.of(
                                "key",
                                key,
                                "firstName",
                                firstName,
                                "lastName",
                                "Tester",
                                "password",
                                PASSWORD,
                                "password-confirm",
                                PASSWORD));
    }

    private Executable page(AccessApi.Response r, int status, String text, String what) {
        return () -> {
            assertEquals(status, r.status(), what + ": " + r.body());
            assertTrue(r.body().contains(text), what + ": " + r.body());
        };
    }

    private int accounts(String email) {
        return realm.admin().users().searchByEmail(email, true).size();
    }

    @Test
    void anAlteredInvitationKeyIsRefused() {
        AccessApi admin = AccessApi.admin(urls.getBase());
        invite(admin, "alice@example.org");
        String bob = invite(admin, "bob@example.org");
        String alice = key(newestLinkTo("alice@example.org", 1));
        assertAll(
                page(open(withClaim(alice, "inv", bob)), 400, "not valid", "Alice's key naming Bob's invitation"),
                page(
                        open(withClaim(alice, "eml", "mallory@example.org")),
                        400,
                        "not valid",
                        "another address in the key"),
                page(open(withClaim(alice, "exp", "4102444800")), 400, "not valid", "a later expiry in the key"),
                page(open(withFlippedSignature(alice)), 400, "not valid", "a changed signature"),
                page(open(unsigned(alice)), 400, "not valid", "no signature (alg none)"),
                page(open(alice.substring(0, alice.lastIndexOf('.'))), 400, "not valid", "the signature cut off"),
                page(
                        register(withClaim(alice, "inv", bob), "Mallory"),
                        400,
                        "not valid",
                        "registering with Bob's id in Alice's key"),
                page(register(unsigned(alice), "Mallory"), 400, "not valid", "registering with an unsigned key"));
        assertEquals(0, accounts("alice@example.org") + accounts("bob@example.org"), "no account was created");
        assertEquals(200, open(alice).status(), "the genuine key still works");
    }

    @Test
    void otherSignedTokensOfTheRealmAreNotInvitationKeys() {
        JsonNode tokens = AccessApi.tokens(urls.getBase(), AccessApi.REALM, "plain-user", "Plain-Passw0rd!");
        AccessApi admin = AccessApi.admin(urls.getBase());
        AccessApi.Response declared = admin.post(
                AccessApi.access("/users"),
                Map.of("email", "sam.set@example.org", "firstName", "Sam", "lastName", "Set", "locale", "en"));
        assertEquals(201, declared.status(), declared.body());
        String actionToken = key(Mail.actionLink(Mail.await(mail, "sam.set@example.org", "choose your password")));
        assertAll(
                page(open(tokens.get("access_token").asText()), 400, "not valid", "an access token"),
                page(open(tokens.get("id_token").asText()), 400, "not valid", "an ID token"),
                page(open(tokens.get("refresh_token").asText()), 400, "not valid", "a refresh token"),
                page(open(actionToken), 400, "not valid", "a set-password link's key"));
    }

    @Test
    void aRevokedOrReplacedInvitationCannotBeAcceptedThroughAFormOpenedBefore() {
        AccessApi admin = AccessApi.admin(urls.getBase());
        String carol = invite(admin, "carol@example.org");
        String carolKey = key(newestLinkTo("carol@example.org", 1));
        assertEquals(200, open(carolKey).status(), "the form is open in Carol's browser");
        assertEquals(
                200, admin.delete(AccessApi.access("/invitations/" + carol)).status());
        assertAll(page(register(carolKey, "Carol"), 410, "withdrawn", "registering after the revocation"));
        assertEquals(0, accounts("carol@example.org"), "no account for a revoked invitation");

        String dave = invite(admin, "dave@example.org");
        String first = key(newestLinkTo("dave@example.org", 1));
        assertEquals(200, open(first).status());
        assertEquals(
                200,
                admin.post(AccessApi.access("/invitations/" + dave + "/resend"), "")
                        .status());
        String second = key(newestLinkTo("dave@example.org", 2));
        assertAll(page(register(first, "Dave"), 410, "replaced", "registering with the link a resend replaced"));
        assertEquals(0, accounts("dave@example.org"));

        assertAll(page(register(second, "Dave"), 200, "invitation is accepted", "the newest link"));
        assertEquals(1, accounts("dave@example.org"));
        assertAll(
                page(register(second, "Dave"), 410, "already been accepted", "the used link posted again"),
                page(open(second), 410, "already been accepted", "the used link opened again"));
        assertEquals(1, accounts("dave@example.org"), "still one account");
        assertEquals(
                409,
                admin.post(AccessApi.access("/invitations/" + dave + "/resend"), "")
                        .status(),
                "an accepted invitation cannot be revived by a resend");
    }

    // --- the set-password link -----------------------------------------------------------------------------------

    private AccessApi.Response follow(String actionLink) {
        return AccessApi.anonymous(urls.getBase()).page(actionLink);
    }

    private static String replaceKey(String link, String key) {
        return link.replaceAll("key=[^&]+", "key=" + key);
    }

    @Test
    void theSetPasswordLinkIsBoundToItsUserAndAddress() {
        AccessApi admin = AccessApi.admin(urls.getBase());
        AccessApi.Response declared = admin.post(
                AccessApi.access("/users"),
                Map.of("email", "tom.link@example.org", "firstName", "Tom", "lastName", "Link", "locale", "en"));
        assertEquals(201, declared.status(), declared.body());
        String id = declared.json().get("id").asText();
        String link = Mail.actionLink(Mail.await(mail, "tom.link@example.org", "choose your password"));
        String token = key(link);
        String adminId =
                realm.admin().users().search(AccessApi.ADMIN, true).get(0).getId();
        invite(admin, "ivan@example.org");
        String invitationKey = key(newestLinkTo("ivan@example.org", 1));

        List<Executable> refused = new ArrayList<>();
        Map.of(
                        "the administrator as subject",
                        withClaim(token, "sub", adminId),
                        "another address",
                        withClaim(token, "eml", "mallory@example.org"),
                        "a later expiry",
                        withClaim(token, "exp", "4102444800"),
                        "a changed signature",
                        withFlippedSignature(token),
                        "no signature (alg none)",
                        unsigned(token),
                        "an invitation key",
                        invitationKey)
                .forEach((what, forged) -> {
                    AccessApi.Response r = follow(replaceKey(link, forged));
                    refused.add(() -> {
                        assertEquals(400, r.status(), what + ": " + r.body());
                        assertTrue(r.body().contains("id=\"kc-error-message\""), what + ": " + r.body());
                    });
                });
        assertAll(refused);
        AccessApi.admin(urls.getBase()); // the administrator still signs in with their own password

        AccessApi.Response genuine = follow(link);
        assertEquals(200, genuine.status(), "the genuine link still asks to proceed");

        // the address is corrected after the email left: the link sent to the old address dies
        UserRepresentation user = realm.admin().users().get(id).toRepresentation();
        user.setEmail("tom.link@example.net");
        realm.admin().users().get(id).update(user);
        AccessApi.Response stale = follow(link);
        assertEquals(400, stale.status(), stale.body());
        assertEquals(0, realm.admin().users().get(id).credentials().size(), "no password was set");
    }

    // --- bearer tokens on the admin API --------------------------------------------------------------------------

    @Test
    void theAdminApiTakesOnlyAnUnalteredAccessTokenOfALiveSessionOfTheRealm() {
        String base = urls.getBase();
        JsonNode tokens = AccessApi.tokens(base, AccessApi.REALM, AccessApi.ADMIN, AccessApi.ADMIN_PASSWORD);
        String access = tokens.get("access_token").asText();
        String config = AccessApi.access("/config");
        assertEquals(200, AccessApi.withToken(base, access).get(config).status());

        ObjectNode moreRoles = part(access, 1);
        moreRoles
                .putObject("resource_access")
                .putObject("realm-management")
                .putArray("roles")
                .add("realm-admin");
        AccessApi admin = AccessApi.admin(base);
        invite(admin, "judy@example.org");
        String invitationKey = key(newestLinkTo("judy@example.org", 1));

        Map<String, String> forged = Map.of(
                "an ID token", tokens.get("id_token").asText(),
                "a refresh token", tokens.get("refresh_token").asText(),
                "an access token with a changed subject",
                        withClaim(access, "sub", "00000000-0000-0000-0000-000000000000"),
                "an access token given more roles", withPayload(access, moreRoles),
                "an access token with a changed signature", withFlippedSignature(access),
                "an unsigned access token (alg none)", unsigned(access),
                "an invitation key", invitationKey,
                "garbage", "not-a-token");
        List<Executable> refused = new ArrayList<>();
        forged.forEach((what, token) -> {
            int status = AccessApi.withToken(base, token)
                    .put(config, Map.of("usernameMaxLength", 30))
                    .status();
            refused.add(() -> assertEquals(401, status, what));
        });
        assertAll(refused);

        String userId =
                realm.admin().users().search(AccessApi.ADMIN, true).get(0).getId();
        realm.admin().users().get(userId).logout();
        assertEquals(
                401, AccessApi.withToken(base, access).get(config).status(), "the session it belonged to has ended");
        assertEquals(
                20,
                AccessApi.admin(base)
                        .get(config)
                        .json()
                        .get("usernameMaxLength")
                        .asInt(),
                "nothing changed");

        // Keycloak's admin API (ours with it) takes a token of the realm from any client that carries the user's
        // realm-management roles: demo-app has full scope, so its tokens do (see docs/production.md).
        String demoApp = AccessApi.anonymous(base)
                .form(
                        "/realms/lifecycle/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "demo-app",
                                "username",
                                AccessApi.ADMIN,
                                "password",
                                AccessApi.ADMIN_PASSWORD))
                .json()
                .get("access_token")
                .asText();
        assertEquals(200, AccessApi.withToken(base, demoApp).get(config).status());
    }
}
