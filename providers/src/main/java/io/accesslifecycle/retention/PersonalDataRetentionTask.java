package io.accesslifecycle.retention;

import io.accesslifecycle.invitations.InvitationStore;
import io.accesslifecycle.jobs.CountedTask;
import io.accesslifecycle.outbox.OutboxStore;
import io.accesslifecycle.requests.RequestStore;
import io.accesslifecycle.settings.AccessSettings;
import io.accesslifecycle.settings.AccessSettingsStore;
import java.util.function.ToIntBiFunction;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Deletes, realm by realm, the rows whose personal data has served its purpose (see {@link RetentionCutoffs} and
 * docs/data-protection.md): decided invitations with their emails, decided access requests, and sent or failed
 * emails. The audit log keeps its own entries about them (who, what, when) for {@code auditRetentionDays}.
 * Batches of {@value #BATCH} rows, each in its own transaction; each realm in its own try, so one realm's failure
 * does not stop the others. Idempotent: a second run finds nothing left.
 */
public class PersonalDataRetentionTask extends CountedTask {

    public static final String NAME = "access-lifecycle-personal-data-retention";
    static final int BATCH = 500;

    private static final Logger LOG = Logger.getLogger(PersonalDataRetentionTask.class);

    @Override
    protected void runJob(KeycloakSession session) {
        for (String realmId :
                session.realms().getRealmsStream().map(RealmModel::getId).toList()) {
            try {
                runFor(session, realmId);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Retention of personal data failed in realm %s; the other realms go on", realmId);
            }
        }
    }

    private void runFor(KeycloakSession session, String realmId) {
        RetentionCutoffs cutoffs =
                KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
                    RealmModel realm = s.realms().getRealm(realmId);
                    AccessSettings settings = realm == null ? null : AccessSettingsStore.read(realm);
                    // only in the realms that turned the bundle on
                    return settings == null || !settings.enabled()
                            ? null
                            : RetentionCutoffs.of(settings, Time.currentTimeMillis());
                });
        if (cutoffs == null) {
            return;
        }
        // invitations and requests first, the emails last: a test (or an operator) that sees the old emails gone
        // knows the rest of this run has been applied
        int invitations = batches(session, realmId, (s, realm) -> {
            InvitationStore store = new InvitationStore(s, realm);
            return store.deleteWithEmails(store.decidedBefore(cutoffs.invitationsBefore(), BATCH));
        });
        int requests = batches(session, realmId, (s, realm) -> {
            RequestStore store = new RequestStore(s, realm);
            return store.delete(store.decidedBefore(cutoffs.requestsBefore(), BATCH));
        });
        int emails = batches(session, realmId, (s, realm) -> {
            OutboxStore store = new OutboxStore(s);
            return store.delete(store.deliveredBefore(realm.getId(), cutoffs.outboxBefore(), BATCH));
        });
        if (invitations + requests + emails > 0) {
            LOG.infof(
                    "Realm %s: deleted %d decided invitations, %d decided requests and %d sent or failed emails past their retention",
                    realmId, invitations, requests, emails);
        }
    }

    /** Runs {@code batch} in transactions of its own until it deletes fewer than a batch; answers the total. */
    private static int batches(
            KeycloakSession session, String realmId, ToIntBiFunction<KeycloakSession, RealmModel> batch) {
        int total = 0;
        while (true) {
            int done = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
                RealmModel realm = s.realms().getRealm(realmId);
                return realm == null ? 0 : batch.applyAsInt(s, realm);
            });
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
