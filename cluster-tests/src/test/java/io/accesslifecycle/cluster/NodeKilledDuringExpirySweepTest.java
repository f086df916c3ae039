package io.accesslifecycle.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.devserver.BulkUsers;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Users whose end date has come, loaded straight into the database; the expiry job (every 5 s here, on both nodes)
 * sweeps them. The node that took the sweep (its cluster lock, read from its trace log) is killed with SIGKILL in
 * the middle: right after, every account is either wholly processed (disabled, {@code accessExpiredAt} set, one
 * {@code ACCESS_EXPIRED} audit entry, one notice, its email queued) or untouched; then the other node finishes
 * the sweep and each user gets one email. Runs last: it leaves one node dead.
 */
@Order(10)
class NodeKilledDuringExpirySweepTest {

    private static final int USERS = 600;
    /** Keycloak's trace of its cluster lock on the job: taken when a run starts, removed when it ends. */
    private static final Pattern LOCK = Pattern.compile(
            "Successfully acquired lock for task task::ExpiryTask|Task task::ExpiryTask removed from the cache");

    /** One statement, so one snapshot of the database: how many of the users are disabled, and how many half-done. */
    private static final String STATE = """
            select count(*) filter (where not u.enabled),
                   count(*) filter (where (not u.enabled) <> exists (select 1 from user_attribute a where a.user_id = u.id and a.name = 'accessExpiredAt')
                                       or (not u.enabled) <> exists (select 1 from access_notice n where n.user_id = u.id and n.kind = ?)
                                       or (not u.enabled) <> exists (select 1 from access_audit x where x.target_id = u.id and x.type = 'ACCESS_EXPIRED')
                                       or (not u.enabled) <> exists (select 1 from access_outbox o where o.recipient = u.email)),
                   count(*) filter (where (select count(*) from access_audit x where x.target_id = u.id and x.type = 'ACCESS_EXPIRED') > 1)
            from user_entity u where u.realm_id = ? and u.username like ?""";

    @Test
    void aNodeKilledMidSweepLeavesNoAccountHalfDoneAndTheOtherNodeFinishes() throws Exception {
        String prefix = "sweep-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        String realmId = Cluster.realmId();
        String expiredKind = "expired"; // Notices.EXPIRED
        List<Cluster.NodeInfo> nodes = Cluster.nodes();
        Map<String, Integer> logStart = Map.of(
                "A",
                nodes.get(0).logText().length(),
                "B",
                nodes.get(1).logText().length());

        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        try (Connection db = Cluster.db()) {
            assertEquals(
                    USERS,
                    BulkUsers.load(
                            db,
                            new BulkUsers.Spec(
                                    Cluster.REALM,
                                    prefix,
                                    USERS,
                                    "sweep.example.org",
                                    "plain-user",
                                    1,
                                    yesterday,
                                    0,
                                    null)));
        }

        // wait for the sweep to be under way, then kill the node that took it
        Cluster.await(
                Duration.ofSeconds(60),
                "the sweep to start",
                () -> state(expiredKind, realmId, prefix)[0] >= USERS / 20);
        Cluster.await(
                Duration.ofSeconds(10),
                "a node's log to show it is running the sweep",
                () -> nodes.stream().anyMatch(n -> sweeping(n, logStart.get(n.name()))));
        Cluster.NodeInfo victim = nodes.stream()
                .filter(n -> sweeping(n, logStart.get(n.name())))
                .findFirst()
                .orElseThrow();
        long[] before = state(expiredKind, realmId, prefix);
        assertTrue(before[0] < USERS, "the sweep ended before the kill: load more users (" + before[0] + " done)");
        ProcessHandle process = ProcessHandle.of(victim.pid()).orElseThrow();
        process.destroyForcibly(); // SIGKILL
        process.onExit().get();
        assertFalse(victim.alive());

        long[] afterKill = state(expiredKind, realmId, prefix);
        System.out.printf("node %s killed with %d of %d users expired%n", victim.name(), afterKill[0], USERS);
        assertTrue(afterKill[0] < USERS, "killed in the middle of the sweep");
        assertEquals(0, afterKill[1], "right after the kill, no user is half processed");

        Cluster.NodeInfo survivor =
                nodes.stream().filter(n -> n != victim).findFirst().orElseThrow();
        Cluster.await(
                Duration.ofSeconds(240),
                "node " + survivor.name() + " to finish the sweep",
                () -> state(expiredKind, realmId, prefix)[0] == USERS);
        long[] done = state(expiredKind, realmId, prefix);
        assertEquals(0, done[1], "every user wholly processed");
        assertEquals(0, done[2], "one ACCESS_EXPIRED audit entry per user, never two");
        assertEquals(
                USERS,
                Cluster.count(
                        "select count(*) from access_notice n join user_entity u on u.id = n.user_id "
                                + "where u.username like ? and n.kind = ?",
                        prefix + "-%",
                        expiredKind));
        assertTrue(survivor.alive());
        assertTrue(
                survivor.logText().substring(logStart.get(survivor.name())).contains("Expiry in realm lifecycle"),
                "the survivor logged its expiry pass");

        // each user is told once (the survivor's outbox sends what the dead node left queued)
        Sink sink = Cluster.sink();
        String domain = "@sweep.example.org";
        Cluster.await(
                Duration.ofSeconds(300),
                "an email to each of the " + USERS + " users",
                () -> sink.countsPerRecipient(to -> to.startsWith(prefix + "-") && to.endsWith(domain))
                                .size()
                        == USERS);
        Cluster.awaitMoreRuns("access-lifecycle-outbox", 3, survivor);
        List<String> twice =
                sink.countsPerRecipient(to -> to.startsWith(prefix + "-") && to.endsWith(domain)).entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .toList();
        // a message being sent at the moment of the kill may go out again: that one, never more
        assertTrue(twice.size() <= 1, "emailed twice: " + twice);
    }

    private static long[] state(String kind, String realmId, String prefix) {
        List<String> row = Cluster.rows(STATE, kind, realmId, prefix + "-%").get(0);
        return new long[] {Long.parseLong(row.get(0)), Long.parseLong(row.get(1)), Long.parseLong(row.get(2))};
    }

    /** Whether the node's log, since the offset, shows a run of the expiry job that has not ended. */
    private static boolean sweeping(Cluster.NodeInfo node, int offset) {
        Matcher m = LOCK.matcher(node.logText().substring(offset));
        boolean running = false;
        while (m.find()) {
            running = m.group().startsWith("Successfully");
        }
        return running;
    }
}
