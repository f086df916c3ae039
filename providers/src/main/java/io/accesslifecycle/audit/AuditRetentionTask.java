package io.accesslifecycle.audit;

import io.accesslifecycle.settings.AccessSettingsStore;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/** Deletes audit entries older than each realm's {@code auditRetentionDays}, realm by realm. Idempotent. */
public class AuditRetentionTask implements ScheduledTask {

    public static final String NAME = "access-lifecycle-audit-retention";

    private static final Logger LOG = Logger.getLogger(AuditRetentionTask.class);

    @Override
    public void run(KeycloakSession session) {
        for (String realmId : session.realms().getRealmsStream().map(RealmModel::getId).toList()) {
            int deleted = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
                RealmModel realm = s.realms().getRealm(realmId);
                if (realm == null) {
                    return 0;
                }
                long before = Time.currentTimeMillis() - AccessSettingsStore.read(realm).auditRetentionDays() * 86_400_000L;
                return s.getProvider(JpaConnectionProvider.class).getEntityManager()
                        .createQuery("delete from AuditEntity a where a.realmId = :realmId and a.time < :before")
                        .setParameter("realmId", realmId).setParameter("before", before).executeUpdate();
            });
            if (deleted > 0) {
                LOG.infof("Deleted %d audit entries past the retention of realm %s", deleted, realmId);
            }
        }
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
