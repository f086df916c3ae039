package io.accesslifecycle.budget;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import io.accesslifecycle.invitations.EmailSenderEntity;
import io.accesslifecycle.settings.AccessSettings;
import io.accesslifecycle.settings.AccessSettingsStore;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
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
            evaluate(em(session), wanted, Time.currentTimeMillis());
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
            EntityManager em = em(s);
            em.find(EmailSenderEntity.class, lockId, LockModeType.PESSIMISTIC_WRITE);
            long now = Time.currentTimeMillis();
            em.createNamedQuery("accessEmailSpent.deleteBefore").setParameter("realmId", realm.getId())
                    .setParameter("before", now - EmailBudgetRule.WINDOW_MILLIS).executeUpdate();
            evaluate(em, wanted, now);
            EmailSpendEntity spent = new EmailSpendEntity();
            spent.setId(KeycloakModelUtils.generateId());
            spent.setRealmId(realm.getId());
            spent.setActorId(actorId);
            spent.setSpentAt(now);
            spent.setEmails(wanted);
            em.persist(spent);
        });
    }

    private void evaluate(EntityManager em, int wanted, long now) {
        AccessSettings settings = AccessSettingsStore.read(realm);
        long since = now - EmailBudgetRule.WINDOW_MILLIS;
        long byActor = em.createNamedQuery("accessEmailSpent.sumByActor", Number.class).setParameter("realmId", realm.getId())
                .setParameter("actorId", actorId).setParameter("since", since).getSingleResult().longValue();
        long byRealm = em.createNamedQuery("accessEmailSpent.sumByRealm", Number.class).setParameter("realmId", realm.getId())
                .setParameter("since", since).getSingleResult().longValue();
        EmailBudgetRule.check(wanted, now,
                new EmailBudgetRule.Limit(PER_ADMIN, "per administrator", settings.emailsPerAdminPerHour(), byActor,
                        () -> spent(em.createNamedQuery("accessEmailSpent.byActor", EmailSpendEntity.class)
                                .setParameter("actorId", actorId).setParameter("realmId", realm.getId()).setParameter("since", since)
                                .getResultList())),
                new EmailBudgetRule.Limit(PER_REALM, "for all administrators of the realm together", settings.emailsPerRealmPerHour(),
                        byRealm, () -> spent(em.createNamedQuery("accessEmailSpent.byRealm", EmailSpendEntity.class)
                        .setParameter("realmId", realm.getId()).setParameter("since", since).getResultList())));
    }

    private static List<EmailBudgetRule.Spent> spent(List<EmailSpendEntity> rows) {
        return rows.stream().map(r -> new EmailBudgetRule.Spent(r.getSpentAt(), r.getEmails())).toList();
    }

    private static EntityManager em(KeycloakSession s) {
        return s.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    private void createLockRow(String lockId) {
        if (em(session).find(EmailSenderEntity.class, lockId) != null) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                EmailSenderEntity row = new EmailSenderEntity();
                row.setId(lockId);
                row.setRealmId(realm.getId());
                row.setActorId("*");
                em(s).persist(row);
            });
        } catch (ModelException | PersistenceException e) {
            // another request created it first
        }
    }
}
