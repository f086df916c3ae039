package io.accesslifecycle.budget;

import io.accesslifecycle.invitations.EmailSenderEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Every query and write of the email budget: the spendings ({@code ACCESS_EMAIL_SPEND}) and the realm's lock row. */
public final class EmailSpendStore {

    private final KeycloakSession session;
    private final String realmId;

    public EmailSpendStore(KeycloakSession session, String realmId) {
        this.session = session;
        this.realmId = realmId;
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    boolean lockRowExists(String lockId) {
        return em().find(EmailSenderEntity.class, lockId) != null;
    }

    void insertLockRow(String lockId) {
        EmailSenderEntity row = new EmailSenderEntity();
        row.setId(lockId);
        row.setRealmId(realmId);
        row.setActorId("*");
        em().persist(row);
    }

    /** Locks the realm's row until the transaction ends: spendings of the realm are then counted one at a time. */
    void lock(String lockId) {
        em().find(EmailSenderEntity.class, lockId, LockModeType.PESSIMISTIC_WRITE);
    }

    void deleteBefore(long before) {
        em().createNamedQuery("accessEmailSpent.deleteBefore")
                .setParameter("realmId", realmId)
                .setParameter("before", before)
                .executeUpdate();
    }

    long sumByActor(String actorId, long since) {
        return em().createNamedQuery("accessEmailSpent.sumByActor", Number.class)
                .setParameter("realmId", realmId)
                .setParameter("actorId", actorId)
                .setParameter("since", since)
                .getSingleResult()
                .longValue();
    }

    long sumByRealm(long since) {
        return em().createNamedQuery("accessEmailSpent.sumByRealm", Number.class)
                .setParameter("realmId", realmId)
                .setParameter("since", since)
                .getSingleResult()
                .longValue();
    }

    List<EmailSpendEntity> byActor(String actorId, long since) {
        return em().createNamedQuery("accessEmailSpent.byActor", EmailSpendEntity.class)
                .setParameter("actorId", actorId)
                .setParameter("realmId", realmId)
                .setParameter("since", since)
                .getResultList();
    }

    List<EmailSpendEntity> byRealm(long since) {
        return em().createNamedQuery("accessEmailSpent.byRealm", EmailSpendEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("since", since)
                .getResultList();
    }

    void insert(String actorId, long at, int emails) {
        EmailSpendEntity spent = new EmailSpendEntity();
        spent.setId(KeycloakModelUtils.generateId());
        spent.setRealmId(realmId);
        spent.setActorId(actorId);
        spent.setSpentAt(at);
        spent.setEmails(emails);
        em().persist(spent);
    }

    /** Deletes the realm's spendings and lock rows (the realm is being deleted). */
    public void realmRemoved() {
        em().createQuery("delete from EmailSenderEntity e where e.realmId = :realmId")
                .setParameter("realmId", realmId)
                .executeUpdate();
        em().createQuery("delete from EmailSpendEntity e where e.realmId = :realmId")
                .setParameter("realmId", realmId)
                .executeUpdate();
    }

    /** Deletes the user's lock row (the user is being deleted); their spendings count until they age out. */
    public void userRemoved(String userId) {
        em().createQuery("delete from EmailSenderEntity e where e.actorId = :actorId")
                .setParameter("actorId", userId)
                .executeUpdate();
    }
}
