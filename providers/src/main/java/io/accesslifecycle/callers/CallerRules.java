package io.accesslifecycle.callers;

import io.accesslifecycle.common.InputException;
import io.accesslifecycle.settings.AccessSettings;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of a caller designation: a known support plan, the contact fields that plan requires (setting
 * {@code callerRequiredFields}), a phone number and an ISO country code when given.
 */
public final class CallerRules {

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{6,20}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    private CallerRules() {}

    /** The designation cleaned and checked; a non-caller keeps no caller fields. */
    public static CallerDesignation check(CallerDesignation d, AccessSettings settings) {
        if (d == null || !d.authorisedCaller()) {
            return CallerDesignation.NONE;
        }
        String plan = blank(d.supportPlan());
        if (plan == null) {
            throw new InputException(
                    "supportPlan",
                    "is required for an authorised caller: one of "
                            + settings.authorisedCallerLimit().keySet());
        }
        if (!settings.authorisedCallerLimit().containsKey(plan)) {
            throw new InputException(
                    "supportPlan",
                    "unknown plan '" + plan + "': one of "
                            + settings.authorisedCallerLimit().keySet());
        }
        String phone = blank(d.callerPhone());
        String country = blank(d.callerCountry()) == null
                ? null
                : d.callerCountry().strip().toUpperCase(Locale.ROOT);
        List<String> required = settings.callerRequiredFields().getOrDefault(plan, List.of());
        if (required.contains(CallerDesignation.PHONE) && phone == null) {
            throw new InputException(CallerDesignation.PHONE, "is required for a caller on the " + plan + " plan");
        }
        if (required.contains(CallerDesignation.COUNTRY) && country == null) {
            throw new InputException(CallerDesignation.COUNTRY, "is required for a caller on the " + plan + " plan");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InputException(CallerDesignation.PHONE, "must be a phone number such as +33 1 23 45 67 89");
        }
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw new InputException(CallerDesignation.COUNTRY, "must be a two-letter ISO country code such as FR");
        }
        return new CallerDesignation(true, plan, phone, country);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
