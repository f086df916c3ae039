package io.accesslifecycle.invitations;

import io.accesslifecycle.outbox.OutboxStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Every query and write of invitation rows ({@code ACCESS_INVITATION}). */
public final class InvitationStore {

    private final KeycloakSession session;
    private final RealmModel realm;

    public InvitationStore(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    void persist(InvitationEntity invitation) {
        em().persist(invitation);
    }

    /** Writes pending changes now, so that a constraint decides inside the caller's try. */
    void flush() {
        em().flush();
    }

    /**
     * The guarded step from pending to accepted, for the link's nonce and before its end: {@code true} when this
     * call made it (a second acceptance, a newer link or an expired one changes no row).
     */
    boolean markAccepted(InvitationEntity invitation, String userId, long now) {
        return em().createNamedQuery("accessInvitation.accept")
                        .setParameter("now", now)
                        .setParameter("userId", userId)
                        .setParameter("id", invitation.getId())
                        .setParameter("nonce", invitation.getTokenNonce())
                        .executeUpdate()
                == 1;
    }

    /** Ids of this realm's invitations never accepted whose link ended at {@code now} or before, oldest first. */
    List<String> unusedEndedBy(long now, int max) {
        return em().createQuery(
                        "select i.id from InvitationEntity i where i.realmId = :realmId"
                                + " and i.status <> :accepted and i.expiresAt <= :now order by i.expiresAt",
                        String.class)
                .setParameter("accepted", InvitationStatus.ACCEPTED)
                .setParameter("realmId", realm.getId())
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    void remove(InvitationEntity invitation) {
        em().remove(invitation);
    }

    /**
     * Ids of this realm's invitations decided before {@code before}: accepted, revoked or replaced then, or pending
     * with a link that ended then.
     */
    public List<String> decidedBefore(long before, int max) {
        return em().createQuery(
                        "select i.id from InvitationEntity i where i.realmId = :realmId and ("
                                + "(i.status = :accepted and i.acceptedAt < :before)"
                                + " or (i.status in :ended and coalesce(i.endedAt, i.expiresAt) < :before)"
                                + " or (i.status = :pending and i.expiresAt < :before))",
                        String.class)
                .setParameter("accepted", InvitationStatus.ACCEPTED)
                .setParameter("ended", List.of(InvitationStatus.REVOKED, InvitationStatus.REPLACED))
                .setParameter("pending", InvitationStatus.PENDING)
                .setParameter("realmId", realm.getId())
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
    }

    /** Ids of the invitations this account accepted. */
    public List<String> acceptedBy(String userId) {
        return em().createQuery("select i.id from InvitationEntity i where i.acceptedUserId = :userId", String.class)
                .setParameter("userId", userId)
                .getResultList();
    }

    /**
     * Deletes invitations and every email about them (also one still queued: its invitation is gone). Used by the
     * retention job and when the account that accepted them is deleted.
     */
    public int deleteWithEmails(List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        new OutboxStore(session).forgetAll(ids);
        em().createQuery("delete from InvitationEntity i where i.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        return ids.size();
    }

    InvitationEntity find(String id) {
        InvitationEntity invitation = em().find(InvitationEntity.class, id);
        return invitation != null && invitation.getRealmId().equals(realm.getId()) ? invitation : null;
    }

    List<InvitationEntity> pendingFor(String email) {
        return em().createNamedQuery("accessInvitation.pendingByEmail", InvitationEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("email", email)
                .getResultList();
    }

    /** Filters: state (its stored status and where its end is), label, text in email or names. */
    List<InvitationEntity> search(InvitationState state, String label, String text, int first, int max) {
        StringBuilder jpql = new StringBuilder("select i from InvitationEntity i where i.realmId = :realmId");
        Map<String, Object> params = new HashMap<>();
        params.put("realmId", realm.getId());
        if (state != null) {
            jpql.append(" and i.status = :status");
            params.put("status", state.stored());
            if (state.end() != InvitationState.End.ANY) {
                jpql.append(
                        state.end() == InvitationState.End.AHEAD
                                ? " and i.expiresAt > :now"
                                : " and i.expiresAt <= :now");
                params.put("now", Time.currentTimeMillis());
            }
        }
        if (label != null) {
            jpql.append(" and i.labels like :label escape '!'");
            params.put("label", "%|" + escape(label) + "|%");
        }
        if (text != null) {
            jpql.append(" and (lower(i.email) like :text escape '!' or lower(i.firstName) like :text escape '!'"
                    + " or lower(i.lastName) like :text escape '!')");
            params.put("text", "%" + escape(text.toLowerCase(Locale.ROOT)) + "%");
        }
        jpql.append(" order by i.createdAt desc, i.id");
        TypedQuery<InvitationEntity> q = em().createQuery(jpql.toString(), InvitationEntity.class);
        params.forEach(q::setParameter);
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    static String labelsIndex(List<String> labels) {
        return labels.isEmpty() ? null : "|" + String.join("|", labels) + "|";
    }

    private static String escape(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Deletes the realm's invitations (the realm is being deleted; its emails go with the outbox's). */
    public void realmRemoved() {
        em().createQuery("delete from InvitationEntity i where i.realmId = :realmId")
                .setParameter("realmId", realm.getId())
                .executeUpdate();
    }

    /** Deletes the invitations the user accepted, with the emails about them (the user is being deleted). */
    public void userRemoved(String userId) {
        deleteWithEmails(acceptedBy(userId));
    }
}
