package io.accesslifecycle.invitations;

import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Reads and writes invitation rows. */
final class InvitationStore {

    private final KeycloakSession session;
    private final RealmModel realm;

    InvitationStore(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    InvitationEntity find(String id) {
        InvitationEntity invitation = em().find(InvitationEntity.class, id);
        return invitation != null && invitation.getRealmId().equals(realm.getId()) ? invitation : null;
    }

    List<InvitationEntity> pendingFor(String email) {
        return em().createNamedQuery("accessInvitation.pendingByEmail", InvitationEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("email", email).getResultList();
    }

    /** Filters: status (pending, accepted, revoked, replaced, expired), label, text in email or names. */
    List<InvitationEntity> search(String status, String label, String text, int first, int max) {
        StringBuilder jpql = new StringBuilder("select i from InvitationEntity i where i.realmId = :realmId");
        long now = Time.currentTimeMillis();
        if (status != null) {
            switch (status) {
                case "pending" -> jpql.append(" and i.status = 'PENDING' and i.expiresAt > :now");
                case "expired" -> jpql.append(" and i.status = 'PENDING' and i.expiresAt <= :now");
                default -> jpql.append(" and i.status = :status");
            }
        }
        if (label != null) {
            jpql.append(" and i.labels like :label escape '!'");
        }
        if (text != null) {
            jpql.append(" and (lower(i.email) like :text escape '!' or lower(i.firstName) like :text escape '!'"
                    + " or lower(i.lastName) like :text escape '!')");
        }
        jpql.append(" order by i.createdAt desc, i.id");
        TypedQuery<InvitationEntity> q = em().createQuery(jpql.toString(), InvitationEntity.class)
                .setParameter("realmId", realm.getId()).setFirstResult(first).setMaxResults(max);
        if (status != null) {
            if (status.equals("pending") || status.equals("expired")) {
                q.setParameter("now", now);
            } else {
                q.setParameter("status", status.toUpperCase(Locale.ROOT));
            }
        }
        if (label != null) {
            q.setParameter("label", "%|" + escape(label) + "|%");
        }
        if (text != null) {
            q.setParameter("text", "%" + escape(text.toLowerCase(Locale.ROOT)) + "%");
        }
        return q.getResultList();
    }

    static String labelsIndex(List<String> labels) {
        return labels.isEmpty() ? null : "|" + String.join("|", labels) + "|";
    }

    private static String escape(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    static List<String> statuses() {
        return List.of("pending", "accepted", "revoked", "replaced", "expired");
    }
}
