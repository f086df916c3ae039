package io.accesslifecycle.retention;

import java.util.List;
import java.util.function.ToIntFunction;

import jakarta.persistence.EntityManager;

import io.accesslifecycle.settings.AccessSettings;
import io.accesslifecycle.settings.AccessSettingsStore;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Deletes, realm by realm, the rows whose personal data has served its purpose (see {@link RetentionCutoffs} and
 * docs/data-protection.md): decided invitations with their emails, decided access requests, and sent or failed
 * emails. The audit log keeps its own entries about them (who, what, when) for {@code auditRetentionDays}.
 * Batches of {@value #BATCH} rows, each in its own transaction; each realm in its own try, so one realm's failure
 * does not stop the others. Idempotent: a second run finds nothing left.
 */
public class PersonalDataRetentionTask implements ScheduledTask {

    public static final String NAME = "access-lifecycle-personal-data-retention";
    static final int BATCH = 500;

    private static final Logger LOG = Logger.getLogger(PersonalDataRetentionTask.class);

    @Override
    public void run(KeycloakSession session) {
        for (String realmId : session.realms().getRealmsStream().map(RealmModel::getId).toList()) {
            try {
                runFor(session, realmId);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Retention of personal data failed in realm %s; the other realms go on", realmId);
            }
        }
    }

    private void runFor(KeycloakSession session, String realmId) {
        RetentionCutoffs cutoffs = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
            RealmModel realm = s.realms().getRealm(realmId);
            AccessSettings settings = realm == null ? null : AccessSettingsStore.read(realm);
            // only in the realms that turned the bundle on
            return settings == null || !settings.enabled() ? null : RetentionCutoffs.of(settings, Time.currentTimeMillis());
        });
        if (cutoffs == null) {
            return;
        }
        // invitations and requests first, the emails last: a test (or an operator) that sees the old emails gone
        // knows the rest of this run has been applied
        int invitations = batches(session, em -> {
            List<String> ids = em.createQuery("select i.id from InvitationEntity i where i.realmId = :realmId and ("
                            + "(i.status = 'ACCEPTED' and i.acceptedAt < :before)"
                            + " or (i.status in ('REVOKED', 'REPLACED') and coalesce(i.endedAt, i.expiresAt) < :before)"
                            + " or (i.status = 'PENDING' and i.expiresAt < :before))", String.class)
                    .setParameter("realmId", realmId).setParameter("before", cutoffs.invitationsBefore())
                    .setMaxResults(BATCH).getResultList();
            return deleteInvitations(em, ids);
        });
        int requests = batches(session, em -> deleteIds(em, "AccessRequestEntity", em.createQuery(
                        "select r.id from AccessRequestEntity r where r.realmId = :realmId"
                                + " and r.status in ('APPROVED', 'REJECTED', 'WITHDRAWN') and r.decidedAt < :before", String.class)
                .setParameter("realmId", realmId).setParameter("before", cutoffs.requestsBefore())
                .setMaxResults(BATCH).getResultList()));
        int emails = batches(session, em -> deleteIds(em, "OutboxMessageEntity", em.createQuery(
                        "select m.id from OutboxMessageEntity m where m.realmId = :realmId"
                                + " and m.status in ('SENT', 'FAILED') and m.createdAt < :before", String.class)
                .setParameter("realmId", realmId).setParameter("before", cutoffs.outboxBefore())
                .setMaxResults(BATCH).getResultList()));
        if (invitations + requests + emails > 0) {
            LOG.infof("Realm %s: deleted %d decided invitations, %d decided requests and %d sent or failed emails past their retention",
                    realmId, invitations, requests, emails);
        }
    }

    /**
     * Deletes invitations and every email about them (also one still queued: its invitation is gone). Used by
     * this job and when the account that accepted them is deleted.
     */
    public static int deleteInvitations(EntityManager em, List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        em.createQuery("delete from OutboxMessageEntity m where m.refId in :ids").setParameter("ids", ids).executeUpdate();
        return deleteIds(em, "InvitationEntity", ids);
    }

    private static int deleteIds(EntityManager em, String entity, List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        em.createQuery("delete from " + entity + " e where e.id in :ids").setParameter("ids", ids).executeUpdate();
        return ids.size();
    }

    private static int batches(KeycloakSession session, ToIntFunction<EntityManager> batch) {
        int total = 0;
        while (true) {
            int done = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                    s -> batch.applyAsInt(s.getProvider(JpaConnectionProvider.class).getEntityManager()));
            total += done;
            if (done < BATCH) {
                return total;
            }
        }
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
