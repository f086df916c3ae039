package io.accesslifecycle.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls the realm's access API over HTTP as a given user, the way an administrator's script would: a token from the
 * realm's token endpoint ({@code admin-cli}, password grant), then JSON requests.
 */
public final class AccessApi {

    public static final String REALM = "lifecycle";
    public static final String ADMIN = "realm-admin";
    public static final String ADMIN_PASSWORD = "Admin-Passw0rd!";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    private AccessApi(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Signed in as the given user of the lifecycle realm. */
    public static AccessApi as(String keycloakBase, String username, String password) {
        return as(keycloakBase, REALM, username, password);
    }

    /** Signed in as the given user of any realm (its {@code admin-cli} client, password grant). */
    public static AccessApi as(String keycloakBase, String realm, String username, String password) {
        return withToken(
                keycloakBase,
                tokens(keycloakBase, realm, username, password)
                        .get("access_token")
                        .asText());
    }

    /** The token endpoint's whole answer (access, refresh and, with {@code scope=openid}, ID token). */
    public static JsonNode tokens(String keycloakBase, String realm, String username, String password) {
        Response r = anonymous(keycloakBase)
                .form(
                        "/realms/" + realm + "/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                username,
                                "password",
                                password,
                                "scope",
                                "openid"));
        if (r.status() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + r.body());
        }
        return r.json();
    }

    /** Sends whatever bearer token it is given, e.g. a forged or foreign one. */
    public static AccessApi withToken(String keycloakBase, String token) {
        return new AccessApi(keycloakBase.replaceAll("/$", ""), token);
    }

    public static AccessApi admin(String keycloakBase) {
        return as(keycloakBase, ADMIN, ADMIN_PASSWORD);
    }

    /** Without any token. */
    public static AccessApi anonymous(String keycloakBase) {
        return new AccessApi(keycloakBase.replaceAll("/$", ""), null);
    }

    public record Response(int status, String body, Map<String, String> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Opens a page as an English-speaking browser would (HTML). */
    public Response page(String absoluteUrl) {
        return send(HttpRequest.newBuilder(URI.create(absoluteUrl))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html")
                .header("Accept-Language", "en")
                .GET());
    }

    public Response put(String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    /**
     * Any request: {@code body} is sent as is (a String) or as JSON, with the given headers (Content-Type
     * {@code application/json} unless given).
     */
    public Response send(String method, String path, Map<String, String> headers, Object body) {
        HttpRequest.Builder b = request(path);
        headers.forEach(b::setHeader);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            if (!headers.containsKey("Content-Type")) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, HttpRequest.BodyPublishers.ofString(toJson(body)));
        }
        return send(b);
    }

    /** A path under {@code /admin/realms/lifecycle/access}. */
    public static String access(String path) {
        return "/admin/realms/" + REALM + "/access" + path;
    }

    public static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    /** A form posted as an English-speaking browser would: the answer is the HTML page. */
    public Response browserForm(String path, Map<String, String> form) {
        return send(
                "POST",
                path,
                Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Accept",
                        "text/html",
                        "Accept-Language",
                        "en"),
                query(form).substring(1));
    }

    public Response form(String path, Map<String, String> form) {
        String body = query(form).substring(1);
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = r.headers().map().entrySet().stream()
                    .collect(Collectors.toMap(
                            e -> e.getKey().toLowerCase(), e -> String.join(",", e.getValue()), (a, b) -> a));
            return new Response(r.statusCode(), r.body(), headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String toJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
