package io.accesslifecycle.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of access: who did it, to whom, when, what it was before and after, and the note given. */
@Entity
@Table(name = "ACCESS_AUDIT")
public class AuditEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "TIME", nullable = false)
    private long time;

    @Column(name = "TYPE", length = 64, nullable = false)
    private String type;

    /** The administrator's user id, or null for a job or a self-service action. */
    @Column(name = "ACTOR_ID", length = 36)
    private String actorId;

    @Column(name = "ACTOR_NAME")
    private String actorName;

    @Column(name = "TARGET_ID", length = 36)
    private String targetId;

    @Column(name = "TARGET_NAME")
    private String targetName;

    @Column(name = "BEFORE_STATE", length = 4000)
    private String before;

    @Column(name = "AFTER_STATE", length = 4000)
    private String after;

    @Column(name = "NOTE", length = 1000)
    private String note;

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

    public long getTime() {
        return time;
    }

    public void setTime(long time) {
        this.time = time;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getActorId() {
        return actorId;
    }

    public void setActorId(String actorId) {
        this.actorId = actorId;
    }

    public String getActorName() {
        return actorName;
    }

    public void setActorName(String actorName) {
        this.actorName = actorName;
    }

    public String getTargetId() {
        return targetId;
    }

    public void setTargetId(String targetId) {
        this.targetId = targetId;
    }

    public String getTargetName() {
        return targetName;
    }

    public void setTargetName(String targetName) {
        this.targetName = targetName;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
