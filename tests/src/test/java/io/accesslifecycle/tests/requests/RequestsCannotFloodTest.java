package io.accesslifecycle.tests.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.Jobs;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/**
 * A user cannot flood the administrators with access requests: 30 submissions at once give exactly one pending
 * request (the others are told one is already waiting), each administrator gets one email for it, which does not
 * carry the requester's text but a link to the console; and past {@code accessRequestsPerUserPerDay} (3) requests in
 * 24 hours the next is refused with a message.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class RequestsCannotFloodTest {

    private static final String TEXT = "Please let me in: call +1 555 0100 now";

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver browser;

    @Test
    void thirtyParallelSubmissionsGiveOneRequestAndTheDailyLimitRefusesTheFourth() throws Exception {
        BrowserSteps.signedOut(browser, urls);
        String page = urls.getBase() + "/realms/lifecycle/access-request?kc_locale=en";
        browser.open(page);
        BrowserSteps.signIn(browser, "plain-user", "Plain-Passw0rd!");
        assertTrue(browser.findElement(By.id("justification")).isDisplayed(), BrowserSteps.text(browser));
        String cookies = browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));

        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            posts.add(http.sendAsync(submission(page, cookies, TEXT + " #" + i), HttpResponse.BodyHandlers.ofString()));
        }
        int sent = 0;
        int alreadyWaiting = 0;
        for (CompletableFuture<HttpResponse<String>> post : posts) {
            HttpResponse<String> r = post.get();
            assertEquals(200, r.statusCode(), r.body());
            if (r.body().contains("id=\"access-request-pending\"")) {
                alreadyWaiting++;
            } else {
                assertTrue(sentPage(r.body()), r.body());
                sent++;
            }
        }
        assertEquals(1, sent);
        assertEquals(29, alreadyWaiting, "the others are told a request is already waiting");

        AccessApi api = AccessApi.admin(urls.getBase());
        JsonNode pending = api.get(AccessApi.access("/requests?status=pending")).json();
        assertEquals(1, pending.size(), pending.toString());

        MimeMessage toAdmin = Mail.await(mail, "en-admin@lifecycle.test", "Access request from plain-user");
        assertFalse(
                Mail.text(toAdmin).contains("let me in"),
                "the requester's text is not in the email: " + Mail.text(toAdmin));
        assertFalse(Mail.html(toAdmin).contains("let me in"));
        assertTrue(Mail.text(toAdmin).contains("/realms/lifecycle/access-console/#/requests"), Mail.text(toAdmin));
        Jobs.ranTwiceMore(urls.getBase(), Jobs.OUTBOX); // whatever was queued has left
        assertEquals(
                1,
                Mail.to(mail.getReceivedMessages(), "en-admin@lifecycle.test").size(),
                "one email per request, no burst");

        // decided requests free the slot, but three in 24 hours is the most
        reject(api, pending.get(0).get("id").asText());
        for (int n = 2; n <= 3; n++) {
            HttpResponse<String> r = http.send(submission(page, cookies, TEXT), HttpResponse.BodyHandlers.ofString());
            assertTrue(sentPage(r.body()), "request " + n + ": " + r.body());
            reject(
                    api,
                    api.get(AccessApi.access("/requests?status=pending"))
                            .json()
                            .get(0)
                            .get("id")
                            .asText());
        }
        HttpResponse<String> fourth = http.send(submission(page, cookies, TEXT), HttpResponse.BodyHandlers.ofString());
        assertTrue(
                fourth.body().contains("You have made 3 access requests in the last 24 hours")
                        || fourth.body().contains("Vous avez fait 3 demandes"),
                fourth.body());
        assertEquals(
                0, api.get(AccessApi.access("/requests?status=pending")).json().size(), "no fourth request");
        assertEquals(3, api.get(AccessApi.access("/requests")).json().size());
    }

    private static boolean sentPage(String html) {
        return html.contains("request has been sent") || html.contains("demande a été envoyée");
    }

    private static HttpRequest submission(String page, String cookies, String justification) {
        return HttpRequest.newBuilder(URI.create(page))
                .header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "justification=" + URLEncoder.encode(justification, StandardCharsets.UTF_8)))
                .build();
    }

    private static void reject(AccessApi api, String id) {
        AccessApi.Response r = api.post(AccessApi.access("/requests/" + id + "/reject"), Map.of("reason", "Not now."));
        assertEquals(200, r.status(), r.body());
    }
}
