package io.accesslifecycle.expiry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Something a lifecycle job has done for a user, once: a reminder sent for an end date, an expiry applied. The
 * unique key (user, kind, subject) makes "exactly once" hold across restarts and nodes.
 */
@Entity
@Table(name = "ACCESS_NOTICE")
@NamedQueries({
    @NamedQuery(
            name = "accessNotice.count",
            query =
                    "select count(n) from NoticeEntity n where n.userId = :userId and n.kind = :kind and n.subject = :subject"),
    @NamedQuery(
            name = "accessNotice.countOfKind",
            query = "select count(n) from NoticeEntity n where n.userId = :userId and n.kind = :kind"),
    @NamedQuery(
            name = "accessNotice.lastOfKind",
            query = "select max(n.createdAt) from NoticeEntity n where n.userId = :userId and n.kind = :kind"),
    @NamedQuery(
            name = "accessNotice.lastOfKindBefore",
            query = "select n.userId from NoticeEntity n where n.realmId = :realmId and n.kind = :kind"
                    + " group by n.userId having max(n.createdAt) < :before order by max(n.createdAt), n.userId"),
    @NamedQuery(
            name = "accessNotice.ofKind",
            query = "select n from NoticeEntity n where n.realmId = :realmId and n.kind = :kind"),
    @NamedQuery(
            name = "accessNotice.deleteOfUserAndKind",
            query = "delete from NoticeEntity n where n.userId = :userId and n.kind = :kind"),
    @NamedQuery(name = "accessNotice.deleteOfUser", query = "delete from NoticeEntity n where n.userId = :userId"),
})
public class NoticeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "KIND", length = 32, nullable = false)
    private String kind;

    @Column(name = "SUBJECT", length = 64, nullable = false)
    private String subject;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

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

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
