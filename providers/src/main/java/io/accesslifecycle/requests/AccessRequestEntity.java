package io.accesslifecycle.requests;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A signed-in user asks for access, with a justification; an administrator approves or rejects it. */
@Entity
@Table(name = "ACCESS_REQUEST")
@NamedQueries({
    @NamedQuery(
            name = "accessRequest.pendingOf",
            query = "select r from AccessRequestEntity r where r.realmId = :realmId and r.userId = :userId"
                    + " and r.status = io.accesslifecycle.requests.RequestStatus.PENDING"),
    @NamedQuery(
            name = "accessRequest.madeSince",
            query = "select r.createdAt from AccessRequestEntity r where r.realmId = :realmId and r.userId = :userId"
                    + " and r.createdAt > :since order by r.createdAt"),
    @NamedQuery(
            name = "accessRequest.byStatus",
            query =
                    "select r from AccessRequestEntity r where r.realmId = :realmId and (:status is null or r.status = :status)"
                            + " order by r.createdAt desc"),
})
public class AccessRequestEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    /**
     * The user's id while the request is pending, null once decided: unique, so the database itself keeps one pending
     * request per user (a unique constraint ignores nulls on H2 and PostgreSQL alike).
     */
    @Column(name = "PENDING_KEY", length = 36)
    private String pendingKey;

    @Column(name = "USERNAME", nullable = false)
    private String username;

    @Column(name = "EMAIL")
    private String email;

    @Column(name = "JUSTIFICATION", length = 1000, nullable = false)
    private String justification;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private RequestStatus status;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "DECIDED_AT")
    private Long decidedAt;

    @Column(name = "DECIDED_BY")
    private String decidedBy;

    @Column(name = "REASON", length = 1000)
    private String reason;

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

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getPendingKey() {
        return pendingKey;
    }

    public void setPendingKey(String pendingKey) {
        this.pendingKey = pendingKey;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }

    public RequestStatus getStatus() {
        return status;
    }

    public void setStatus(RequestStatus status) {
        this.status = status;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public Long getDecidedAt() {
        return decidedAt;
    }

    public void setDecidedAt(Long decidedAt) {
        this.decidedAt = decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public void setDecidedBy(String decidedBy) {
        this.decidedBy = decidedBy;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
