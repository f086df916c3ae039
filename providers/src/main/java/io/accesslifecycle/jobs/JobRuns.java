package io.accesslifecycle.jobs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.keycloak.common.util.Time;

/**
 * What this node's jobs did since it started: for each job, how many runs it completed, when the last one started
 * and ended and how it ended. {@code GET /admin/realms/{realm}/access/jobs} shows it to administrators (is the
 * expiry job running?), and the tests wait on it instead of sleeping. A run counts when Keycloak's cluster-aware
 * runner let it run on this node; times are Keycloak's clock (with its test offset).
 */
public final class JobRuns {

    /** One job as seen from this node. */
    public record JobRun(
            String name,
            long intervalSeconds,
            long runs,
            String lastStartedAt,
            String lastFinishedAt,
            Outcome lastOutcome) {}

    /** How the last run went (or that it is under way). */
    public enum Outcome {
        RUNNING,
        OK,
        FAILED;

        @JsonValue
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final ConcurrentMap<String, JobRun> runs = new ConcurrentHashMap<>();

    /** Lists a job before its first run. */
    void register(String name, long intervalMillis) {
        runs.put(name, new JobRun(name, intervalMillis / 1000, 0, null, null, null));
    }

    /** Runs one run of the job, counted; its failure is still thrown to the runner. */
    void around(String name, Runnable run) {
        String started = now();
        runs.computeIfPresent(
                name,
                (n, r) -> new JobRun(n, r.intervalSeconds(), r.runs(), started, r.lastFinishedAt(), Outcome.RUNNING));
        Outcome outcome = Outcome.FAILED;
        try {
            run.run();
            outcome = Outcome.OK;
        } finally {
            Outcome done = outcome;
            runs.computeIfPresent(
                    name, (n, r) -> new JobRun(n, r.intervalSeconds(), r.runs() + 1, started, now(), done));
        }
    }

    /** Every job, by name. */
    public List<JobRun> all() {
        return runs.values().stream().sorted(Comparator.comparing(JobRun::name)).toList();
    }

    private static String now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis()).toString();
    }
}
