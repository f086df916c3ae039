package io.accesslifecycle.requests;

import java.util.List;

/**
 * An administrator's decision. Approve: the access to give (as {@code PUT /users/{id}/access}: it replaces the
 * user's access) and a note; the user is emailed unless {@code notifyUser} is false. Reject: the reason, emailed.
 */
public record Decision(
        List<String> roles,
        List<String> groups,
        List<String> labels,
        String accessExpiresOn,
        Boolean notifyUser,
        String note,
        String reason) {}
