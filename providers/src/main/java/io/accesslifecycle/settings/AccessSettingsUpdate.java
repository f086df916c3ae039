package io.accesslifecycle.settings;

import java.util.List;
import java.util.Map;

/** A change of settings: fields left out (or null) keep their current value. */
public record AccessSettingsUpdate(
        Integer invitationLifespanDays,
        Integer expiryGraceDays,
        List<Integer> expiryReminderDays,
        Integer passwordReminderDays,
        List<String> usernamePatterns,
        Integer usernameMaxLength,
        Map<String, Integer> authorisedCallerLimit,
        Map<String, List<String>> callerRequiredFields,
        Boolean notifyAdminsOnPermissionChange,
        Boolean allowInvitationToOtherEmail,
        Integer auditRetentionDays,
        String timeZone,
        Integer emailsPerAdminPerHour,
        Integer emailsPerRealmPerHour,
        Integer accessRequestsPerUserPerDay,
        /** The former name of emailsPerAdminPerHour, still accepted; the new name wins when both are given. */
        Integer invitationEmailsPerAdminPerHour) {

    /** The current settings with this change applied; throws when the result is not valid. */
    public AccessSettings applyTo(AccessSettings c) {
        return new AccessSettings(
                or(invitationLifespanDays, c.invitationLifespanDays()),
                or(expiryGraceDays, c.expiryGraceDays()),
                or(expiryReminderDays, c.expiryReminderDays()),
                or(passwordReminderDays, c.passwordReminderDays()),
                or(usernamePatterns, c.usernamePatterns()),
                or(usernameMaxLength, c.usernameMaxLength()),
                or(authorisedCallerLimit, c.authorisedCallerLimit()),
                or(callerRequiredFields, c.callerRequiredFields()),
                or(notifyAdminsOnPermissionChange, c.notifyAdminsOnPermissionChange()),
                or(allowInvitationToOtherEmail, c.allowInvitationToOtherEmail()),
                or(auditRetentionDays, c.auditRetentionDays()),
                or(timeZone, c.timeZone()),
                or(emailsPerAdminPerHour, or(invitationEmailsPerAdminPerHour, c.emailsPerAdminPerHour())),
                or(emailsPerRealmPerHour, c.emailsPerRealmPerHour()),
                or(accessRequestsPerUserPerDay, c.accessRequestsPerUserPerDay()));
    }

    private static <T> T or(T value, T current) {
        return value != null ? value : current;
    }
}
