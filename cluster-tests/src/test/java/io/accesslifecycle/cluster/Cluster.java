package io.accesslifecycle.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.devserver.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * What bin/test-cluster started, as it passes it in system properties: the two nodes (base URL, log file, pid), the
 * PostgreSQL database they share, and the mail sink. Every test reaches them through this class.
 */
public final class Cluster {

    public static final String REALM = "lifecycle";

    private Cluster() {}

    /** A Keycloak node: its name ("A" or "B"), base URL, log and process id. */
    public record NodeInfo(String name, String base, Path log, long pid) {
        public Node client() {
            return new Node(base);
        }

        public String logText() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    public static NodeInfo a() {
        return node("a");
    }

    public static NodeInfo b() {
        return node("b");
    }

    public static List<NodeInfo> nodes() {
        return List.of(a(), b());
    }

    private static NodeInfo node(String n) {
        return new NodeInfo(
                n.toUpperCase(),
                required("cluster.node." + n + ".url"),
                Path.of(required("cluster.node." + n + ".log")),
                Long.parseLong(required("cluster.node." + n + ".pid")));
    }

    public static Sink sink() {
        return new Sink(required("cluster.sink.url"));
    }

    /** The database both nodes run on. */
    public static Database database() {
        return new Database(required("cluster.db.url"), required("cluster.db.user"), required("cluster.db.password"));
    }

    public static Connection db() {
        return database().connect();
    }

    /** The first column of the first row, as a long. */
    public static long count(String sql, Object... params) {
        return database().count(sql, params);
    }

    /** Every row, each as its columns' strings. */
    public static List<List<String>> rows(String sql, Object... params) {
        return database().rows(sql, params);
    }

    public static int update(String sql, Object... params) {
        return database().update(sql, params);
    }

    public static String realmId() {
        return rows("select id from realm where name = ?", REALM).get(0).get(0);
    }

    /** Sum of the first number captured by {@code pattern} over every line of both nodes' logs. */
    public static long sumInLogs(Pattern pattern) {
        long sum = 0;
        for (NodeInfo node : nodes()) {
            Matcher m = pattern.matcher(node.logText());
            while (m.find()) {
                sum += Long.parseLong(m.group(1));
            }
        }
        return sum;
    }

    /** Polls every 250 ms until the condition holds; fails with the message after the timeout. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        Awaitility.await(what)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(condition::getAsBoolean);
    }

    /**
     * Waits until the given nodes, together, have completed {@code more} more runs of the job than when called
     * ({@code GET /access/jobs}: each node counts the runs the cluster lock gave it). With {@code more} of 2 or more,
     * at least one whole run began after this call: what a test needs before it says "nothing happened twice".
     */
    public static void awaitMoreRuns(String job, int more, NodeInfo... on) {
        List<Node> clients = Arrays.stream(on).map(n -> n.client().asAdmin()).toList();
        long before = runs(job, clients);
        await(Duration.ofSeconds(120), more + " more runs of " + job, () -> runs(job, clients) >= before + more);
    }

    private static long runs(String job, List<Node> clients) {
        long sum = 0;
        for (Node client : clients) {
            Node.Response r = client.get(Node.access("/jobs"));
            if (r.status() != 200) {
                throw new AssertionError("GET /jobs on " + client.base() + " answered " + r.status() + ": " + r.body());
            }
            for (JsonNode j : r.json()) {
                if (job.equals(j.get("name").asText())) {
                    sum += j.get("runs").asLong();
                }
            }
        }
        return sum;
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(
                    "system property " + property + " is not set: run these tests through bin/test-cluster");
        }
        return v;
    }
}
