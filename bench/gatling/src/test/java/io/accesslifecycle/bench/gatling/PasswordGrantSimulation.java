package io.accesslifecycle.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Sign-in throughput and latency: the OAuth password grant of the sample client {@code demo-app} (public, direct
 * access grants on) by random bulk-loaded users, {@code bench.concurrency} virtual users in a closed loop (each
 * signs in once; a new one starts as one ends). On our server each token carries the bundle's claims (labels, end
 * date, caller flag). The first {@code bench.warmup.seconds} are requests named "warm-up", left out of the figures.
 */
public class PasswordGrantSimulation extends Simulation {

    static ScenarioBuilder signIn(String name) {
        return scenario(name).feed(BenchSettings.randomUsers())
                .exec(http(name).post("/realms/" + BenchSettings.REALM + "/protocol/openid-connect/token")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(StringBody(session -> "grant_type=password&client_id=demo-app&scope=openid&username="
                                + session.getString("username") + "&password="
                                + URLEncoder.encode(BenchSettings.userPassword(), StandardCharsets.UTF_8)))
                        .check(status().is(200), jsonPath("$.access_token").exists()));
    }

    {
        setUp(signIn("warm-up").injectClosed(constantConcurrentUsers(BenchSettings.concurrency()).during(BenchSettings.warmUp()))
                .andThen(signIn("password grant").injectClosed(constantConcurrentUsers(BenchSettings.concurrency()).during(BenchSettings.measured()))))
                .protocols(http.baseUrl(BenchSettings.base()).shareConnections())
                .maxDuration(BenchSettings.warmUp().plus(BenchSettings.measured()).plusSeconds(60));
    }
}
