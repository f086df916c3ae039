package io.accesslifecycle.budget;

import io.accesslifecycle.settings.AccessSettings;
import io.accesslifecycle.settings.AccessSettingsStore;
import jakarta.persistence.PersistenceException;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One email budget per administrator, and one ceiling for the realm ({@link EmailBudgetRule}): every email an
 * administrator causes (a declaration's set-password email, a set-password resend, an invitation, its resend or
 * edit notice, a change notice to the user or to the administrators, a rejection notice) is spent here, under the
 * acting administrator's id, before the action is applied.
 * <p>
 * {@link #spend} runs in its own short transaction: it locks the realm's row of {@link EmailSenderEntity}, deletes
 * spendings older than the hour, sums what remains, refuses or records. The lock is held for milliseconds (never
 * while an SMTP server answers), and concurrent calls of any administrators, on any node, are counted one after
 * another. The spending stays recorded even if the caller's own transaction fails later: the budget errs on the
 * safe side. The realm ceiling is what stops fresh administrators, made by an administrator, from multiplying the
 * budget.
 */
public final class EmailBudget {

    public static final String PER_ADMIN = "emailsPerAdminPerHour";
    public static final String PER_REALM = "emailsPerRealmPerHour";

    /** How many times a spending is tried when the realm's lock could not be had in time. */
    private static final int LOCK_ATTEMPTS = 30;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String actorId;

    public EmailBudget(KeycloakSession session, RealmModel realm, UserModel actor) {
        this.session = session;
        this.realm = realm;
        this.actorId = actor == null ? "-" : actor.getId();
    }

    /** Refuses (429) unless {@code wanted} more emails fit now; records nothing: a cheap early answer. */
    public void check(int wanted) {
        if (wanted > 0) {
            evaluate(new EmailSpendStore(session, realm.getId()), wanted, Time.currentTimeMillis());
        }
    }

    /** Refuses (429) unless {@code wanted} more emails fit now; else records them at once, in their own transaction. */
    public void spend(int wanted) {
        if (wanted <= 0) {
            return;
        }
        String lockId = realm.getId() + "/*";
        createLockRow(lockId);
        for (int attempt = 1; ; attempt++) {
            try {
                spendOnce(lockId, wanted);
                return;
            } catch (ModelDuplicateException e) {
                throw e;
            } catch (ModelException | PersistenceException e) {
                // a lock wait that timed out (H2 waits one second by default): many concurrent calls queue longer
                if (attempt >= LOCK_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void spendOnce(String lockId, int wanted) {
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
            EmailSpendStore store = new EmailSpendStore(s, realm.getId());
            store.lock(lockId);
            long now = Time.currentTimeMillis();
            store.deleteBefore(now - EmailBudgetRule.WINDOW_MILLIS);
            evaluate(store, wanted, now);
            store.insert(actorId, now, wanted);
        });
    }

    private void evaluate(EmailSpendStore store, int wanted, long now) {
        AccessSettings settings = AccessSettingsStore.read(realm);
        long since = now - EmailBudgetRule.WINDOW_MILLIS;
        long byActor = store.sumByActor(actorId, since);
        long byRealm = store.sumByRealm(since);
        EmailBudgetRule.check(
                wanted,
                now,
                new EmailBudgetRule.Limit(
                        PER_ADMIN,
                        "per administrator",
                        settings.emailsPerAdminPerHour(),
                        byActor,
                        () -> spent(store.byActor(actorId, since))),
                new EmailBudgetRule.Limit(
                        PER_REALM,
                        "for all administrators of the realm together",
                        settings.emailsPerRealmPerHour(),
                        byRealm,
                        () -> spent(store.byRealm(since))));
    }

    private static List<EmailBudgetRule.Spent> spent(List<EmailSpendEntity> rows) {
        return rows.stream()
                .map(r -> new EmailBudgetRule.Spent(r.getSpentAt(), r.getEmails()))
                .toList();
    }

    private void createLockRow(String lockId) {
        if (new EmailSpendStore(session, realm.getId()).lockRowExists(lockId)) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(
                    session.getKeycloakSessionFactory(),
                    s -> new EmailSpendStore(s, realm.getId()).insertLockRow(lockId));
        } catch (ModelException | PersistenceException e) {
            // another request created it first
        }
    }
}
