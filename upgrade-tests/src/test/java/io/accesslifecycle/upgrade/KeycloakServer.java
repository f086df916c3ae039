package io.accesslifecycle.upgrade;

import static org.awaitility.Awaitility.await;

import io.accesslifecycle.devserver.Database;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * One Keycloak the test starts, in production mode as deployed: {@code kc.sh start --optimized} of a distribution
 * bin/test-migration unpacked and built, on one PostgreSQL database, its output in a log file. Closing it stops the
 * server (TERM, which kc.sh forwards to Keycloak) and waits for it.
 */
final class KeycloakServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(5);
    private static final Duration SHUTDOWN = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final Path log;
    private final URI base;
    private final URI ready;
    private final long started = System.nanoTime();

    private KeycloakServer(String name, Process process, Path log, int httpPort, int managementPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.base = URI.create("http://localhost:" + httpPort);
        this.ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
    }

    /**
     * Starts the Keycloak of {@code home} on {@code db}, with the options and environment bin/test-migration always
     * used (bootstrap admin admin/admin, the realm's SMTP port pointing nowhere), plus {@code options}.
     */
    static KeycloakServer start(
            String name, Path home, Database db, int httpPort, int managementPort, Path logs, String... options) {
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(),
                "start",
                "--optimized",
                "--http-enabled=true",
                "--hostname-strict=false",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort));
        command.addAll(List.of(options));
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment()
                .putAll(Map.of(
                        "KC_DB", "postgres",
                        "KC_DB_URL", db.url(),
                        "KC_DB_USERNAME", db.user(),
                        "KC_DB_PASSWORD", db.password(),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                        "SMTP_PORT", "1"));
        try {
            Files.createDirectories(logs);
            return new KeycloakServer(name, builder.start(), log, httpPort, managementPort);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak '" + name + "'", e);
        }
    }

    /** Waits until the server answers ready on its management port; fails with its log's end if it exits first. */
    KeycloakServer awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            await("Keycloak '" + name + "' ready")
                    .atMost(STARTUP)
                    .pollInterval(Duration.ofSeconds(1))
                    .failFast("Keycloak '" + name + "' exited", () -> !process.isAlive())
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> answersReady(http));
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + "; its log (" + log + ") ends with:\n" + logTail(), e);
        }
        System.out.printf(
                "Keycloak '%s' ready in %d s (log: %s)%n",
                name, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), log);
        return this;
    }

    /** Where browsers and API clients reach it ({@code http://localhost:<http port>}). */
    URI base() {
        return base;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        System.out.printf("Keycloak '%s' stopped%n", name);
    }

    private boolean answersReady(HttpClient http) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
