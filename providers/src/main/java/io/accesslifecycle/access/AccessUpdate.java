package io.accesslifecycle.access;

import java.util.List;

/**
 * The new access of a user; it replaces the current one (a field left out means none). {@code notifyUser} emails
 * the user what they now have; {@code note} is kept in the audit log and shown to the administrators notified.
 */
public record AccessUpdate(
        List<String> roles,
        List<String> groups,
        List<String> labels,
        String accessExpiresOn,
        Boolean authorisedCaller,
        String supportPlan,
        String callerPhone,
        String callerCountry,
        Boolean notifyUser,
        String note) {}
