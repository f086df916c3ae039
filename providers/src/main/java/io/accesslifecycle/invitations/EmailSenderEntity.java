package io.accesslifecycle.invitations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row per administrator who has sent invitation emails in a realm. Its only use is its lock: a request that
 * counts and queues invitation emails locks its administrator's row first, so two requests of the same
 * administrator, on any nodes, cannot both pass the hourly limit with the same remaining emails.
 */
@Entity
@Table(name = "ACCESS_EMAIL_SENDER")
public class EmailSenderEntity {

    /** The realm's id and the administrator's user id, joined by '/'. */
    @Id
    @Column(name = "ID", length = 110)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ACTOR_ID", length = 36, nullable = false)
    private String actorId;

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
}
