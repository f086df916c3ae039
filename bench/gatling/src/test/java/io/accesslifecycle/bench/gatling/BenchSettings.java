package io.accesslifecycle.bench.gatling;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What bench/run-all.sh passes to the simulations, as system properties: the server, the bulk-loaded users, the load
 * (concurrent virtual users, warm-up and measured seconds).
 */
final class BenchSettings {

    static final String REALM = "lifecycle";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private BenchSettings() {
    }

    static String base() {
        return System.getProperty("bench.base", "http://localhost:18080");
    }

    static String userPrefix() {
        return System.getProperty("bench.users.prefix", "bulk");
    }

    static int userCount() {
        return Integer.getInteger("bench.users.count", 2000);
    }

    static String userPassword() {
        return System.getProperty("bench.users.password", "Plain-Passw0rd!");
    }

    static int concurrency() {
        return Integer.getInteger("bench.concurrency", 4);
    }

    static Duration warmUp() {
        return Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", 10));
    }

    static Duration measured() {
        return Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    }

    /**
     * An endless feed of {@code username} = a random bulk-loaded user, never one of every {@code bench.users.skipEvery}-th
     * (the users past their end date, whom our server refuses and stock does not).
     */
    static Iterator<Map<String, Object>> randomUsers() {
        int skip = Integer.getInteger("bench.users.skipEvery", 0);
        return Stream.generate(() -> {
            int n = 1 + ThreadLocalRandom.current().nextInt(userCount());
            return Map.<String, Object>of("username", userPrefix() + "-" + (skip > 0 && n % skip == 0 ? n - 1 : n));
        }).iterator();
    }

    /** A token of the realm's access administrator (admin-cli, password grant), fetched once before the load. */
    static String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=realm-admin&password="
                + URLEncoder.encode("Admin-Passw0rd!", StandardCharsets.UTF_8);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base() + "/realms/" + REALM + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("realm-admin sign-in failed: " + r.statusCode() + " " + r.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
