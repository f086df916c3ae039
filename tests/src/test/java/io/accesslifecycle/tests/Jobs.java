package io.accesslifecycle.tests;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * The bundle's jobs as the server reports them ({@code GET /access/jobs}): a test that must know a job has run
 * (before saying "nothing more arrived") waits for its runs to be counted instead of sleeping.
 */
public final class Jobs {

    public static final String OUTBOX = "access-lifecycle-outbox";
    public static final String EXPIRY = "access-lifecycle-expiry";
    public static final String PASSWORD_REMINDERS = "access-lifecycle-password-reminders";
    public static final String INVITATION_PURGE = "access-lifecycle-invitation-purge";
    public static final String AUDIT_RETENTION = "access-lifecycle-audit-retention";
    public static final String PERSONAL_DATA_RETENTION = "access-lifecycle-personal-data-retention";

    private Jobs() {}

    /**
     * Waits until each job, one after the other, has completed two more runs than when asked: at least one whole run
     * then began after this call (the first may have been under way).
     */
    public static void ranTwiceMore(String keycloakBase, String... jobs) {
        // one sign-in for the whole wait: the clock does not move meanwhile
        AccessApi admin = AccessApi.admin(keycloakBase);
        for (String job : jobs) {
            long before = runs(admin, job);
            Awaitility.await(job + " to run twice more")
                    .atMost(Waits.JOBS)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> runs(admin, job) >= before + 2);
        }
    }

    /** Completed runs of the job on the server, as the realm administrator reads them. */
    private static long runs(AccessApi admin, String job) {
        AccessApi.Response r = admin.get(AccessApi.access("/jobs"));
        if (r.status() != 200) {
            throw new AssertionError("GET /jobs answered " + r.status() + ": " + r.body());
        }
        for (JsonNode j : r.json()) {
            if (job.equals(j.get("name").asText())) {
                return j.get("runs").asLong();
            }
        }
        throw new AssertionError("no job " + job + " in " + r.body());
    }
}
