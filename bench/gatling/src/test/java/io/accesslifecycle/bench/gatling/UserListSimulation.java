package io.accesslifecycle.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The administrators' user list: the paths of {@code bench.list.paths} (separated by {@code |}) requested at random,
 * each a page of 50, with a token of {@code realm-admin} fetched once before the load. bench/run-all.sh gives our
 * {@code /access/users?status=...} paths on our server and stock {@code /users?q=...} paths on stock Keycloak.
 */
public class UserListSimulation extends Simulation {

    private final String token = BenchSettings.adminToken();
    private final List<String> paths = Arrays.asList(System.getProperty("bench.list.paths",
            "/admin/realms/lifecycle/users?max=50").split("\\|"));

    private Iterator<Map<String, Object>> randomPaths() {
        return Stream.generate(() -> Map.<String, Object>of("path", paths.get(ThreadLocalRandom.current().nextInt(paths.size())))).iterator();
    }

    private ScenarioBuilder list(String name) {
        return scenario(name).feed(randomPaths())
                .exec(http(name).get("#{path}").header("Authorization", "Bearer " + token)
                        .check(status().is(200), jsonPath("$[0]").exists()));
    }

    {
        setUp(list("warm-up").injectClosed(constantConcurrentUsers(BenchSettings.concurrency()).during(BenchSettings.warmUp()))
                .andThen(list("user list").injectClosed(constantConcurrentUsers(BenchSettings.concurrency()).during(BenchSettings.measured()))))
                .protocols(http.baseUrl(BenchSettings.base()).shareConnections())
                .maxDuration(BenchSettings.warmUp().plus(BenchSettings.measured()).plusSeconds(60));
    }
}
