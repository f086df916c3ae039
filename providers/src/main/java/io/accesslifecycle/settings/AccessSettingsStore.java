package io.accesslifecycle.settings;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import io.accesslifecycle.common.InputException;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * The one reader and writer of a realm's settings. Each setting is a realm attribute named {@code accessLifecycle.<name>};
 * a missing attribute means the default. Realm attributes live in Keycloak's realm cache, so reading costs no query.
 */
public final class AccessSettingsStore {

    public static final String PREFIX = "accessLifecycle.";

    private AccessSettingsStore() {
    }

    public static AccessSettings read(RealmModel realm) {
        AccessSettings d = AccessSettings.DEFAULTS;
        return new AccessSettings(
                integer(realm, "invitationLifespanDays", d.invitationLifespanDays()),
                integer(realm, "expiryGraceDays", d.expiryGraceDays()),
                json(realm, "expiryReminderDays", new TypeReference<List<Integer>>() { }, d.expiryReminderDays()),
                integer(realm, "passwordReminderDays", d.passwordReminderDays()),
                json(realm, "usernamePatterns", new TypeReference<List<String>>() { }, d.usernamePatterns()),
                integer(realm, "usernameMaxLength", d.usernameMaxLength()),
                json(realm, "authorisedCallerLimit", new TypeReference<Map<String, Integer>>() { }, d.authorisedCallerLimit()),
                json(realm, "callerRequiredFields", new TypeReference<Map<String, List<String>>>() { }, d.callerRequiredFields()),
                bool(realm, "notifyAdminsOnPermissionChange", d.notifyAdminsOnPermissionChange()),
                bool(realm, "allowInvitationToOtherEmail", d.allowInvitationToOtherEmail()),
                integer(realm, "auditRetentionDays", d.auditRetentionDays()),
                text(realm, "timeZone", d.timeZone(), Function.identity()),
                // formerly invitationEmailsPerAdminPerHour: a realm that set only the old name keeps its value
                integer(realm, "emailsPerAdminPerHour", integer(realm, "invitationEmailsPerAdminPerHour", d.emailsPerAdminPerHour())),
                integer(realm, "emailsPerRealmPerHour", d.emailsPerRealmPerHour()),
                integer(realm, "accessRequestsPerUserPerDay", d.accessRequestsPerUserPerDay()));
    }

    /**
     * Only the realm's time zone: what a sign-in needs, without reading and validating every other setting (the
     * value was validated when it was written).
     */
    public static ZoneId zone(RealmModel realm) {
        return ZoneId.of(text(realm, "timeZone", AccessSettings.DEFAULTS.timeZone(), Function.identity()));
    }

    public static void write(RealmModel realm, AccessSettings s) {
        realm.setAttribute(PREFIX + "invitationLifespanDays", s.invitationLifespanDays());
        realm.setAttribute(PREFIX + "expiryGraceDays", s.expiryGraceDays());
        realm.setAttribute(PREFIX + "expiryReminderDays", toJson(s.expiryReminderDays()));
        realm.setAttribute(PREFIX + "passwordReminderDays", s.passwordReminderDays());
        realm.setAttribute(PREFIX + "usernamePatterns", toJson(s.usernamePatterns()));
        realm.setAttribute(PREFIX + "usernameMaxLength", s.usernameMaxLength());
        realm.setAttribute(PREFIX + "authorisedCallerLimit", toJson(s.authorisedCallerLimit()));
        realm.setAttribute(PREFIX + "callerRequiredFields", toJson(s.callerRequiredFields()));
        realm.setAttribute(PREFIX + "notifyAdminsOnPermissionChange", s.notifyAdminsOnPermissionChange());
        realm.setAttribute(PREFIX + "allowInvitationToOtherEmail", s.allowInvitationToOtherEmail());
        realm.setAttribute(PREFIX + "auditRetentionDays", s.auditRetentionDays());
        realm.setAttribute(PREFIX + "timeZone", s.timeZone());
        realm.setAttribute(PREFIX + "emailsPerAdminPerHour", s.emailsPerAdminPerHour());
        realm.removeAttribute(PREFIX + "invitationEmailsPerAdminPerHour"); // the old name, now written under the new one
        realm.setAttribute(PREFIX + "emailsPerRealmPerHour", s.emailsPerRealmPerHour());
        realm.setAttribute(PREFIX + "accessRequestsPerUserPerDay", s.accessRequestsPerUserPerDay());
    }

    private static int integer(RealmModel realm, String name, int fallback) {
        return text(realm, name, fallback, v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new InputException(name, "stored realm attribute is not a whole number: " + v);
            }
        });
    }

    private static boolean bool(RealmModel realm, String name, boolean fallback) {
        return text(realm, name, fallback, v -> Boolean.parseBoolean(v.trim()));
    }

    private static <T> T json(RealmModel realm, String name, TypeReference<T> type, T fallback) {
        return text(realm, name, fallback, v -> {
            try {
                return JsonSerialization.readValue(v, type);
            } catch (IOException e) {
                throw new InputException(name, "stored realm attribute is not valid JSON");
            }
        });
    }

    private static <T> T text(RealmModel realm, String name, T fallback, Function<String, T> parse) {
        String value = realm.getAttribute(PREFIX + name);
        return value == null || value.isBlank() ? fallback : parse.apply(value);
    }

    private static String toJson(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
