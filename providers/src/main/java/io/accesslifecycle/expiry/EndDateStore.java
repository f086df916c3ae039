package io.accesslifecycle.expiry;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Finds users by end date with one query on Keycloak's {@code USER_ATTRIBUTE} table, answered by its
 * {@code (NAME, VALUE)} index: ISO dates compare as text, so a date range is a range of values. Never a scan of
 * all users in Java.
 */
public final class EndDateStore {

    private final KeycloakSession session;

    public EndDateStore(KeycloakSession session) {
        this.session = session;
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /**
     * Ids of the realm's users whose end date is in {@code (after, upTo]} ({@code after} may be {@code null}),
     * optionally only enabled ones, earliest date first.
     */
    public List<String> users(String realmId, String after, String upTo, boolean enabledOnly, int first, int max) {
        TypedQuery<String> q = em().createQuery(
                        "select a.user.id from UserAttributeEntity a where a.name = :name"
                                + " and a.value <= :upTo" + (after == null ? "" : " and a.value > :after")
                                + " and a.user.realmId = :realmId" + (enabledOnly ? " and a.user.enabled = true" : "")
                                + " order by a.value, a.user.id",
                        String.class)
                .setParameter("name", AccessEndDate.ATTRIBUTE)
                .setParameter("upTo", upTo)
                .setParameter("realmId", realmId)
                .setFirstResult(first)
                .setMaxResults(max);
        if (after != null) {
            q.setParameter("after", after);
        }
        return q.getResultList();
    }

    /**
     * Ids of the realm's users whose end date is {@code upTo} or earlier, however long ago, and whom the expiry job
     * has still to stop: enabled, or never stopped by the job (no {@code expired} notice), earliest date first.
     */
    public List<String> toStop(String realmId, String upTo, int max) {
        return em().createQuery(
                        "select a.user.id from UserAttributeEntity a where a.name = :name and a.value <= :upTo"
                                + " and a.user.realmId = :realmId and a.user.serviceAccountClientLink is null"
                                + " and (a.user.enabled = true or not exists (select n.id from NoticeEntity n"
                                + " where n.userId = a.user.id and n.kind = :kind))"
                                + " order by a.value, a.user.id",
                        String.class)
                .setParameter("name", AccessEndDate.ATTRIBUTE)
                .setParameter("upTo", upTo)
                .setParameter("realmId", realmId)
                .setParameter("kind", NoticeStore.EXPIRED)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Enabled users of the realm whose password was set in {@code (oldest, newest]}: id and when, for the password
     * reminder.
     */
    List<Object[]> passwordsSetBetween(String realmId, long oldest, long newest) {
        return em().createQuery(
                        "select c.user.id, c.createdDate from CredentialEntity c where c.type = :type"
                                + " and c.user.realmId = :realmId and c.user.enabled = true"
                                + " and c.createdDate > :oldest and c.createdDate <= :newest",
                        Object[].class)
                .setParameter("type", PasswordCredentialModel.TYPE)
                .setParameter("realmId", realmId)
                .setParameter("oldest", oldest)
                .setParameter("newest", newest)
                .getResultList();
    }

    /** Writes the account's pending changes now (see {@link ExpiryRestoration} for why the order matters). */
    void flush() {
        em().flush();
    }
}
