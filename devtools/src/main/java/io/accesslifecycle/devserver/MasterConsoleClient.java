package io.accesslifecycle.devserver;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Once Keycloak answers, gives the master realm the {@code access-console} client of
 * {@code realm-config/master/access-console-client.json} (when it has none) and scopes it to the console's roles of
 * the sample realm's {@code <realm>-realm} client: what docs/console.md asks an operator to do by hand so that
 * master-realm administrators can open the sample realm's console. Through Keycloak's admin API, as the bootstrap
 * administrator.
 */
final class MasterConsoleClient {

    static final List<String> CONSOLE_ROLES =
            List.of("view-users", "query-users", "manage-users", "query-groups", "view-realm", "manage-realm");
    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    MasterConsoleClient(int httpPort) {
        this.base = "http://localhost:" + httpPort;
    }

    /** Waits for Keycloak (up to {@code patience}), then sets the client up; a failure is printed, never thrown. */
    void setUpWhenReady(Path clientJson, String realm, String user, String password, Duration patience) {
        Instant until = Instant.now().plus(patience);
        try {
            while (!answers(base + "/realms/" + realm + "/.well-known/openid-configuration")) {
                if (Instant.now().isAfter(until)) {
                    System.out.println("[access-console] Keycloak did not answer: master-realm sign-in not set up");
                    return;
                }
                Thread.sleep(1000);
            }
            setUp(Files.readString(clientJson), realm, token(user, password));
        } catch (IOException | RuntimeException e) {
            System.out.println("[access-console] master-realm sign-in not set up: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void setUp(String clientJson, String realm, String token) throws IOException, InterruptedException {
        String admin = base + "/admin/realms/master/clients";
        String existing = send(token, "GET", admin + "?clientId=access-console", null);
        if (FIRST_ID.matcher(existing).find()) {
            return;
        }
        send(token, "POST", admin, clientJson);
        String client = firstId(send(token, "GET", admin + "?clientId=access-console", null));
        String realmClient = firstId(send(token, "GET", admin + "?clientId=" + realm + "-realm", null));
        List<String> roles = new ArrayList<>();
        for (String role : CONSOLE_ROLES) {
            roles.add(send(token, "GET", admin + "/" + realmClient + "/roles/" + role, null));
        }
        send(
                token,
                "POST",
                admin + "/" + client + "/scope-mappings/clients/" + realmClient,
                "[" + String.join(",", roles) + "]");
        System.out.println("[access-console] master-realm administrators may open the console of " + realm);
    }

    private String token(String user, String password) throws IOException, InterruptedException {
        String form =
                "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException(
                    "the bootstrap administrator could not sign in (HTTP " + r.statusCode() + ")");
        }
        return m.group(1);
    }

    private String send(String token, String method, String url, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(
                b.method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode());
        }
        return r.body();
    }

    private static String firstId(String json) {
        Matcher m = FIRST_ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    private boolean answers(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
