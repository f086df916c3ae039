package io.accesslifecycle.audit;

import io.accesslifecycle.jobs.CountedTask;
import io.accesslifecycle.jobs.EnabledRealms;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;

/** Deletes audit entries older than each realm's {@code auditRetentionDays}, in the realms that turned the bundle on,
 * realm by realm. Idempotent. */
public class AuditRetentionTask extends CountedTask {

    public static final String NAME = "access-lifecycle-audit-retention";

    private static final Logger LOG = Logger.getLogger(AuditRetentionTask.class);

    private final EnabledRealms realms;

    public AuditRetentionTask(EnabledRealms realms) {
        this.realms = realms;
    }

    @Override
    protected void runJob(KeycloakSession session) {
        realms.forEach(session, NAME, (s, realm, settings) -> {
            long before = Time.currentTimeMillis() - settings.auditRetentionDays() * 86_400_000L;
            int deleted = new AuditStore(s).deleteBefore(realm.getId(), before);
            if (deleted > 0) {
                LOG.infof("Deleted %d audit entries past the retention of realm %s", deleted, realm.getName());
            }
        });
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
