package io.accesslifecycle.requests;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Every query and write of access request rows ({@code ACCESS_REQUEST}) of one realm. */
public final class RequestStore {

    private final KeycloakSession session;
    private final RealmModel realm;

    public RequestStore(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The request of this realm with this id, or null. */
    AccessRequestEntity find(String id) {
        AccessRequestEntity r = em().find(AccessRequestEntity.class, id);
        return r != null && r.getRealmId().equals(realm.getId()) ? r : null;
    }

    AccessRequestEntity pendingOf(String userId) {
        return em().createNamedQuery("accessRequest.pendingOf", AccessRequestEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", userId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /** When this user's requests since {@code since} were made, oldest first. */
    List<Long> madeSince(String userId, long since) {
        return em().createNamedQuery("accessRequest.madeSince", Long.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", userId)
                .setParameter("since", since)
                .getResultList();
    }

    /** The newest requests, of one status or all ({@code null}). */
    List<AccessRequestEntity> byStatus(RequestStatus status, int max) {
        return em().createNamedQuery("accessRequest.byStatus", AccessRequestEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("status", status)
                .setMaxResults(max)
                .getResultList();
    }

    /** Stores a new request now: the unique pending key decides here, inside the caller's try. */
    void insert(AccessRequestEntity request) {
        em().persist(request);
        em().flush();
    }

    /** Ids of requests decided (approved, rejected, withdrawn) before {@code before}. */
    public List<String> decidedBefore(long before, int max) {
        return em().createQuery(
                        "select r.id from AccessRequestEntity r where r.realmId = :realmId"
                                + " and r.status in :decided and r.decidedAt < :before",
                        String.class)
                .setParameter(
                        "decided", List.of(RequestStatus.APPROVED, RequestStatus.REJECTED, RequestStatus.WITHDRAWN))
                .setParameter("realmId", realm.getId())
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
    }

    public int delete(List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        em().createQuery("delete from AccessRequestEntity r where r.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        return ids.size();
    }

    /** Deletes the realm's access requests (the realm is being deleted). */
    public void realmRemoved() {
        em().createQuery("delete from AccessRequestEntity r where r.realmId = :realmId")
                .setParameter("realmId", realm.getId())
                .executeUpdate();
    }

    /** Deletes the user's access requests (the user is being deleted). */
    public void userRemoved(String userId) {
        em().createQuery("delete from AccessRequestEntity r where r.userId = :userId")
                .setParameter("userId", userId)
                .executeUpdate();
    }
}
