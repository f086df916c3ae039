package io.accesslifecycle.settings;

import io.accesslifecycle.common.InputException;
import io.accesslifecycle.usernames.UsernamePattern;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.Time;

/**
 * A realm's Access Lifecycle settings. Every instance is valid: the compact constructor checks each field and names
 * the first one that is wrong.
 * <p>
 * Adding a setting: a component here, its default in {@link #DEFAULTS}, its check in the constructor, and the same
 * name in {@link AccessSettingsUpdate}. {@link AccessSettingsStore} reads, validates and writes every component by
 * its name (realm attribute {@code accessLifecycle.<name>}) without further code.
 */
public record AccessSettings(
        boolean enabled,
        int invitationLifespanDays,
        int expiryGraceDays,
        List<Integer> expiryReminderDays,
        int passwordReminderDays,
        List<String> usernamePatterns,
        int usernameMaxLength,
        Map<String, Integer> authorisedCallerLimit,
        Map<String, List<String>> callerRequiredFields,
        boolean notifyAdminsOnPermissionChange,
        boolean allowInvitationToOtherEmail,
        int auditRetentionDays,
        String timeZone,
        int emailsPerAdminPerHour,
        int outboxRetentionDays,
        int decidedInvitationRetentionDays,
        int decidedRequestRetentionDays,
        int emailsPerRealmPerHour,
        int accessRequestsPerUserPerDay) {

    /** The contact fields an authorised caller may be required to have. */
    public static final List<String> CALLER_FIELDS = List.of("callerPhone", "callerCountry");

    public static final List<String> DEFAULT_USERNAME_PATTERNS =
            List.of("{initials}{last}", "{initials}{last}{counter}");

    /** Where nothing is stored: {@code enabled} is false, so a realm that never turned the bundle on keeps Keycloak's behaviour. */
    public static final AccessSettings DEFAULTS = new AccessSettings(
            false, // enabled
            42, // invitationLifespanDays
            30, // expiryGraceDays
            List.of(14, 3), // expiryReminderDays
            14, // passwordReminderDays
            DEFAULT_USERNAME_PATTERNS,
            20, // usernameMaxLength
            Map.of("standard", 2, "premium", 10), // authorisedCallerLimit
            Map.of(
                    "standard",
                    List.of("callerPhone"),
                    "premium",
                    List.of("callerPhone", "callerCountry")), // callerRequiredFields
            true, // notifyAdminsOnPermissionChange
            false, // allowInvitationToOtherEmail
            730, // auditRetentionDays
            "UTC", // timeZone
            2000, // emailsPerAdminPerHour
            30, // outboxRetentionDays
            90, // decidedInvitationRetentionDays
            90, // decidedRequestRetentionDays
            10_000, // emailsPerRealmPerHour
            3 // accessRequestsPerUserPerDay
            );

    public AccessSettings {
        requireRange("invitationLifespanDays", invitationLifespanDays, 1, 365);
        requireRange("expiryGraceDays", expiryGraceDays, 0, 365);
        if (expiryReminderDays == null) {
            throw new InputException("expiryReminderDays", "must be a list of whole numbers of days (may be empty)");
        }
        expiryReminderDays.forEach(d -> requireRange("expiryReminderDays", d == null ? -1 : d, 1, 365));
        expiryReminderDays =
                expiryReminderDays.stream().distinct().sorted((a, b) -> b - a).toList();
        requireRange("passwordReminderDays", passwordReminderDays, 0, 89);
        requireRange("usernameMaxLength", usernameMaxLength, 6, 255);
        requireRange("auditRetentionDays", auditRetentionDays, 1, 36_500);
        requireRange("emailsPerAdminPerHour", emailsPerAdminPerHour, 1, 100_000);
        requireRange("outboxRetentionDays", outboxRetentionDays, 1, 3_650);
        requireRange("decidedInvitationRetentionDays", decidedInvitationRetentionDays, 1, 3_650);
        requireRange("decidedRequestRetentionDays", decidedRequestRetentionDays, 1, 3_650);
        requireRange("emailsPerRealmPerHour", emailsPerRealmPerHour, 1, 1_000_000);
        requireRange("accessRequestsPerUserPerDay", accessRequestsPerUserPerDay, 1, 100);
        if (usernamePatterns == null || usernamePatterns.isEmpty() || usernamePatterns.size() > 10) {
            throw new InputException("usernamePatterns", "must list between 1 and 10 patterns");
        }
        for (String pattern : usernamePatterns) {
            UsernamePattern.parse(pattern); // throws InputException naming usernamePatterns
        }
        usernamePatterns = List.copyOf(usernamePatterns);
        if (authorisedCallerLimit == null || authorisedCallerLimit.isEmpty()) {
            throw new InputException(
                    "authorisedCallerLimit", "must give a limit for each support plan, e.g. {\"standard\": 2}");
        }
        Map<String, Integer> limits = new LinkedHashMap<>();
        authorisedCallerLimit.forEach((plan, limit) -> {
            if (plan == null || !plan.matches("[a-z][a-z0-9-]{0,31}")) {
                throw new InputException(
                        "authorisedCallerLimit",
                        "plan names are lowercase letters, digits and '-' (got '" + plan + "')");
            }
            requireRange("authorisedCallerLimit", limit == null ? -1 : limit, 0, 10_000);
            limits.put(plan, limit);
        });
        authorisedCallerLimit = Map.copyOf(limits);
        if (callerRequiredFields == null) {
            throw new InputException(
                    "callerRequiredFields", "must map support plans to required contact fields (may be empty)");
        }
        for (Map.Entry<String, List<String>> e : callerRequiredFields.entrySet()) {
            if (!limits.containsKey(e.getKey())) {
                throw new InputException(
                        "callerRequiredFields",
                        "unknown support plan '" + e.getKey() + "' (not in authorisedCallerLimit)");
            }
            if (e.getValue() == null || !CALLER_FIELDS.containsAll(e.getValue())) {
                throw new InputException("callerRequiredFields", "fields are among " + CALLER_FIELDS);
            }
        }
        callerRequiredFields = Map.copyOf(callerRequiredFields);
        if (timeZone == null) {
            throw new InputException("timeZone", "is required, e.g. UTC or Europe/Paris");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InputException("timeZone", "is not a known time zone: " + timeZone);
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Today in the realm's time zone, on Keycloak's clock (so the test framework's time offset applies). */
    public LocalDate today() {
        return today(zone());
    }

    /** Today in the given zone, on Keycloak's clock. */
    public static LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(Time.currentTimeMillis()), zone);
    }

    private static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InputException(field, "must be between " + min + " and " + max + " (got " + value + ")");
        }
    }
}
