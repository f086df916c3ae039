package io.accesslifecycle.settings;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/** A change of settings: fields left out (or null) keep their current value. */
public record AccessSettingsUpdate(
        Boolean enabled,
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
        Integer outboxRetentionDays,
        Integer decidedInvitationRetentionDays,
        Integer decidedRequestRetentionDays,
        Integer emailsPerRealmPerHour,
        Integer accessRequestsPerUserPerDay,
        /** The former name of emailsPerAdminPerHour, still accepted; the new name wins when both are given. */
        Integer invitationEmailsPerAdminPerHour) {

    /**
     * The current settings with this change applied; throws when the result is not valid. Each component of
     * {@link AccessSettings} takes the value of the component of the same name here when it is given.
     */
    public AccessSettings applyTo(AccessSettings current) {
        Map<String, Object> values = SettingsFields.values(current);
        for (RecordComponent c : AccessSettingsUpdate.class.getRecordComponents()) {
            Object value = SettingsFields.get(c, this);
            if (value != null) {
                values.put(c.getName(), value);
            }
        }
        if (emailsPerAdminPerHour == null && invitationEmailsPerAdminPerHour != null) {
            values.put("emailsPerAdminPerHour", invitationEmailsPerAdminPerHour);
        }
        return SettingsFields.settings(values);
    }
}
