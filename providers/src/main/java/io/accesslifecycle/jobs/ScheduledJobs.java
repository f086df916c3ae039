package io.accesslifecycle.jobs;

import java.util.List;

import io.accesslifecycle.audit.AuditRetentionTask;
import io.accesslifecycle.expiry.ExpiryTask;
import io.accesslifecycle.expiry.PasswordReminderTask;
import io.accesslifecycle.invitations.InvitationPurgeTask;
import io.accesslifecycle.outbox.OutboxDeliveryTask;
import io.accesslifecycle.retention.PersonalDataRetentionTask;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * Schedules the bundle's jobs once Keycloak's database is migrated. Each runs through Keycloak's cluster-aware
 * runner: in a cluster, one node at a time.
 */
public final class ScheduledJobs implements ProviderEventListener {

    /** How often each job runs; read once from the provider's configuration (see docs/configuration.md). */
    public record Intervals(long outboxMillis, long invitationPurgeMillis, long auditRetentionMillis, long expiryMillis,
                            long passwordReminderMillis) {
        public static final Intervals DEFAULTS = new Intervals(3_000, 3_600_000, 86_400_000, 600_000, 3_600_000);
    }

    private record Job(ScheduledTask task, long intervalMillis) {
    }

    private final KeycloakSessionFactory factory;
    private final List<Job> jobs;

    /** {@code publicUrl}: the server's public address, for links in emails that jobs send. */
    public ScheduledJobs(KeycloakSessionFactory factory, Intervals intervals, String publicUrl) {
        this.factory = factory;
        this.jobs = List.of(
                new Job(new OutboxDeliveryTask(), intervals.outboxMillis()),
                new Job(new InvitationPurgeTask(), intervals.invitationPurgeMillis()),
                // personal data past its retention: hourly, at the purge's interval (see docs/data-protection.md)
                new Job(new PersonalDataRetentionTask(), intervals.invitationPurgeMillis()),
                new Job(new AuditRetentionTask(), intervals.auditRetentionMillis()),
                new Job(new ExpiryTask(), intervals.expiryMillis()),
                new Job(new PasswordReminderTask(publicUrl), intervals.passwordReminderMillis()));
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (!(event instanceof PostMigrationEvent)) {
            return;
        }
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            for (Job job : jobs) {
                timer.schedule(new ClusterAwareScheduledTaskRunner(factory, job.task(), job.intervalMillis()),
                        job.intervalMillis(), job.task().getTaskName());
            }
        }
    }
}
