package io.accesslifecycle.tests.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Keycloak's sign-in cookie is {@code SameSite=None}, so a page on any site can make a signed-in user's browser post
 * a form to our pages with that cookie (cross-site request forgery). The forms that act as the signed-in user, the
 * access request and the acceptance of an invitation, refuse a post that the browser says comes from another site
 * ({@code Sec-Fetch-Site}, else {@code Origin}) and do nothing; from our own pages they work as before (the browser
 * tests of those pages post them from a real Chromium).
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class FormsPostedFromAnotherSiteAreRefusedTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    private static final Pattern LOGIN_FORM = Pattern.compile("<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    /** A browser of one: keeps cookies (Secure ones too, as browsers do on localhost), follows nothing by itself. */
    private final class Browser {
        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        /** {@code from}: the headers a browser adds to say where the request comes from. */
        HttpResponse<String> go(String method, String url, String form, Map<String, String> from) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(
                            url.startsWith("http") ? url : urls.getBase().replaceAll("/$", "") + url))
                    .header("Accept", "text/html")
                    .header("Accept-Language", "en");
            if (!cookies.isEmpty()) {
                b.header(
                        "Cookie",
                        String.join(
                                "; ",
                                cookies.entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .toList()));
            }
            from.forEach(b::header);
            b.method(
                    method,
                    form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
            if (form != null) {
                b.header("Content-Type", "application/x-www-form-urlencoded");
            }
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                for (String c : r.headers().allValues("set-cookie")) {
                    String[] pair = c.split(";", 2)[0].split("=", 2);
                    cookies.put(pair[0].strip(), pair.length > 1 ? pair[1] : "");
                }
                return r;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Opens a page of ours, signs in on Keycloak's page it leads to, and comes back signed in. */
        void signIn(String page, String username, String password) {
            HttpResponse<String> r = go("GET", page, null, Map.of());
            assertEquals(303, r.statusCode(), r.body());
            r = go("GET", r.headers().firstValue("location").orElseThrow(), null, Map.of());
            Matcher action = LOGIN_FORM.matcher(r.body());
            assertTrue(action.find(), r.body());
            r = go(
                    "POST",
                    action.group(1).replace("&amp;", "&"),
                    AccessApi.query(Map.of("username", username, "password", password))
                            .substring(1),
                    OURS);
            assertEquals(302, r.statusCode(), r.body());
            assertTrue(
                    cookies.containsKey("KEYCLOAK_IDENTITY"), cookies.keySet().toString());
        }
    }

    /**
     * What Chrome sends when a form of our page is posted: Keycloak's pages set {@code Referrer-Policy: no-referrer},
     * so the origin is hidden, but {@code Sec-Fetch-Site} says it is the same.
     */
    private static final Map<String, String> OURS = Map.of("Sec-Fetch-Site", "same-origin", "Origin", "null");

    /** Posts made by other sites' pages, as browsers describe them; the last one by a browser without Sec-Fetch-*. */
    private static final List<Map<String, String>> ELSEWHERE = List.of(
            Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"),
            Map.of("Sec-Fetch-Site", "cross-site", "Origin", "null"),
            Map.of("Sec-Fetch-Site", "same-site", "Origin", "https://other.example.org"),
            Map.of("Origin", "https://evil.example"));

    private static String form(Map<String, String> fields) {
        return AccessApi.query(fields).substring(1);
    }

    @Test
    void anAccessRequestPostedFromAnotherSiteIsNotMade() {
        Browser browser = new Browser();
        browser.signIn("/realms/lifecycle/access-request", "plain-user", "Plain-Passw0rd!");
        String request = form(Map.of("justification", "made by evil.example"));
        for (Map<String, String> elsewhere : ELSEWHERE) {
            HttpResponse<String> r = browser.go("POST", "/realms/lifecycle/access-request", request, elsewhere);
            assertEquals(403, r.statusCode(), elsewhere + ": " + r.body());
            assertTrue(r.body().contains("sent from another site"), r.body());
        }
        AccessApi admin = AccessApi.admin(urls.getBase());
        assertEquals(0, admin.get(AccessApi.access("/requests")).json().size(), "no request was made");

        HttpResponse<String> ours = browser.go(
                "POST",
                "/realms/lifecycle/access-request",
                form(Map.of("justification", "I joined the audit team")),
                OURS);
        assertEquals(200, ours.statusCode(), ours.body());
        assertEquals(1, admin.get(AccessApi.access("/requests")).json().size(), "from our own page it works");
    }

    @Test
    void anInvitationAcceptedFromAnotherSiteIsNotAccepted() {
        AccessApi admin = AccessApi.admin(urls.getBase());
        AccessApi.Response invited = admin.post(
                AccessApi.access("/invitations"),
                Map.of(
                        "locale",
                        "en",
                        "invitees",
                        List.of(Map.of("email", "plain-user@lifecycle.test")),
                        "roles",
                        List.of("analyst")));
        String id = invited.json().get("results").get(0).get("invitationId").asText();
        String link = Mail.invitationLink(Mail.await(mail, "plain-user@lifecycle.test", "invites you"));
        String key = link.replaceAll(".*[?&]key=([^&]+).*", "$1");
        Browser browser = new Browser();
        browser.signIn("/realms/lifecycle/access-request", "plain-user", "Plain-Passw0rd!");

        for (Map<String, String> elsewhere : ELSEWHERE) {
            HttpResponse<String> forged = browser.go(
                    "POST", "/realms/lifecycle/access-invitation/accept", form(Map.of("key", key)), elsewhere);
            assertEquals(403, forged.statusCode(), elsewhere + ": " + forged.body());
            assertTrue(forged.body().contains("sent from another site"), forged.body());
        }
        HttpResponse<String> forgedRegistration = browser.go(
                "POST",
                "/realms/lifecycle/access-invitation/register",
                form(Map.of(
                        "key",
                        key,
                        "firstName",
                        "P",
                        "lastName",
                        "U",
                        "password",
                        "Evil-Passw0rd!!",
                        "password-confirm",
                        "Evil-Passw0rd!!")),
                ELSEWHERE.get(1));
        assertEquals(403, forgedRegistration.statusCode(), forgedRegistration.body());
        assertEquals(
                "pending",
                admin.get(AccessApi.access("/invitations/" + id))
                        .json()
                        .get("status")
                        .asText());

        HttpResponse<String> ours =
                browser.go("POST", "/realms/lifecycle/access-invitation/accept", form(Map.of("key", key)), OURS);
        assertEquals(200, ours.statusCode(), ours.body());
        assertEquals(
                "accepted",
                admin.get(AccessApi.access("/invitations/" + id))
                        .json()
                        .get("status")
                        .asText());
    }
}
