package io.accesslifecycle.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;

class JobRunsTest {

    /** A job as the bundle writes one: its class names its cluster lock in Keycloak's runner. */
    static final class SomeJob extends CountedTask {
        final AtomicBoolean fail = new AtomicBoolean();

        @Override
        protected void runJob(KeycloakSession session) {
            if (fail.get()) {
                throw new IllegalStateException("database down");
            }
        }

        @Override
        public String getTaskName() {
            return "expiry";
        }
    }

    @Test
    void aJobIsListedBeforeItsFirstRunThenCountsEveryRunAndItsOutcome() {
        JobRuns runs = new JobRuns();
        SomeJob job = new SomeJob();
        job.countIn(runs, 600_000);
        JobRuns.JobRun before = runs.all().get(0);
        assertEquals("expiry", before.name());
        assertEquals(600, before.intervalSeconds());
        assertEquals(0, before.runs());
        assertNull(before.lastFinishedAt());

        job.run(null);
        assertEquals(1, runs.all().get(0).runs());
        assertEquals(JobRuns.Outcome.OK, runs.all().get(0).lastOutcome());
        assertNotNull(runs.all().get(0).lastFinishedAt());

        job.fail.set(true);
        assertThrows(IllegalStateException.class, () -> job.run(null), "the runner still sees the failure");
        assertEquals(2, runs.all().get(0).runs());
        assertEquals(JobRuns.Outcome.FAILED, runs.all().get(0).lastOutcome());
    }

    @Test
    void theRunnerGetsTheJobItselfSoEachJobKeepsItsOwnClusterLock() {
        // Keycloak's ClusterAwareScheduledTaskRunner locks "task::" + the task's class simple name
        assertEquals("SomeJob", new SomeJob().getClass().getSimpleName());
    }
}
