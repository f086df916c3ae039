package io.accesslifecycle.outbox;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

/**
 * The outbox's store, the one way the bundle sends email: messages are stored in the request's transaction and
 * sent afterwards by {@link OutboxDeliveryTask}, with retries. A request never waits on SMTP, and a message is never
 * lost because the SMTP server was down. Every query of {@code ACCESS_OUTBOX} is here.
 */
public final class OutboxStore {

    private final KeycloakSession session;

    public OutboxStore(KeycloakSession session) {
        this.session = session;
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public String enqueue(RealmModel realm, String refId, String recipient, String template, OutboxPayload payload) {
        return enqueue(realm, refId, recipient, template, payload, null);
    }

    /** Queues a message that an administrator's action causes, counted against that administrator ({@link #countBy}). */
    public String enqueue(
            RealmModel realm, String refId, String recipient, String template, OutboxPayload payload, String actorId) {
        OutboxMessageEntity m = new OutboxMessageEntity();
        m.setActorId(actorId);
        m.setId(KeycloakModelUtils.generateId());
        m.setRealmId(realm.getId());
        m.setRefId(refId);
        m.setRecipient(recipient);
        m.setTemplate(template);
        m.setPayload(write(payload));
        m.setStatus(OutboxStatus.QUEUED);
        m.setAttempts(0);
        long now = Time.currentTimeMillis();
        m.setCreatedAt(now);
        m.setNextAttemptAt(now);
        em().persist(m);
        return m.getId();
    }

    /** Queues a message to a user, in the user's language (else the realm's). */
    public String enqueueTo(
            RealmModel realm,
            String refId,
            UserModel recipient,
            String template,
            String subjectKey,
            List<String> subjectParams,
            Map<String, String> attributes) {
        String locale = recipient.getFirstAttribute(UserModel.LOCALE) != null
                ? recipient.getFirstAttribute(UserModel.LOCALE)
                : realm.getDefaultLocale();
        return enqueue(
                realm,
                refId,
                recipient.getEmail(),
                template,
                new OutboxPayload(
                        subjectKey,
                        subjectParams,
                        attributes,
                        locale,
                        recipient.getFirstName(),
                        recipient.getLastName()));
    }

    /** The delivery status of the newest message about each of the given references. */
    public Map<String, DeliveryStatus> latestStatus(Collection<String> refIds) {
        Map<String, DeliveryStatus> out = new HashMap<>();
        if (refIds.isEmpty()) {
            return out;
        }
        List<OutboxMessageEntity> messages = em().createNamedQuery("accessOutbox.latestFor", OutboxMessageEntity.class)
                .setParameter("refIds", refIds)
                .getResultList();
        for (OutboxMessageEntity m : messages) {
            out.putIfAbsent(m.getRefId(), DeliveryStatus.of(m));
        }
        return out;
    }

    /** How many messages of this template an administrator caused after {@code since} (millis): one indexed count. */
    public long countBy(RealmModel realm, String actorId, String template, long since) {
        return em().createNamedQuery("accessOutbox.countBySince", Long.class)
                .setParameter("realmId", realm.getId())
                .setParameter("actorId", actorId)
                .setParameter("template", template)
                .setParameter("since", since)
                .getSingleResult();
    }

    /** When the {@code max} oldest of those messages were queued, oldest first. */
    public List<Long> timesBy(RealmModel realm, String actorId, String template, long since, int max) {
        return em().createNamedQuery("accessOutbox.timesBySince", Long.class)
                .setParameter("realmId", realm.getId())
                .setParameter("actorId", actorId)
                .setParameter("template", template)
                .setParameter("since", since)
                .setMaxResults(max)
                .getResultList();
    }

    /** Forgets the messages about a reference that is gone (a purged invitation). */
    /** Ids of queued messages whose attempt is due, oldest first. */
    List<String> due(long now, int max) {
        return em()
                .createNamedQuery("accessOutbox.due", OutboxMessageEntity.class)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(OutboxMessageEntity::getId)
                .toList();
    }

    /** The message, locked until the transaction ends (another node's delivery run waits for it). */
    OutboxMessageEntity lockForDelivery(String id) {
        return em().find(OutboxMessageEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    void remove(OutboxMessageEntity m) {
        em().remove(m);
    }

    /** Ids of this realm's sent or failed messages created before {@code before}. */
    public List<String> deliveredBefore(String realmId, long before, int max) {
        return em().createQuery(
                        "select m.id from OutboxMessageEntity m where m.realmId = :realmId"
                                + " and m.status in :done and m.createdAt < :before",
                        String.class)
                .setParameter("done", List.of(OutboxStatus.SENT, OutboxStatus.FAILED))
                .setParameter("realmId", realmId)
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
    }

    /** Deletes these messages. */
    public int delete(List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        em().createQuery("delete from OutboxMessageEntity m where m.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        return ids.size();
    }

    /** Deletes every message about these invitations (or other subjects), queued ones included. */
    public void forgetAll(List<String> refIds) {
        if (!refIds.isEmpty()) {
            em().createQuery("delete from OutboxMessageEntity m where m.refId in :ids")
                    .setParameter("ids", refIds)
                    .executeUpdate();
        }
    }

    public void forget(String refId) {
        em().createNamedQuery("accessOutbox.deleteFor")
                .setParameter("refId", refId)
                .executeUpdate();
    }

    static String write(OutboxPayload payload) {
        try {
            return JsonSerialization.writeValueAsString(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static OutboxPayload read(String payload) {
        try {
            return JsonSerialization.readValue(payload, OutboxPayload.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the realm's queued and sent emails (the realm is being deleted). */
    public void realmRemoved(String realmId) {
        em().createQuery("delete from OutboxMessageEntity m where m.realmId = :realmId")
                .setParameter("realmId", realmId)
                .executeUpdate();
    }
}
