package io.accesslifecycle.expiry;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Every query and write of notices ({@code ACCESS_NOTICE}): what the lifecycle jobs did once per user (see {@link NoticeEntity}). */
public final class NoticeStore {

    /** Kinds of notice. */
    public static final String EXPIRED = "expired";

    public static final String PASSWORD_REMINDER = "password-reminder";

    public static String expiryReminder(int days) {
        return "expiry-reminder-" + days;
    }

    private final KeycloakSession session;

    public NoticeStore(KeycloakSession session) {
        this.session = session;
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public boolean exists(UserModel user, String kind, String subject) {
        return em().createNamedQuery("accessNotice.count", Long.class)
                        .setParameter("userId", user.getId())
                        .setParameter("kind", kind)
                        .setParameter("subject", subject)
                        .getSingleResult()
                > 0;
    }

    public boolean any(UserModel user, String kind) {
        return em().createNamedQuery("accessNotice.countOfKind", Long.class)
                        .setParameter("userId", user.getId())
                        .setParameter("kind", kind)
                        .getSingleResult()
                > 0;
    }

    /**
     * Records the notice unless it exists; {@code true} when this call recorded it. A second node racing on the same
     * notice fails on the unique key at commit, which rolls back whatever it did with it (its email included).
     */
    public boolean claim(RealmModel realm, UserModel user, String kind, String subject) {
        if (exists(user, kind, subject)) {
            return false;
        }
        NoticeEntity n = new NoticeEntity();
        n.setId(KeycloakModelUtils.generateId());
        n.setRealmId(realm.getId());
        n.setUserId(user.getId());
        n.setKind(kind);
        n.setSubject(subject);
        n.setCreatedAt(Time.currentTimeMillis());
        em().persist(n);
        em().flush();
        return true;
    }

    /**
     * The day (in {@code zone}) the expiry job last stopped the user, from its {@link #EXPIRED} notice: a record in our
     * own table, which Keycloak's admin API cannot write. {@code null} when the job has not stopped the user.
     */
    public LocalDate stoppedOn(UserModel user, ZoneId zone) {
        Long at = em().createNamedQuery("accessNotice.lastOfKind", Long.class)
                .setParameter("userId", user.getId())
                .setParameter("kind", EXPIRED)
                .getSingleResult();
        return at == null ? null : LocalDate.ofInstant(Instant.ofEpochMilli(at), zone);
    }

    /** Users of the realm whose last {@link #EXPIRED} notice was recorded before {@code beforeMillis}. */
    public List<String> stoppedBefore(RealmModel realm, long beforeMillis, int max) {
        return em().createNamedQuery("accessNotice.lastOfKindBefore", String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("kind", EXPIRED)
                .setParameter("before", beforeMillis)
                .setMaxResults(max)
                .getResultList();
    }

    public List<NoticeEntity> ofKind(RealmModel realm, String kind) {
        return em().createNamedQuery("accessNotice.ofKind", NoticeEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("kind", kind)
                .getResultList();
    }

    public void forget(UserModel user, String kind) {
        em().createNamedQuery("accessNotice.deleteOfUserAndKind")
                .setParameter("userId", user.getId())
                .setParameter("kind", kind)
                .executeUpdate();
    }

    public void forgetAll(String userId) {
        em().createNamedQuery("accessNotice.deleteOfUser")
                .setParameter("userId", userId)
                .executeUpdate();
    }

    /** Deletes the realm's notices (the realm is being deleted). */
    public void realmRemoved(String realmId) {
        em().createQuery("delete from NoticeEntity n where n.realmId = :realmId")
                .setParameter("realmId", realmId)
                .executeUpdate();
    }

    /** Deletes the user's notices (the user is being deleted). */
    public void userRemoved(String userId) {
        em().createQuery("delete from NoticeEntity n where n.userId = :userId")
                .setParameter("userId", userId)
                .executeUpdate();
    }
}
