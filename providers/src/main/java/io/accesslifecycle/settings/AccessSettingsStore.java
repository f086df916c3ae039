package io.accesslifecycle.settings;

import io.accesslifecycle.common.InputException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.models.RealmModel;

/**
 * The one reader and writer of a realm's settings. Each setting is a realm attribute named {@code accessLifecycle.<name>};
 * a missing attribute means the default. Realm attributes live in Keycloak's realm cache, so reading costs no query.
 * <p>
 * Attributes can arrive by other paths than our {@code PUT /config} (Keycloak's realm API or admin console, a realm
 * import), so every read validates: a stored value that is not valid is not used, its setting takes the default,
 * and the refusal is reported ({@link #inspect}) instead of failing whatever was reading.
 */
public final class AccessSettingsStore {

    public static final String PREFIX = "accessLifecycle.";
    /** The attribute that turns the bundle on in a realm. */
    public static final String ENABLED = PREFIX + "enabled";

    private static final int SHOWN_VALUE_CHARS = 200;

    /** The former name of {@code emailsPerAdminPerHour}, still read. */
    static final String FORMER_EMAIL_LIMIT = "invitationEmailsPerAdminPerHour";

    private AccessSettingsStore() {}

    /** A stored value that was not used: the setting, the stored text (cut to 200 characters), and why. */
    public record Refused(String field, String value, String reason) {}

    /** The settings in force and the stored values that were refused for them. */
    public record Inspection(AccessSettings settings, List<Refused> refused) {}

    /** The settings in force: every stored value that is valid, the default for the others. */
    public static AccessSettings read(RealmModel realm) {
        return inspect(realm).settings();
    }

    public static Inspection inspect(RealmModel realm) {
        Map<String, String> stored = new LinkedHashMap<>();
        for (String name : SettingsFields.names()) {
            String value = realm.getAttribute(PREFIX + name);
            if (value != null && !value.isBlank()) {
                stored.put(name, value);
            }
        }
        // formerly invitationEmailsPerAdminPerHour: a realm that stored only the old name keeps its value
        String formerEmailLimit = realm.getAttribute(PREFIX + FORMER_EMAIL_LIMIT);
        if (!stored.containsKey("emailsPerAdminPerHour") && formerEmailLimit != null && !formerEmailLimit.isBlank()) {
            stored.put("emailsPerAdminPerHour", formerEmailLimit);
        }
        return resolve(stored);
    }

    /**
     * The settings from stored texts by name: each that cannot be read or is not valid (alone or with the others) is
     * refused and its default used.
     */
    static Inspection resolve(Map<String, String> stored) {
        Map<String, Object> defaults = SettingsFields.values(AccessSettings.DEFAULTS);
        Map<String, Object> values = new LinkedHashMap<>(defaults);
        List<Refused> refused = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        stored.forEach((name, text) -> {
            try {
                values.put(name, SettingsFields.parse(name, text));
                accepted.add(name);
            } catch (InputException e) {
                refused.add(refusal(name, text, e.detail()));
            }
        });
        while (true) {
            try {
                AccessSettings settings = SettingsFields.settings(values);
                List<String> order = SettingsFields.names();
                refused.sort(Comparator.comparingInt(r -> order.indexOf(r.field())));
                return new Inspection(settings, List.copyOf(refused));
            } catch (InputException e) {
                // the setting named goes back to its default; if it was not stored, it clashes with a stored one
                // (e.g. required fields for the default plans, stored limits for other plans): the last taken goes
                String name = accepted.contains(e.field()) ? e.field() : accepted.get(accepted.size() - 1);
                accepted.remove(name);
                values.put(name, defaults.get(name));
                refused.add(refusal(
                        name,
                        stored.get(name),
                        name.equals(e.field()) ? e.detail() : "does not fit " + e.field() + ": " + e.detail()));
            }
        }
    }

    private static Refused refusal(String name, String text, String reason) {
        String shown = text.length() > SHOWN_VALUE_CHARS ? text.substring(0, SHOWN_VALUE_CHARS) + "…" : text;
        return new Refused(name, shown, reason);
    }

    /**
     * Whether the bundle acts in this realm: its jobs, pages and sign-in checks. One cached attribute, for the paths
     * that run at every sign-in; anything but {@code true} is off.
     */
    public static boolean enabled(RealmModel realm) {
        String value = realm.getAttribute(ENABLED);
        return value != null && "true".equals(value.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Only the realm's time zone: what a sign-in needs, without reading and validating every other setting. A stored
     * zone that is not valid gives the default, as {@link #read} does.
     */
    public static ZoneId zone(RealmModel realm) {
        String value = realm.getAttribute(PREFIX + "timeZone");
        if (value != null && !value.isBlank()) {
            try {
                return ZoneId.of(value.strip());
            } catch (DateTimeException e) {
                // the default below, and GET /config says why
            }
        }
        return AccessSettings.DEFAULTS.zone();
    }

    public static void write(RealmModel realm, AccessSettings s) {
        SettingsFields.values(s)
                .forEach((name, value) -> realm.setAttribute(PREFIX + name, SettingsFields.format(value)));
        realm.removeAttribute(PREFIX + FORMER_EMAIL_LIMIT); // now written under its new name
    }
}
