package io.accesslifecycle.dockertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dasniko.testcontainers.keycloak.KeycloakContainer;
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
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Smoke test of the Docker image: builds {@code docker/Dockerfile} with the repository root as context (so
 * {@code .dockerignore} applies), starts it the way {@code docker/compose.yaml} does ({@code start --optimized
 * --import-realm}, PostgreSQL), and checks that the sample realm was imported and that our admin REST resource answers.
 *
 * <p>Run with {@code mvn -Pdocker verify}. Skipped where no Docker engine is reachable.
 */
class ImageSmokeIT {

    private static final String REALM = "lifecycle";
    private static final String ADMIN = "realm-admin";
    private static final String ADMIN_PASSWORD = "Admin-Passw0rd!";
    private static final String DB = "keycloak";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final String NO_DOCKER =
            "No Docker engine reachable (Testcontainers found none): the image smoke test needs Docker; skipped.";

    private static boolean dockerAvailable;
    private static Network network;
    private static GenericContainer<?> postgres;
    private static KeycloakContainer keycloak;

    @BeforeAll
    static void startImage() throws IOException {
        dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
        if (!dockerAvailable) {
            // reported as a skipped test by the assumption in each test, rather than as no test at all
            System.err.println("ImageSmokeIT: " + NO_DOCKER);
            return;
        }

        Path root = Path.of(System.getProperty("accesslifecycle.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path dockerfile = root.resolve("docker/Dockerfile");
        Path providers = root.resolve("target/keycloak-providers");
        assertTrue(Files.isRegularFile(dockerfile), "no Dockerfile at " + dockerfile);
        try (Stream<Path> jars = Files.isDirectory(providers) ? Files.list(providers) : Stream.empty()) {
            assertTrue(
                    jars.anyMatch(p -> p.getFileName().toString().startsWith("access-lifecycle-providers-")),
                    "no providers jar in " + providers
                            + ": run `mvn package` (or `mvn -Pdocker verify` from the root)");
        }

        // Context = repository root, as `docker build -f docker/Dockerfile .` does. Testcontainers would otherwise take
        // the Dockerfile's folder as the context: set the base directory, then the Dockerfile again so that the
        // context archive is made from the root (honouring the root's .dockerignore).
        String image = new ImageFromDockerfile("access-lifecycle:smoke-test", true)
                .withDockerfile(dockerfile)
                .withBuildArg("KEYCLOAK_VERSION", System.getProperty("keycloak.dist.version", "26.7.5"))
                .withBuildImageCmdModifier(
                        cmd -> cmd.withBaseDirectory(root.toFile()).withDockerfile(dockerfile.toFile()))
                .get();

        network = Network.newNetwork();
        postgres = new GenericContainer<>("postgres:16")
                .withNetwork(network)
                .withNetworkAliases("postgres")
                .withEnv(Map.of("POSTGRES_DB", DB, "POSTGRES_USER", DB, "POSTGRES_PASSWORD", DB))
                // the entrypoint starts PostgreSQL twice (initialisation, then for real)
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        postgres.start();

        keycloak = new KeycloakContainer(image)
                .withOptimizedFlag() // start --optimized --import-realm: the image's own command
                .withNetwork(network)
                .withEnv("KC_DB_URL", "jdbc:postgresql://postgres:5432/" + DB)
                .withEnv("KC_DB_USERNAME", DB)
                .withEnv("KC_DB_PASSWORD", DB)
                .withEnv("KC_HTTP_ENABLED", "true")
                .withEnv("KC_HOSTNAME_STRICT", "false")
                .withStartupTimeout(Duration.ofMinutes(5));
        keycloak.start();
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void importedRealmAndAccessApiAnswer() throws Exception {
        Assumptions.assumeTrue(dockerAvailable, NO_DOCKER);
        String base = keycloak.getAuthServerUrl().replaceAll("/$", "");

        HttpResponse<String> realm = send(
                HttpRequest.newBuilder(URI.create(base + "/realms/" + REALM)).GET());
        assertEquals(200, realm.statusCode(), "realm " + REALM + " not found: " + realm.body());
        assertEquals(REALM, JSON.readTree(realm.body()).path("realm").asText());

        HttpResponse<String> token =
                send(HttpRequest.newBuilder(URI.create(base + "/realms/" + REALM + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                ADMIN,
                                "password",
                                ADMIN_PASSWORD)))));
        assertEquals(200, token.statusCode(), "sign-in of " + ADMIN + " failed: " + token.body());
        String accessToken = JSON.readTree(token.body()).path("access_token").asText();

        HttpResponse<String> preview =
                send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + REALM + "/access/usernames/preview?"
                                + form(Map.of("firstName", "Jean-Pierre", "lastName", "Dupont"))))
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Accept", "application/json")
                        .GET());
        assertEquals(200, preview.statusCode(), "username preview: " + preview.body());
        JsonNode body = JSON.readTree(preview.body());
        assertEquals("jpdupont", body.path("username").asText(), preview.body());

        // health and metrics were enabled at build time (kc.sh build) and are served on the management port
        HttpResponse<String> metrics = send(
                HttpRequest.newBuilder(URI.create(keycloak.getMgmtServerUrl().replaceAll("/$", "") + "/metrics"))
                        .GET());
        assertEquals(200, metrics.statusCode(), "metrics: " + metrics.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
