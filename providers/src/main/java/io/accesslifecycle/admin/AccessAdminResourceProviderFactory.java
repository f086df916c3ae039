package io.accesslifecycle.admin;

import io.accesslifecycle.jobs.JobRuns;
import io.accesslifecycle.jobs.ScheduledJobs;
import io.accesslifecycle.settings.RefusedSettingsLog;
import io.accesslifecycle.usernames.NameNormalizer;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts {@link AccessAdminResource} at {@code /admin/realms/{realm}/access}. */
public class AccessAdminResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "access";

    private NameNormalizer normalizer;
    private ScheduledJobs.Intervals intervals;
    private String publicUrl;
    private RefusedSettingsLog refusals;
    private ScheduledJobs jobs;
    private JobRuns runs;

    /** Per request; closing it (at the end of each request) must not close the factory, which owns the jobs. */
    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(
                    KeycloakSession s, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
                return new AccessAdminResource(s, realm, auth, adminEvent, normalizer, refusals, runs);
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void init(Config.Scope config) {
        normalizer = new NameNormalizer();
        refusals = new RefusedSettingsLog();
        runs = new JobRuns();
        ScheduledJobs.Intervals d = ScheduledJobs.Intervals.DEFAULTS;
        intervals = new ScheduledJobs.Intervals(
                config.getLong("outbox-interval-seconds", d.outboxMillis() / 1000) * 1000,
                config.getLong("invitation-purge-interval-seconds", d.invitationPurgeMillis() / 1000) * 1000,
                config.getLong("audit-retention-interval-seconds", d.auditRetentionMillis() / 1000) * 1000,
                config.getLong("expiry-interval-seconds", d.expiryMillis() / 1000) * 1000,
                config.getLong("password-reminder-interval-seconds", d.passwordReminderMillis() / 1000) * 1000);
        publicUrl = publicUrl(
                config.get("public-url"), Config.scope("hostname", "v2").get("hostname"));
    }

    /** Our {@code public-url} option, else Keycloak's {@code hostname} option, else the local development address. */
    static String publicUrl(String configured, String hostname) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        if (hostname != null && !hostname.isBlank()) {
            return hostname.contains("://") ? hostname.strip() : "https://" + hostname.strip();
        }
        return "http://localhost:8080";
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        jobs = new ScheduledJobs(factory, intervals, publicUrl, refusals, runs);
        factory.register(jobs);
    }

    /** At server shutdown: stops the jobs' threads. */
    @Override
    public void close() {
        if (jobs != null) {
            jobs.close();
        }
    }

    @Override
    public String getId() {
        return ID;
    }
}
