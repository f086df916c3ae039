package io.accesslifecycle.access;

import io.accesslifecycle.expiry.AccessEndDate;
import io.accesslifecycle.expiry.AccessStatus;
import io.accesslifecycle.labels.Labels;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.storage.UserStorageProvider;

/**
 * The queries on the realm's users (Keycloak's tables) of the users list: the list filtered by status and/or label
 * as one query, the page included: each status's conditions ({@link AccessStatus}, where they are defined once)
 * written on {@code USER_ENTITY.ENABLED} and the {@code accessExpiresOn} attribute (ISO dates compare as text, on
 * the {@code (NAME, VALUE)} index), ordered by username. Used when the realm's users all live in Keycloak's database
 * and the caller may view every user; otherwise the list goes through Keycloak's user search and checks each user.
 */
public final class UserListStore {

    private final KeycloakSession session;
    private final RealmModel realm;

    public UserListStore(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Whether the query can answer: no user federation in the realm, and the caller may view all its users. */
    static boolean applies(RealmModel realm, AdminPermissionEvaluator auth) {
        return auth.users().canView()
                && realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                        .findAny()
                        .isEmpty();
    }

    /** Ids of one page of the realm's users (service accounts left out) with the label and the status, by username. */
    List<String> ids(String label, AccessStatus status, LocalDate today, int first, int max) {
        StringBuilder jpql = new StringBuilder(
                "select u.id from UserEntity u where u.realmId = :realmId and u.serviceAccountClientLink is null");
        Map<String, Object> params = new HashMap<>();
        params.put("realmId", realm.getId());
        if (status != null) {
            jpql.append(
                    switch (status.enabled()) {
                        case YES -> " and u.enabled = true";
                        case NO -> " and u.enabled = false";
                        case ANY -> "";
                    });
            endCondition(jpql, params, status.ended(), "today", today);
            endCondition(jpql, params, status.endsSoon(), "soon", AccessStatus.soon(today));
        }
        if (label != null) {
            jpql.append(
                    " and exists (select l.id from UserAttributeEntity l where l.user = u and l.name = :labels and l.value = :label)");
            params.put("labels", Labels.ATTRIBUTE);
            params.put("label", label);
        }
        jpql.append(" order by u.username");
        TypedQuery<String> q = em().createQuery(jpql.toString(), String.class);
        params.forEach(q::setParameter);
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /**
     * Appends {@code end date <= day} (ISO dates compare as text), or its negation, as the condition asks, with its
     * parameters; nothing for {@code ANY}.
     */
    private static void endCondition(
            StringBuilder jpql,
            Map<String, Object> params,
            AccessStatus.Condition condition,
            String name,
            LocalDate day) {
        if (condition == AccessStatus.Condition.ANY) {
            return;
        }
        jpql.append(condition == AccessStatus.Condition.YES ? " and " : " and not ")
                .append(
                        "exists (select a.id from UserAttributeEntity a where a.user = u and a.name = :end and a.value <= :")
                .append(name)
                .append(")");
        params.put("end", AccessEndDate.ATTRIBUTE);
        params.put(name, day.toString());
    }

    /** Each label of the realm's users with how many users carry it, by label. */
    public List<Object[]> labelCounts() {
        return em().createQuery(
                        "select a.value, count(a) from UserAttributeEntity a where a.name = :name"
                                + " and a.user.realmId = :realmId group by a.value order by a.value",
                        Object[].class)
                .setParameter("name", Labels.ATTRIBUTE)
                .setParameter("realmId", realm.getId())
                .getResultList();
    }

    /** The realm's usernames that start with {@code prefix} (made of [a-z0-9._-]). */
    public Set<String> usernamesStartingWith(String prefix) {
        // only '_' is a LIKE wildcard among those characters
        String pattern = prefix.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%";
        return new HashSet<>(em().createQuery(
                        "select u.username from UserEntity u where u.realmId = :realmId and u.username like :pattern escape '!'",
                        String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("pattern", pattern)
                .getResultList());
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
