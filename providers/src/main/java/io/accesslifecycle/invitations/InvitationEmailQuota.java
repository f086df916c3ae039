package io.accesslifecycle.invitations;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import io.accesslifecycle.outbox.Outbox;
import io.accesslifecycle.settings.AccessSettingsStore;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * How many invitation emails one administrator may still cause in this request ({@link InvitationEmailLimit}),
 * counted from the outbox, where every invitation email is stored with the administrator who caused it: right on
 * every node of a cluster, and after restarts. Asking first locks the administrator's {@link EmailSenderEntity} row
 * until the request's transaction ends, so concurrent requests of one administrator are counted one after another.
 */
final class InvitationEmailQuota {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel actor;
    private Long used;
    private long now;

    InvitationEmailQuota(KeycloakSession session, RealmModel realm, UserModel actor) {
        this.session = session;
        this.realm = realm;
        this.actor = actor;
    }

    /** Throws {@link io.accesslifecycle.common.RateLimitedException} unless {@code wanted} more emails fit. */
    void require(int wanted) {
        if (actor == null || wanted <= 0) {
            return;
        }
        if (used == null) {
            lock();
            now = Time.currentTimeMillis();
            used = outbox().countBy(realm, actor.getId(), InvitationEmail.TEMPLATE, since());
        }
        InvitationEmailLimit.check(AccessSettingsStore.read(realm).invitationEmailsPerAdminPerHour(), used, wanted, now,
                n -> outbox().timesBy(realm, actor.getId(), InvitationEmail.TEMPLATE, since(), n));
    }

    private long since() {
        return now - InvitationEmailLimit.WINDOW_MILLIS;
    }

    private Outbox outbox() {
        return new Outbox(session);
    }

    private void lock() {
        String id = realm.getId() + "/" + actor.getId();
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        if (em.find(EmailSenderEntity.class, id, LockModeType.PESSIMISTIC_WRITE) != null) {
            return;
        }
        try {
            // first email of this administrator in this realm: the row is created apart, so it exists for all
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                EmailSenderEntity sender = new EmailSenderEntity();
                sender.setId(id);
                sender.setRealmId(realm.getId());
                sender.setActorId(actor.getId());
                s.getProvider(JpaConnectionProvider.class).getEntityManager().persist(sender);
            });
        } catch (ModelException | PersistenceException e) {
            // another request created it first
        }
        em.find(EmailSenderEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    }
}
