package io.accesslifecycle.invitations;

import java.util.List;

/**
 * A change to a pending invitation, applied when it is accepted. Fields left out keep their value;
 * {@code notifyInvitee} (default true) emails the invitee the updated invitation, with the same link.
 */
public record InvitationUpdate(
        String firstName,
        String lastName,
        List<String> roles,
        List<String> groups,
        List<String> labels,
        String accessExpiresOn,
        Boolean authorisedCaller,
        String message,
        String locale,
        String note,
        Boolean notifyInvitee,
        String supportPlan,
        String callerPhone,
        String callerCountry) {}
