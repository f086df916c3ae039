package io.accesslifecycle.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The sample realm {@code lifecycle} on one server, over plain HTTP: the bundle's admin API as {@code realm-admin},
 * the pages as a browser (its own cookies, no redirect followed, English pages).
 */
final class LifecycleRealm {

    static final String NAME = "lifecycle";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOGIN_FORM_ACTION = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new LocalhostCookies())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI base;
    private final String token;

    private LifecycleRealm(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** An HTTP answer: status, headers and body. */
    record Answer(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return parse(body);
        }
    }

    /** A browser on that server, signed in nowhere. */
    static LifecycleRealm browser(URI base) {
        return new LifecycleRealm(base, null);
    }

    /** Signs in as the realm's access administrator (admin-cli, password grant). */
    static LifecycleRealm asAdmin(URI base) {
        Answer answer = browser(base)
                .form(
                        "/realms/" + NAME + "/protocol/openid-connect/token",
                        Map.of(
                                "grant_type", "password",
                                "client_id", "admin-cli",
                                "username", "realm-admin",
                                "password", "Admin-Passw0rd!"));
        if (answer.status() != 200) {
            throw new AssertionError("realm-admin could not sign in on " + base + ": " + answer.status());
        }
        return new LifecycleRealm(base, answer.json().get("access_token").asText());
    }

    JsonNode get(String path) {
        return api("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return api("POST", path, body);
    }

    JsonNode put(String path, Object body) {
        return api("PUT", path, body);
    }

    JsonNode delete(String path) {
        return api("DELETE", path, null);
    }

    /**
     * {@code method} on {@code /admin/realms/lifecycle/access<path>}: the JSON answer (null when empty); fails on a
     * status other than 2xx.
     */
    private JsonNode api(String method, String path, Object body) {
        HttpRequest.Builder request = request(base.resolve("/admin/realms/" + NAME + "/access" + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        }
        Answer answer = send(request);
        if (answer.status() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body().isBlank() ? null : answer.json();
    }

    /** A page, as an English-speaking browser opens it (the link itself is never printed: it is a credential). */
    Answer open(String url) {
        return send(request(base.resolve(url)).header("Accept-Language", "en").GET());
    }

    /** A form post, as a browser sends it. */
    Answer form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(base.resolve(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Opens a page that needs a signed-in user, is sent to Keycloak's login form, and signs in there as that user:
     * afterwards this browser's cookies carry the session.
     */
    void signInThroughTheLoginForm(String page, String username, String password) {
        Answer redirect = open(page);
        String login = redirect.headers().firstValue("Location").orElse(null);
        if (login == null) {
            throw new AssertionError(page + " did not send to the login form: " + redirect.status());
        }
        Matcher action = LOGIN_FORM_ACTION.matcher(open(login).body());
        if (!action.find()) {
            throw new AssertionError("no login form behind " + page);
        }
        Answer signedIn =
                form(action.group(1).replace("&amp;", "&"), Map.of("username", username, "password", password));
        if (signedIn.status() / 100 != 3) {
            throw new AssertionError(username + " could not sign in through the login form: " + signedIn.status());
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON", e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
