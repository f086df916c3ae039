package io.accesslifecycle.invitations;

import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.jobs.CountedTask;
import io.accesslifecycle.jobs.EnabledRealms;
import io.accesslifecycle.outbox.OutboxStore;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Deletes invitations that were never accepted once their lifespan is over (pending, revoked or replaced ones),
 * with their queued email, in the realms that turned the bundle on, realm by realm, in batches of {@value #BATCH},
 * each in its own transaction. Idempotent: a second run finds nothing left to delete. Accepted invitations are kept as the record of who was invited.
 */
public class InvitationPurgeTask extends CountedTask {

    public static final String NAME = "access-lifecycle-invitation-purge";
    static final int BATCH = 500;

    private static final Logger LOG = Logger.getLogger(InvitationPurgeTask.class);

    private final EnabledRealms realms;

    public InvitationPurgeTask(EnabledRealms realms) {
        this.realms = realms;
    }

    @Override
    protected void runJob(KeycloakSession session) {
        realms.forEach(session, NAME, (s, realm, settings) -> purge(s, realm.getId()));
    }

    private void purge(KeycloakSession session, String realmId) {
        long now = Time.currentTimeMillis();
        int purged = 0;
        while (true) {
            int done = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
                RealmModel realm = s.realms().getRealm(realmId);
                if (realm == null) {
                    return 0;
                }
                InvitationStore store = new InvitationStore(s, realm);
                List<String> ids = store.unusedEndedBy(now, BATCH);
                OutboxStore outbox = new OutboxStore(s);
                AuditLog audit = new AuditLog(s);
                for (String id : ids) {
                    outbox.forget(id);
                    InvitationEntity invitation = store.find(id);
                    if (invitation != null) {
                        audit.record(
                                realm,
                                AuditLog.Type.INVITATION_PURGED,
                                null,
                                invitation.getId(),
                                invitation.getEmail(),
                                null,
                                null,
                                "not accepted within its lifespan (" + InvitationService.status(invitation) + ")");
                        store.remove(invitation);
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
            LOG.infof(
                    "Purged %d invitations that were not accepted within their lifespan in realm %s", purged, realmId);
        }
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
