package io.accesslifecycle.jobs;

import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/**
 * A job of the bundle whose runs are counted in {@link JobRuns}. The job itself is the task Keycloak's
 * cluster-aware runner gets (never a wrapper): the runner names the task's cluster lock and its log lines after the
 * task's class, so each job keeps its own lock ({@code task::ExpiryTask}...).
 */
public abstract class CountedTask implements ScheduledTask {

    private volatile JobRuns runs;

    /** Where the runs are counted; set once by {@link ScheduledJobs} before the job is scheduled. */
    final void countIn(JobRuns runs, long intervalMillis) {
        runs.register(getTaskName(), intervalMillis);
        this.runs = runs;
    }

    @Override
    public final void run(KeycloakSession session) {
        JobRuns counter = runs;
        if (counter == null) {
            runJob(session);
        } else {
            counter.around(getTaskName(), () -> runJob(session));
        }
    }

    /** One run of the job (on this node, the cluster lock held). */
    protected abstract void runJob(KeycloakSession session);
}
