package io.accesslifecycle.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

/**
 * The one audit writer and reader. Every change of access writes an entry in the same transaction as the change,
 * so an entry exists exactly when the change happened.
 */
public final class AuditLog {

    /** What happened. */
    public enum Type {
        USER_DECLARED,
        INVITATION_SENT,
        INVITATION_EDITED,
        INVITATION_REVOKED,
        INVITATION_RESENT,
        INVITATION_ACCEPTED,
        INVITATION_PURGED,
        SETTINGS_CHANGED,
        PERMISSIONS_CHANGED,
        ACCESS_REQUESTED,
        REQUEST_APPROVED,
        REQUEST_REJECTED,
        ACCESS_EXPIRED,
        ACCESS_RESTORED,
        ACCOUNT_DELETED,
        USER_OFFBOARDED,
        REQUEST_WITHDRAWN
    }

    /** Column sizes in characters (see the audit changelog); an entry is cut to fit, never refused. */
    static final int STATE_COLUMN = 4000;

    static final int NAME_COLUMN = 255;
    static final int NOTE_COLUMN = 1000;

    private final KeycloakSession session;

    public AuditLog(KeycloakSession session) {
        this.session = session;
    }

    /** Records a change. {@code actor} null means the system (a job) or the person themselves. */
    public void record(
            RealmModel realm,
            Type type,
            UserModel actor,
            String targetId,
            String targetName,
            Object before,
            Object after,
            String note) {
        AuditEntity e = new AuditEntity();
        e.setId(KeycloakModelUtils.generateId());
        e.setRealmId(realm.getId());
        e.setTime(Time.currentTimeMillis());
        e.setType(type.name());
        if (actor != null) {
            e.setActorId(actor.getId());
            e.setActorName(cut(actor.getUsername(), NAME_COLUMN));
        }
        e.setTargetId(targetId);
        e.setTargetName(cut(targetName, NAME_COLUMN));
        e.setBefore(json(before));
        e.setAfter(json(after));
        e.setNote(cut(note, NOTE_COLUMN));
        new AuditStore(session).insert(e);
    }

    /** Entries, newest first. Filters: target (id or name), actor (id or name), type, time range in millis. */
    public List<AuditRecord> search(RealmModel realm, AuditQuery q) {
        return new AuditStore(session)
                .search(realm.getId(), q.target(), q.actor(), q.type(), q.from(), q.to(), q.first(), q.max()).stream()
                        .map(a -> new AuditRecord(
                                a.getId(),
                                Instant.ofEpochMilli(a.getTime()).toString(),
                                a.getType(),
                                a.getActorId(),
                                a.getActorName(),
                                a.getTargetId(),
                                a.getTargetName(),
                                a.getBefore(),
                                a.getAfter(),
                                a.getNote()))
                        .toList();
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return fit(JsonSerialization.writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JSON document that fits the state column: the document itself when it does, else a JSON string holding its
     * beginning followed by "...". The cut is made after quoting (which escapes every quote and backslash once
     * more), so the stored text never exceeds the column, counted in UTF-16 units: at most the characters a
     * database counts (a character outside the Basic Multilingual Plane is one character there, two here).
     */
    static String fit(String json) {
        if (json.length() <= STATE_COLUMN) {
            return json;
        }
        // the longest beginning whose quoted form fits (quoting turns a character into 1 to 6): a binary search
        int low = 0;
        int high = STATE_COLUMN;
        String best = quote("...");
        while (low <= high) {
            int keep = (low + high) >>> 1;
            String quoted = quote(cut(json, keep) + "...");
            if (quoted.length() <= STATE_COLUMN) {
                best = quoted;
                low = keep + 1;
            } else {
                high = keep - 1;
            }
        }
        return best;
    }

    /** The first {@code max} UTF-16 units of the text at most, never splitting a surrogate pair. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static String quote(String text) {
        try {
            return JsonSerialization.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
