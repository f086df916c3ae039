package io.accesslifecycle.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Every query and write of audit rows ({@code ACCESS_AUDIT}). */
public final class AuditStore {

    private final KeycloakSession session;

    public AuditStore(KeycloakSession session) {
        this.session = session;
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    void insert(AuditEntity entry) {
        em().persist(entry);
    }

    /** Entries of the realm, newest first. Filters: target (id or name), actor (id or name), type, time range. */
    List<AuditEntity> search(
            String realmId, String target, String actor, String type, Long from, Long to, int first, int max) {
        StringBuilder jpql = new StringBuilder("select a from AuditEntity a where a.realmId = :realmId");
        if (target != null) {
            jpql.append(" and (a.targetId = :target or lower(a.targetName) = :target)");
        }
        if (actor != null) {
            jpql.append(" and (a.actorId = :actor or lower(a.actorName) = :actor)");
        }
        if (type != null) {
            jpql.append(" and a.type = :type");
        }
        if (from != null) {
            jpql.append(" and a.time >= :from");
        }
        if (to != null) {
            jpql.append(" and a.time < :to");
        }
        jpql.append(" order by a.time desc, a.id");
        TypedQuery<AuditEntity> q = em().createQuery(jpql.toString(), AuditEntity.class)
                .setParameter("realmId", realmId)
                .setFirstResult(first)
                .setMaxResults(max);
        if (target != null) {
            q.setParameter("target", target.toLowerCase(Locale.ROOT));
        }
        if (actor != null) {
            q.setParameter("actor", actor.toLowerCase(Locale.ROOT));
        }
        if (type != null) {
            q.setParameter("type", type.toUpperCase(Locale.ROOT));
        }
        if (from != null) {
            q.setParameter("from", from);
        }
        if (to != null) {
            q.setParameter("to", to);
        }
        return q.getResultList();
    }

    /** Deletes the realm's entries older than {@code before}; answers how many. */
    int deleteBefore(String realmId, long before) {
        return em().createQuery("delete from AuditEntity a where a.realmId = :realmId and a.time < :before")
                .setParameter("realmId", realmId)
                .setParameter("before", before)
                .executeUpdate();
    }

    /** Deletes the realm's audit entries (the realm is being deleted). */
    public void realmRemoved(String realmId) {
        em().createQuery("delete from AuditEntity a where a.realmId = :realmId")
                .setParameter("realmId", realmId)
                .executeUpdate();
    }
}
