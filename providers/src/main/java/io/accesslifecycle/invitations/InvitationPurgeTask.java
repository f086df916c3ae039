package io.accesslifecycle.invitations;

import java.util.List;

import jakarta.persistence.EntityManager;

import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.outbox.Outbox;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Deletes invitations that were never accepted once their lifespan is over (pending, revoked or replaced ones),
 * with their queued email, in batches of {@value #BATCH}, each in its own transaction. Idempotent: a second run
 * finds nothing left to delete. "Expired" is never a stored status: an expired invitation is a pending one past
 * its {@code expiresAt}, so it is deleted by the first run after it expires. Accepted invitations are kept for
 * {@code decidedInvitationRetentionDays} (and revoked ones at most that long): see PersonalDataRetentionTask.
 */
public class InvitationPurgeTask implements ScheduledTask {

    public static final String NAME = "access-lifecycle-invitation-purge";
    static final int BATCH = 500;

    private static final Logger LOG = Logger.getLogger(InvitationPurgeTask.class);

    @Override
    public void run(KeycloakSession session) {
        long now = Time.currentTimeMillis();
        int purged = 0;
        while (true) {
            int done = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
                EntityManager em = s.getProvider(JpaConnectionProvider.class).getEntityManager();
                List<String> ids = em.createNamedQuery("accessInvitation.purgeable", String.class)
                        .setParameter("now", now).setMaxResults(BATCH).getResultList();
                Outbox outbox = new Outbox(s);
                AuditLog audit = new AuditLog(s);
                for (String id : ids) {
                    outbox.forget(id);
                    InvitationEntity invitation = em.find(InvitationEntity.class, id);
                    if (invitation != null) {
                        RealmModel realm = s.realms().getRealm(invitation.getRealmId());
                        if (realm != null) {
                            audit.record(realm, AuditLog.Type.INVITATION_PURGED, null, invitation.getId(), invitation.getEmail(),
                                    null, null, "not accepted within its lifespan (" + InvitationService.status(invitation) + ")");
                        }
                        em.remove(invitation);
                    }
                }
                return ids.size();
            });
            purged += done;
            if (done < BATCH) {
                break;
            }
        }
        if (purged > 0) {
            LOG.infof("Purged %d invitations that were not accepted within their lifespan", purged);
        }
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
