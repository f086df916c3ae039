package io.accesslifecycle.settings;

import static io.accesslifecycle.common.ErrorResponses.translating;

import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.common.JsonBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Reading and changing a realm's settings as administrators do: what they read is the settings in force and the
 * stored values that were refused (logged once per change, and "valid again" once a change replaced them); a
 * change is checked whole, audited, then stored.
 */
public final class SettingsService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final RefusedSettingsLog refusals;

    public SettingsService(KeycloakSession session, RealmModel realm, RefusedSettingsLog refusals) {
        this.session = session;
        this.realm = realm;
        this.refusals = refusals;
    }

    /** The settings in force and the refused stored values. */
    public AccessSettingsStore.Inspection read() {
        return reported(AccessSettingsStore.inspect(realm));
    }

    /** Applies the JSON body (400 naming the field when a value is not valid), audited as done by the actor. */
    public AccessSettingsStore.Inspection update(UserModel actor, String body) {
        AccessSettings current = AccessSettingsStore.read(realm);
        AccessSettings updated = translating(
                () -> JsonBody.read(body, AccessSettingsUpdate.class).applyTo(current));
        new AuditLog(session).record(realm, AuditLog.Type.SETTINGS_CHANGED, actor, null, null, current, updated, null);
        AccessSettingsStore.write(realm, updated);
        return reported(new AccessSettingsStore.Inspection(updated, List.of()));
    }

    /**
     * The API shape: the settings' fields, then {@code refused} and {@code editable} (whether the caller may change
     * them, so that the console can say so).
     */
    public static Map<String, Object> view(AccessSettingsStore.Inspection inspection, boolean editable) {
        Map<String, Object> body = new LinkedHashMap<>(SettingsFields.values(inspection.settings()));
        body.put("refused", inspection.refused());
        body.put("editable", editable);
        return body;
    }

    private AccessSettingsStore.Inspection reported(AccessSettingsStore.Inspection inspection) {
        refusals.report(realm.getId(), realm.getName(), inspection.refused());
        return inspection;
    }
}
