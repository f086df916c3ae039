package io.accesslifecycle.tests.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Jobs;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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
 * Whatever a caller sends, the API answers a JSON error naming the field (or stores the text harmlessly, where
 * said), quickly, and stores and sends nothing: malformed, oddly shaped, mistyped, repeated, unknown or oversized
 * JSON on every endpoint that reads a body, 1001 invitees, control characters and header-injection attempts in
 * names, addresses and messages, and unusual Unicode (bidirectional overrides, joiners, emoji, lone surrogates,
 * 10,000-character names).
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class BadInputIsRejectedOnEveryEndpointTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    private AccessApi api;
    private String user;
    private String invitation;

    /** Every endpoint that reads a JSON body; {user} and {invitation} exist. */
    private static final List<String> BODY_ENDPOINTS = List.of(
            "POST /users",
            "PUT /users/{user}/access",
            "POST /invitations",
            "PUT /invitations/{invitation}",
            "POST /requests/no-such-request/approve",
            "POST /requests/no-such-request/reject",
            "POST /offboarding",
            "PUT /config");

    @BeforeEach
    void setUp() {
        api = AccessApi.admin(urls.getBase());
        user = realm.admin().users().search("plain-user", true).get(0).getId();
        List<JsonNode> pending =
                list(api.get(AccessApi.access("/invitations?status=pending")).json());
        if (pending.isEmpty()) {
            AccessApi.Response r = api.post(
                    AccessApi.access("/invitations"),
                    Map.of("invitees", List.of(Map.of("email", "existing@example.org")), "locale", "en"));
            invitation = r.json().get("results").get(0).get("invitationId").asText();
            Mail.await(mail, "existing@example.org", "invites you");
            mail.runCleanup();
        } else {
            invitation = pending.get(0).get("id").asText();
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** What the realm holds: users, invitations with their fields, audit entries, settings, requests. */
    private String stored() {
        return realm.admin().users().count() + "\n"
                + invitations() + "\n"
                + api.get(AccessApi.access("/audit?max=10000")).json().size() + "\n"
                + api.get(AccessApi.access("/config")).body() + "\n"
                + api.get(AccessApi.access("/requests")).body() + "\n"
                + api.get(AccessApi.access("/users/" + user + "/access")).body();
    }

    /** The stored invitations, without their delivery status (the outbox may be updating it). */
    private String invitations() {
        JsonNode all = api.get(AccessApi.access("/invitations?max=1000")).json();
        all.forEach(i -> ((com.fasterxml.jackson.databind.node.ObjectNode) i).remove("emailDelivery"));
        return all.toString();
    }

    private AccessApi.Response call(String endpoint, Object body) {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replace("{user}", user).replace("{invitation}", invitation);
        return api.send(parts[0], AccessApi.access(path), Map.of(), body);
    }

    private static Executable rejected(AccessApi.Response r, int status, String field, String what) {
        return () -> {
            assertEquals(status, r.status(), what + ": " + r.body());
            JsonNode error = r.json();
            assertEquals(field, error.path("field").asText(), what + ": " + r.body());
            assertTrue(error.path("detail").asText().length() > 3, what + ": " + r.body());
        };
    }

    /** Nothing was stored by the requests made since {@code before}, and no email left (the outbox ran twice since). */
    private void assertNothingStoredOrSent(String before) {
        assertEquals(before, stored(), "nothing was stored");
        Jobs.ranTwiceMore(urls.getBase(), Jobs.OUTBOX);
        assertEquals(0, mail.getReceivedMessages().length, "nothing was sent");
    }

    @Test
    void malformedOrOddlyShapedJsonOnEveryEndpoint() {
        String before = stored();
        Map<String, String> bodies = Map.of(
                "{\"email\": ",
                "truncated",
                "[]",
                "an array",
                "\"text\"",
                "a string",
                "42",
                "a number",
                "null",
                "null",
                "{} {}",
                "two objects",
                "{\"note\": \"a\" \"b\"}",
                "missing comma",
                "{'note': 'single quotes'}",
                "single quotes",
                "{\"note\": \"x\",}",
                "trailing comma",
                "[".repeat(100_000) + "]".repeat(100_000),
                "nested 100,000 deep");
        List<Executable> checks = new ArrayList<>();
        for (String endpoint : BODY_ENDPOINTS) {
            bodies.forEach((body, what) ->
                    checks.add(rejected(call(endpoint, body), 400, "body", endpoint + " with " + what)));
            checks.add(rejected(
                    call(endpoint, "{\"noSuchField\": 1}"), 400, "noSuchField", endpoint + " with an unknown field"));
            checks.add(rejected(
                    call(endpoint, "{\"note\": \"a\", \"note\": \"b\"}"),
                    400,
                    "note",
                    endpoint + " with a repeated field"));
        }
        assertAll(checks);
        assertNothingStoredOrSent(before);
    }

    @Test
    void wrongTypesNameTheField() {
        String before = stored();
        assertAll(
                rejected(
                        call(
                                "POST /users",
                                Map.of("email", List.of("a@example.org"), "firstName", "A", "lastName", "B")),
                        400,
                        "email",
                        "a list as email"),
                rejected(
                        call("POST /users", Map.of("email", "a@example.org", "firstName", 42, "lastName", "B")),
                        400,
                        "firstName",
                        "a number as name"),
                rejected(
                        call(
                                "POST /users",
                                Map.of(
                                        "email",
                                        "a@example.org",
                                        "firstName",
                                        "A",
                                        "lastName",
                                        "B",
                                        "roles",
                                        "analyst")),
                        400,
                        "roles",
                        "a string as roles"),
                rejected(
                        call("PUT /users/{user}/access", Map.of("notifyUser", "perhaps")),
                        400,
                        "notifyUser",
                        "a string as boolean"),
                rejected(
                        call("PUT /users/{user}/access", Map.of("notifyUser", "true")),
                        400,
                        "notifyUser",
                        "a quoted boolean"),
                rejected(
                        call("PUT /users/{user}/access", Map.of("labels", Map.of("a", 1))),
                        400,
                        "labels",
                        "an object as labels"),
                rejected(
                        call("POST /invitations", Map.of("invitees", "a@example.org")),
                        400,
                        "invitees",
                        "a string as invitees"),
                rejected(
                        call("POST /invitations", Map.of("invitees", List.of(Map.of("email", Map.of("x", 1))))),
                        400,
                        "invitees[0].email",
                        "an object as email"),
                rejected(
                        call(
                                "POST /invitations",
                                Map.of("invitees", List.of(Map.of("email", "a@example.org", "phone", "1")))),
                        400,
                        "invitees[0].phone",
                        "an unknown invitee field"),
                rejected(
                        call("PUT /invitations/{invitation}", Map.of("authorisedCaller", "maybe")),
                        400,
                        "authorisedCaller",
                        "a string as boolean"),
                rejected(
                        call("POST /requests/no-such-request/approve", Map.of("roles", 5)),
                        400,
                        "roles",
                        "a number as roles"),
                rejected(
                        call("POST /offboarding", Map.of("usernames", "plain-user", "mode", "disable")),
                        400,
                        "usernames",
                        "a string as usernames"),
                rejected(
                        call("POST /offboarding", Map.of("usernames", List.of("plain-user"), "mode", true)),
                        400,
                        "mode",
                        "a boolean as mode"),
                rejected(
                        call("PUT /config", Map.of("usernameMaxLength", "long")),
                        400,
                        "usernameMaxLength",
                        "a string as number"),
                rejected(
                        call("PUT /config", Map.of("usernameMaxLength", "30")),
                        400,
                        "usernameMaxLength",
                        "a quoted number"),
                rejected(
                        call("PUT /config", Map.of("usernameMaxLength", 20.5)), 400, "usernameMaxLength", "a fraction"),
                rejected(
                        call("PUT /config", "{\"usernameMaxLength\": 99999999999}"),
                        400,
                        "usernameMaxLength",
                        "a number out of range"),
                rejected(
                        call("PUT /config", Map.of("expiryReminderDays", List.of("14"))),
                        400,
                        "expiryReminderDays[0]",
                        "a string in a list of numbers"));
        assertNothingStoredOrSent(before);
    }

    @Test
    void oversizedBodiesAreRefusedQuicklyAndWhole() {
        String before = stored();
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(Map.of("email", "person" + i + "@example.org"));
        }
        AccessApi.Response r = call("POST /invitations", Map.of("invitees", many));
        assertAll(
                rejected(r, 400, "invitees", "1001 invitees"),
                () -> assertTrue(r.json().get("detail").asText().contains("1001"), r.body()));

        String fiveMegabytes = "x".repeat(5 * 1024 * 1024);
        for (String endpoint : BODY_ENDPOINTS) {
            long start = System.nanoTime();
            AccessApi.Response big = call(endpoint, Map.of("note", fiveMegabytes));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertAll(
                    rejected(big, 413, "body", endpoint + " with 5 MiB"),
                    () -> assertTrue(millis < 5_000, endpoint + " took " + millis + " ms"));
        }
        // past Keycloak's own limit (Quarkus, 10 MiB), the server refuses before any code of ours runs
        assertEquals(
                413,
                postOverHttp11(
                        AccessApi.access("/invitations"), "{\"note\": \"" + "x".repeat(11 * 1024 * 1024) + "\"}"));
        assertNothingStoredOrSent(before);
    }

    /**
     * Over HTTP/1.1 with {@code Expect: 100-continue}, as curl sends a large body: the server answers from the
     * headers, before the body is sent. (Java's default h2c upgrade chokes on the Connection header of that 413.)
     */
    private int postOverHttp11(String path, String body) {
        try {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = AccessApi.tokens(urls.getBase(), AccessApi.REALM, AccessApi.ADMIN, AccessApi.ADMIN_PASSWORD)
                    .get("access_token")
                    .asText();
            return http.send(
                            HttpRequest.newBuilder(URI.create(urls.getBase().replaceAll("/$", "") + path))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .expectContinue(true)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final String INJECTED = "\r\nBcc: evil@example.org\r\nSubject: pwned";

    @Test
    void headerInjectionIsRefusedOrStaysInTheBody() throws MessagingException {
        String before = stored();
        assertAll(
                rejected(
                        api.post(
                                AccessApi.access("/users"),
                                Map.of("email", "eve@example.org" + INJECTED, "firstName", "Eve", "lastName", "Adams")),
                        400,
                        "email",
                        "CR/LF in an address"),
                rejected(
                        api.post(
                                AccessApi.access("/users"),
                                Map.of("email", "eve@example.org", "firstName", "Eve" + INJECTED, "lastName", "Adams")),
                        400,
                        "firstName",
                        "CR/LF in a first name"),
                rejected(
                        api.post(
                                AccessApi.access("/users"),
                                Map.of("email", "eve@example.org", "firstName", "Eve", "lastName", "Adams\u0000")),
                        400,
                        "lastName",
                        "NUL in a last name"),
                rejected(
                        call("PUT /invitations/{invitation}", Map.of("lastName", "X" + INJECTED)),
                        400,
                        "lastName",
                        "CR/LF in an invitee's name"),
                rejected(
                        call("PUT /users/{user}/access", Map.of("labels", List.of("a" + INJECTED))),
                        400,
                        "labels",
                        "CR/LF in a label"),
                rejected(call("PUT /users/{user}/access", Map.of("note", "no\u0007")), 400, "note", "BEL in a note"));
        AccessApi.Response rows = api.post(
                AccessApi.access("/invitations"),
                Map.of(
                        "invitees",
                        List.of(
                                Map.of("email", "ivy@example.org" + INJECTED),
                                Map.of("email", "ivy@example.org", "firstName", "Ivy" + INJECTED))));
        assertEquals(200, rows.status(), rows.body());
        assertEquals("rejected", rows.json().get("results").get(0).get("status").asText());
        assertEquals(
                "invalid email address",
                rows.json().get("results").get(0).get("reason").asText());
        assertEquals("rejected", rows.json().get("results").get(1).get("status").asText());
        assertTrue(rows.json().get("results").get(1).get("reason").asText().startsWith("firstName"), rows.body());
        assertNothingStoredOrSent(before);

        // The inviter's name reaches the subject; Keycloak's user profile keeps line breaks out of it.
        UserRepresentation inviter =
                realm.admin().users().search("en-admin", true).get(0);
        inviter.setLastName("Admin" + INJECTED);
        assertThrows(
                jakarta.ws.rs.BadRequestException.class,
                () -> realm.admin().users().get(inviter.getId()).update(inviter));

        // A personal message and a note may hold line breaks: they are stored as typed and stay in the body.
        AccessApi enAdmin = AccessApi.as(urls.getBase(), "en-admin", "Admin-Passw0rd!");
        String message = "Hello" + INJECTED + "\r\n\r\n<b>body</b>";
        AccessApi.Response sent = enAdmin.post(
                AccessApi.access("/invitations"),
                Map.of(
                        "locale",
                        "en",
                        "invitees",
                        List.of(Map.of("email", "ivy@example.org", "firstName", "Ivy")),
                        "message",
                        message,
                        "note",
                        "n" + INJECTED));
        assertEquals("invited", sent.json().get("results").get(0).get("status").asText(), sent.body());
        String id = sent.json().get("results").get(0).get("invitationId").asText();
        assertEquals(
                message.strip(),
                api.get(AccessApi.access("/invitations/" + id))
                        .json()
                        .get("message")
                        .asText());
        MimeMessage email = Mail.await(mail, "ivy@example.org", "invites you");
        Jobs.ranTwiceMore(urls.getBase(), Jobs.OUTBOX); // whatever was queued has left
        assertEquals(1, mail.getReceivedMessages().length, "one email, to the invitee only");
        assertEquals("[ivy@example.org]", Mail.recipients(email));
        assertNull(email.getHeader("Bcc"));
        assertEquals(1, email.getHeader("Subject").length);
        assertFalse(Mail.subject(email).contains("\n"), Mail.subject(email));
        assertFalse(Mail.subject(email).equals("pwned"));
        for (Header h : Collections.list(email.getAllHeaders())) {
            assertFalse(
                    h.getName().equalsIgnoreCase("Bcc") || h.getValue().contains("evil@"),
                    h.getName() + ": " + h.getValue());
        }
        assertTrue(Mail.text(email).contains("Bcc: evil@example.org"), "the message stays in the body, as typed");
    }

    @Test
    void unusualUnicodeIsRefusedWhereItDeceivesAndKeptIntactElsewhere() {
        String before = stored();
        String rtl = "Eve\u202Egro.elpmaxe";
        String tenThousand = "a".repeat(10_000);
        assertAll(
                rejected(
                        api.post(
                                AccessApi.access("/users"),
                                Map.of("email", "eve@example.org", "firstName", rtl, "lastName", "Adams")),
                        400,
                        "firstName",
                        "a right-to-left override in a name"),
                rejected(
                        api.post(
                                AccessApi.access("/users"),
                                Map.of("email", "eve@example.org", "firstName", "Eve", "lastName", "Ad\u2066ams")),
                        400,
                        "lastName",
                        "a bidirectional isolate in a name"),
                rejected(
                        api.post(
                                AccessApi.access("/users"),
                                Map.of("email", "eve@example.org", "firstName", tenThousand, "lastName", "Adams")),
                        400,
                        "firstName",
                        "a 10,000-character name"),
                rejected(
                        api.post(
                                AccessApi.access("/users"),
                                "{\"email\": \"eve@example.org\", \"firstName\": \"Eve\\uD800\", \"lastName\": \"Adams\"}"),
                        400,
                        "firstName",
                        "a lone surrogate in a name"),
                rejected(
                        api.post(
                                AccessApi.access("/users"),
                                "{\"email\": \"eve@example.org\", \"firstName\": \"Eve\", \"lastName\": \"Adams\", \"\\uDC00\": 1}"),
                        400,
                        "\uDC00",
                        "a lone surrogate as a field name (named, escaped in the answer)"),
                rejected(
                        call("PUT /invitations/{invitation}", Map.of("message", "see \u202Etxt.exe")),
                        400,
                        "message",
                        "an override in a message"),
                rejected(
                        call("PUT /invitations/{invitation}", "{\"note\": \"\\uDBFF\"}"),
                        400,
                        "note",
                        "a lone surrogate in a note"),
                rejected(
                        call("PUT /users/{user}/access", Map.of("labels", List.of("\u202Eabel"))),
                        400,
                        "labels",
                        "an override in a label"),
                rejected(
                        call("PUT /users/{user}/access", Map.of("labels", List.of("😀".repeat(40)))),
                        400,
                        "labels",
                        "a long label of emoji"));
        AccessApi.Response rows = api.post(
                AccessApi.access("/invitations"),
                "{\"invitees\": ["
                        + "{\"email\": \"eve\\uD800@example.org\"},"
                        + "{\"email\": \"\u202Egro.elpmaxe@eve\"},"
                        + "{\"email\": \"eve@example.org\", \"firstName\": \"" + tenThousand + "\"}]}");
        assertEquals(200, rows.status(), rows.body());
        rows.json()
                .get("results")
                .forEach(row -> assertEquals("rejected", row.get("status").asText(), rows.body()));
        assertNothingStoredOrSent(before);

        // letters of any script, joiners and emoji are names like any other: stored and shown exactly
        String name = "Zoë 👩‍💻 زهرا\u200Cی 李";
        AccessApi.Response ok = api.post(
                AccessApi.access("/invitations"),
                Map.of(
                        "locale",
                        "en",
                        "invitees",
                        List.of(Map.of("email", "zoe@example.org", "firstName", name, "lastName", "Ñúñez-Ørsted")),
                        "labels",
                        List.of("équipe-🚀")));
        assertEquals("invited", ok.json().get("results").get(0).get("status").asText(), ok.body());
        JsonNode stored = api.get(AccessApi.access("/invitations/"
                        + ok.json().get("results").get(0).get("invitationId").asText()))
                .json();
        assertEquals(name, stored.get("firstName").asText());
        assertEquals("Ñúñez-Ørsted", stored.get("lastName").asText());
        assertEquals("équipe-🚀", stored.get("labels").get(0).asText());
        assertTrue(Mail.text(Mail.await(mail, "zoe@example.org", "invites you")).contains(name));
    }
}
