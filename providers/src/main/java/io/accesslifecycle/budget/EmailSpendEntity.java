package io.accesslifecycle.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * Emails an administrator caused at one moment (a declaration, a resend, a request with many invitees): the ledger
 * that {@link EmailBudget} sums over the last hour. Rows older than the hour are deleted as new ones are written.
 */
@Entity
@Table(name = "ACCESS_EMAIL_SPENT")
@NamedQueries({
    @NamedQuery(
            name = "accessEmailSpent.sumByActor",
            query = "select coalesce(sum(e.emails), 0) from EmailSpendEntity e"
                    + " where e.realmId = :realmId and e.actorId = :actorId and e.spentAt > :since"),
    @NamedQuery(
            name = "accessEmailSpent.sumByRealm",
            query = "select coalesce(sum(e.emails), 0) from EmailSpendEntity e"
                    + " where e.realmId = :realmId and e.spentAt > :since"),
    @NamedQuery(
            name = "accessEmailSpent.byActor",
            query = "select e from EmailSpendEntity e"
                    + " where e.realmId = :realmId and e.actorId = :actorId and e.spentAt > :since order by e.spentAt"),
    @NamedQuery(
            name = "accessEmailSpent.byRealm",
            query = "select e from EmailSpendEntity e"
                    + " where e.realmId = :realmId and e.spentAt > :since order by e.spentAt"),
    @NamedQuery(
            name = "accessEmailSpent.deleteBefore",
            query = "delete from EmailSpendEntity e" + " where e.realmId = :realmId and e.spentAt <= :before"),
})
public class EmailSpendEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** The administrator's user id; "-" when the caller has no user (never expected from the admin API). */
    @Column(name = "ACTOR_ID", length = 36, nullable = false)
    private String actorId;

    @Column(name = "SPENT_AT", nullable = false)
    private long spentAt;

    @Column(name = "EMAILS", nullable = false)
    private int emails;

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

    public String getActorId() {
        return actorId;
    }

    public void setActorId(String actorId) {
        this.actorId = actorId;
    }

    public long getSpentAt() {
        return spentAt;
    }

    public void setSpentAt(long spentAt) {
        this.spentAt = spentAt;
    }

    public int getEmails() {
        return emails;
    }

    public void setEmails(int emails) {
        this.emails = emails;
    }
}
