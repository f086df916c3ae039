package io.accesslifecycle.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The bundle's jobs run on both nodes, every few seconds here (bin/test-cluster shortens their intervals), through
 * Keycloak's cluster-aware runner. Whatever node runs a tick and however runs overlap, each piece of work is done
 * once: one email per invitation, one purge (and one audit entry) per unused invitation, one deletion per old audit
 * entry.
 */
@Order(1)
class ScheduledJobsRunOncePerTickAcrossNodesTest {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    @Test
    void invitationsSentFromNodeAAreEachEmailedExactlyOnce() {
        int count = 300;
        String prefix = "once-" + RUN + "-";
        Node a = Cluster.a().client().asAdmin();
        List<Map<String, String>> invitees = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            invitees.add(Map.of("email", prefix + i + "@example.org"));
        }
        Node.Response r = a.post(Node.access("/invitations"), Map.of("invitees", invitees, "locale", "en"));
        assertEquals(200, r.status(), r.body());

        Sink sink = Cluster.sink();
        Cluster.await(
                Duration.ofSeconds(180),
                count + " invitation emails",
                () -> sink.countsPerRecipient(to -> to.startsWith(prefix)).size() == count);
        // both nodes' outbox runs had the time to send anything twice: three more runs, one of them whole
        Cluster.awaitMoreRuns("access-lifecycle-outbox", 3, Cluster.a(), Cluster.b());

        Map<String, Integer> counts = sink.countsPerRecipient(to -> to.startsWith(prefix));
        assertEquals(count, counts.size());
        List<String> twice = counts.entrySet().stream()
                .filter(e -> e.getValue() != 1)
                .map(e -> e.getKey() + " x" + e.getValue())
                .toList();
        assertTrue(
                twice.isEmpty(),
                twice.size() + " of " + count + " emailed more than once, e.g. "
                        + twice.subList(0, Math.min(5, twice.size())));
        assertEquals(
                count,
                Cluster.count(
                        "select count(*) from access_outbox where recipient like ? and status = 'SENT'", prefix + "%"));
        // the jobs really ran on both nodes (a cluster of one would prove nothing)
        for (Cluster.NodeInfo node : Cluster.nodes()) {
            assertTrue(
                    node.logText().contains("Executed scheduled task OutboxDeliveryTask"),
                    "node " + node.name() + " ran the outbox");
        }
    }

    @Test
    void unusedInvitationsArePurgedOnceWithOneAuditEntryEach() {
        int count = 40;
        String prefix = "purge-" + RUN + "-";
        Node b = Cluster.b().client().asAdmin();
        List<Map<String, String>> invitees = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            invitees.add(Map.of("email", prefix + i + "@example.org"));
        }
        assertEquals(
                200,
                b.post(Node.access("/invitations"), Map.of("invitees", invitees, "locale", "en"))
                        .status());
        long purgedBefore = Cluster.sumInLogs(Pattern.compile("Purged (\\d+) invitations"));

        // their six weeks are over: back-date them in the database rather than move the clock
        long past = System.currentTimeMillis() - 43L * 86_400_000;
        assertEquals(
                count,
                Cluster.update(
                        "update access_invitation set created_at = ?, expires_at = ? where email like ?",
                        past,
                        past + 42L * 86_400_000,
                        prefix + "%"));

        Cluster.await(
                Duration.ofSeconds(60),
                "the purge of " + count + " invitations",
                () -> Cluster.count("select count(*) from access_invitation where email like ?", prefix + "%") == 0);
        Cluster.awaitMoreRuns("access-lifecycle-invitation-purge", 3, Cluster.a(), Cluster.b());

        List<List<String>> perInvitation = Cluster.rows("""
                select target_name, count(*) from access_audit where type = 'INVITATION_PURGED' and target_name like ?
                group by target_name""", prefix + "%");
        assertEquals(count, perInvitation.size(), "one audit entry per invitation: " + perInvitation);
        assertTrue(perInvitation.stream().allMatch(row -> row.get(1).equals("1")), "never two: " + perInvitation);
        assertEquals(
                count,
                Cluster.sumInLogs(Pattern.compile("Purged (\\d+) invitations")) - purgedBefore,
                "the nodes' logs count each purge once");
        assertEquals(
                0,
                Cluster.count("select count(*) from access_outbox where recipient like ?", prefix + "%"),
                "their queued emails went with them");
    }

    @Test
    void oldAuditEntriesAreDeletedOnce() {
        int old = 60;
        String prefix = "retention-" + RUN + "-";
        String realmId = Cluster.realmId();
        long now = System.currentTimeMillis();
        long deletedBefore = Cluster.sumInLogs(Pattern.compile("Deleted (\\d+) audit entries"));
        // the realm keeps 30 days here; 60 entries are 31 to 90 days old, 5 are a day old
        Node a = Cluster.a().client().asAdmin();
        assertEquals(
                200,
                a.put(Node.access("/config"), Map.of("auditRetentionDays", 30)).status());
        for (int i = 0; i < old + 5; i++) {
            long time = i < old ? now - (31L + i) * 86_400_000 : now - 86_400_000;
            Cluster.update("""
                    insert into access_audit (id, realm_id, time, type, actor_name, target_name, note)
                    values (?, ?, ?, 'SETTINGS_CHANGED', 'cluster-test', ?, 'inserted by the two-node test')""", java.util.UUID.randomUUID().toString(), realmId, time, prefix + i);
        }

        Cluster.await(
                Duration.ofSeconds(60),
                "the deletion of " + old + " old audit entries",
                () -> Cluster.count("select count(*) from access_audit where target_name like ?", prefix + "%") == 5);
        Cluster.awaitMoreRuns("access-lifecycle-audit-retention", 3, Cluster.a(), Cluster.b());

        assertEquals(
                5,
                Cluster.count("select count(*) from access_audit where target_name like ?", prefix + "%"),
                "entries within the retention stay");
        assertEquals(
                old,
                Cluster.sumInLogs(Pattern.compile("Deleted (\\d+) audit entries")) - deletedBefore,
                "each old entry deleted once, by one node");
    }
}
