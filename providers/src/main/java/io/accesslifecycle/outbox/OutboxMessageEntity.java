package io.accesslifecycle.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One email waiting to be sent, sent, or failed. The template's attributes (which may hold a single-use link) are
 * kept only until the message is sent.
 */
@Entity
@Table(name = "ACCESS_OUTBOX")
@NamedQueries({
    @NamedQuery(
            name = "accessOutbox.due",
            query = "select m from OutboxMessageEntity m where m.status = io.accesslifecycle.outbox.OutboxStatus.QUEUED"
                    + " and m.nextAttemptAt <= :now order by m.nextAttemptAt"),
    @NamedQuery(
            name = "accessOutbox.latestFor",
            query = "select m from OutboxMessageEntity m where m.refId in :refIds order by m.createdAt desc"),
    @NamedQuery(name = "accessOutbox.deleteFor", query = "delete from OutboxMessageEntity m where m.refId = :refId"),
    @NamedQuery(
            name = "accessOutbox.countBySince",
            query = "select count(m) from OutboxMessageEntity m where m.realmId = :realmId and m.actorId = :actorId"
                    + " and m.createdAt > :since and m.template = :template"),
    @NamedQuery(
            name = "accessOutbox.timesBySince",
            query = "select m.createdAt from OutboxMessageEntity m where m.realmId = :realmId and m.actorId = :actorId"
                    + " and m.createdAt > :since and m.template = :template order by m.createdAt"),
})
public class OutboxMessageEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** What the message is about (an invitation's id), so its delivery status can be shown there. */
    @Column(name = "REF_ID", length = 36)
    private String refId;

    @Column(name = "RECIPIENT", nullable = false)
    private String recipient;

    @Column(name = "TEMPLATE", nullable = false)
    private String template;

    /** JSON: subject key, subject parameters, template attributes, locale and names of the recipient. */
    @Column(name = "PAYLOAD", length = 8000)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private OutboxStatus status;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private long nextAttemptAt;

    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    /**
     * The administrator whose action queued the message (invitation emails), for the hourly limit per
     * administrator; counted through index IDX_ACCESS_OUTBOX_ACTOR, so rows must outlive that hour.
     */
    @Column(name = "ACTOR_ID", length = 36)
    private String actorId;

    @Column(name = "SENT_AT")
    private Long sentAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getRefId() {
        return refId;
    }

    public void setRefId(String refId) {
        this.refId = refId;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public void setStatus(OutboxStatus status) {
        this.status = status;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public long getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void setNextAttemptAt(long nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public String getActorId() {
        return actorId;
    }

    public void setActorId(String actorId) {
        this.actorId = actorId;
    }

    public Long getSentAt() {
        return sentAt;
    }

    public void setSentAt(Long sentAt) {
        this.sentAt = sentAt;
    }
}
