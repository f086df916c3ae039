package io.accesslifecycle.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

class JobRunsTest {

    private static ScheduledTask task(String name, AtomicBoolean fail) {
        return new ScheduledTask() {
            @Override
            public void run(KeycloakSession session) {
                if (fail.get()) {
                    throw new IllegalStateException("database down");
                }
            }

            @Override
            public String getTaskName() {
                return name;
            }
        };
    }

    @Test
    void aJobIsListedBeforeItsFirstRunThenCountsEveryRunAndItsOutcome() {
        JobRuns runs = new JobRuns();
        AtomicBoolean fail = new AtomicBoolean();
        ScheduledTask counted = runs.counted(task("expiry", fail), 600_000);
        JobRuns.JobRun before = runs.all().get(0);
        assertEquals("expiry", before.name());
        assertEquals(600, before.intervalSeconds());
        assertEquals(0, before.runs());
        assertNull(before.lastFinishedAt());

        counted.run(null);
        assertEquals(1, runs.all().get(0).runs());
        assertEquals("ok", runs.all().get(0).lastOutcome());
        assertNotNull(runs.all().get(0).lastFinishedAt());

        fail.set(true);
        assertThrows(IllegalStateException.class, () -> counted.run(null), "the runner still sees the failure");
        assertEquals(2, runs.all().get(0).runs());
        assertEquals("failed", runs.all().get(0).lastOutcome());
        assertEquals("expiry", counted.getTaskName());
    }
}
