package io.accesslifecycle.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The few HTTP calls the bench makes, on java.net.http over HTTP/1.1 (one connection per concurrent request). */
final class Http {

    static final String REALM = "lifecycle";
    static final String ADMIN = "realm-admin";
    static final String ADMIN_PASSWORD = "Admin-Passw0rd!";

    record Response(int status, String body, Optional<String> location) {
        String field(String name) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                    .matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    private final String base;
    private final HttpClient client;
    private final String tokenUrl;
    private final String signInForm;
    private volatile String token;
    /** When the token must be renewed (nanoTime): 15 s before it expires. */
    private volatile long renewAt;

    private Http(String base, HttpClient client, String tokenUrl, String signInForm) {
        this.base = base;
        this.client = client;
        this.tokenUrl = tokenUrl;
        this.signInForm = signInForm;
    }

    /** A fresh client (fresh connections) with a fresh token of the realm's administrator. */
    static Http signedIn(String base) {
        return signedIn(base, REALM, ADMIN, ADMIN_PASSWORD);
    }

    /**
     * A fresh client with a token of {@code user} in {@code realm} ({@code admin-cli}, password grant). The token is
     * renewed (password grant again) when less than 15 s of it remain: the master realm's tokens live 60 s only.
     */
    static Http signedIn(String base, String realm, String user, String password) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        String form = Map.of("grant_type", "password", "client_id", "admin-cli", "username", user, "password", password)
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Http http = new Http(base, client, base + "/realms/" + realm + "/protocol/openid-connect/token", form);
        http.signIn();
        return http;
    }

    private synchronized void signIn() {
        long asked = System.nanoTime();
        Response r = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(signInForm)));
        String t = r.status() == 200 ? r.field("access_token") : null;
        if (t == null) {
            throw new IllegalStateException("token refused (" + tokenUrl + "): " + r.status() + " " + r.body());
        }
        Matcher m = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)").matcher(r.body());
        long lifespan = m.find() ? Long.parseLong(m.group(1)) : 60;
        token = t;
        renewAt = asked + Math.max(1, lifespan - 15) * 1_000_000_000L;
    }

    /** Renews the token now if it would be renewed by the next call: lets a caller keep the renewal out of a timing. */
    void ensureFreshToken() {
        if (System.nanoTime() - renewAt >= 0) {
            synchronized (this) {
                if (System.nanoTime() - renewAt >= 0) {
                    signIn();
                }
            }
        }
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response put(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String adminPath(String path) {
        return "/admin/realms/" + REALM + path;
    }

    static String json(String... keyValues) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < keyValues.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(keyValues[i])).append(':');
            String v = keyValues[i + 1];
            b.append(v.equals("true") || v.equals("false") ? v : quote(v));
        }
        return b.append('}').toString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        ensureFreshToken();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5))
                .header("Accept", "application/json");
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    /** Never throws for I/O: a failed exchange is status -1 with the exception as body. */
    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Location"));
        } catch (IOException e) {
            return new Response(-1, e.toString(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, e.toString(), Optional.empty());
        }
    }
}
