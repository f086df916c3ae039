package io.accesslifecycle.jobs;

import io.accesslifecycle.audit.AuditRetentionTask;
import io.accesslifecycle.expiry.ExpiryTask;
import io.accesslifecycle.expiry.PasswordReminderTask;
import io.accesslifecycle.invitations.InvitationPurgeTask;
import io.accesslifecycle.outbox.OutboxDeliveryTask;
import io.accesslifecycle.retention.PersonalDataRetentionTask;
import io.accesslifecycle.settings.RefusedSettingsLog;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Schedules the bundle's jobs once Keycloak's database is migrated. Keycloak's timer has one thread for every
 * scheduled task of the server (its own cleanups included), so the timer's tick only hands the run to the bundle's
 * own small pool of threads and returns at once. Each run goes through Keycloak's cluster-aware runner (in a cluster,
 * one node at a time, as before), and a job never runs twice at once on a node: a tick that finds the previous run
 * still going is skipped.
 */
public final class ScheduledJobs implements ProviderEventListener, AutoCloseable {

    /** How often each job runs; read once from the provider's configuration (see docs/configuration.md). */
    public record Intervals(
            long outboxMillis,
            long invitationPurgeMillis,
            long auditRetentionMillis,
            long expiryMillis,
            long passwordReminderMillis) {
        public static final Intervals DEFAULTS = new Intervals(3_000, 3_600_000, 86_400_000, 600_000, 3_600_000);
    }

    /** Threads that run the jobs: at most this many at once on a node. */
    static final int THREADS = 2;

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);

    private record Job(CountedTask task, long intervalMillis) {}

    private final KeycloakSessionFactory factory;
    private final List<Job> jobs;
    private final ThreadPoolExecutor executor;
    private final JobRuns runs;

    /**
     * {@code publicUrl}: the server's public address, for links in emails that jobs send; {@code runs}: where each
     * completed run is counted.
     */
    public ScheduledJobs(
            KeycloakSessionFactory factory,
            Intervals intervals,
            String publicUrl,
            RefusedSettingsLog refusals,
            JobRuns runs) {
        this.factory = factory;
        this.runs = runs;
        EnabledRealms realms = new EnabledRealms(refusals);
        this.jobs = List.of(
                new Job(new OutboxDeliveryTask(), intervals.outboxMillis()),
                new Job(new InvitationPurgeTask(realms), intervals.invitationPurgeMillis()),
                // personal data past its retention: hourly, at the purge's interval (see docs/data-protection.md)
                new Job(new PersonalDataRetentionTask(), intervals.invitationPurgeMillis()),
                new Job(new AuditRetentionTask(realms), intervals.auditRetentionMillis()),
                new Job(new ExpiryTask(realms), intervals.expiryMillis()),
                new Job(new PasswordReminderTask(publicUrl, realms), intervals.passwordReminderMillis()));
        // each job is queued at most once (see HandOff), so the queue never holds more than the jobs
        this.executor = new ThreadPoolExecutor(
                THREADS,
                THREADS,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(jobs.size()),
                threads(),
                new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (!(event instanceof PostMigrationEvent)) {
            return;
        }
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            for (Job job : jobs) {
                // the job itself goes to the runner, which names its cluster lock after the job's class
                job.task().countIn(runs, job.intervalMillis());
                Runnable run = new ClusterAwareScheduledTaskRunner(factory, job.task(), job.intervalMillis());
                timer.schedule(
                        new HandOff(job.task().getTaskName(), run, executor),
                        job.intervalMillis(),
                        job.task().getTaskName());
            }
        }
    }

    /** Stops the pool: runs in progress are interrupted, queued ones dropped (the next start runs them again). */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Access Lifecycle jobs still running 10 s after shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "access-lifecycle-jobs-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
