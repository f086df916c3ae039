package io.accesslifecycle.expiry;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Finds users by end date with one query on Keycloak's {@code USER_ATTRIBUTE} table, answered by its
 * {@code (NAME, VALUE)} index: ISO dates compare as text, so a date range is a range of values. Never a scan of
 * all users in Java.
 */
public final class EndDateQuery {

    private EndDateQuery() {
    }

    /**
     * Ids of the realm's users whose end date is in {@code (after, upTo]} ({@code after} may be {@code null}),
     * optionally only enabled ones, earliest date first.
     */
    public static List<String> users(EntityManager em, String realmId, String after, String upTo, boolean enabledOnly,
                                     int first, int max) {
        TypedQuery<String> q = em.createQuery("select a.user.id from UserAttributeEntity a where a.name = :name"
                        + " and a.value <= :upTo" + (after == null ? "" : " and a.value > :after")
                        + " and a.user.realmId = :realmId" + (enabledOnly ? " and a.user.enabled = true" : "")
                        + " order by a.value, a.user.id", String.class)
                .setParameter("name", AccessEndDate.ATTRIBUTE).setParameter("upTo", upTo).setParameter("realmId", realmId)
                .setFirstResult(first).setMaxResults(max);
        if (after != null) {
            q.setParameter("after", after);
        }
        return q.getResultList();
    }

    /**
     * Ids of the realm's users whose end date is {@code upTo} or earlier, however long ago, and whom the expiry job
     * has still to stop: enabled, or never stopped by the job (no {@code expired} notice), earliest date first.
     */
    public static List<String> toStop(EntityManager em, String realmId, String upTo, int max) {
        return em.createQuery("select a.user.id from UserAttributeEntity a where a.name = :name and a.value <= :upTo"
                        + " and a.user.realmId = :realmId and a.user.serviceAccountClientLink is null"
                        + " and (a.user.enabled = true or not exists (select n.id from NoticeEntity n"
                        + " where n.userId = a.user.id and n.kind = :kind))"
                        + " order by a.value, a.user.id", String.class)
                .setParameter("name", AccessEndDate.ATTRIBUTE).setParameter("upTo", upTo).setParameter("realmId", realmId)
                .setParameter("kind", Notices.EXPIRED).setMaxResults(max).getResultList();
    }
}
