package io.accesslifecycle.invitations;

import java.util.List;

/** A bulk invitation: up to 1000 invitees, all given the same permissions, labels, end date and message. */
public record InviteRequest(
        List<Invitee> invitees,
        List<String> roles,
        List<String> groups,
        List<String> labels,
        String accessExpiresOn,
        Boolean authorisedCaller,
        String message,
        String locale,
        String note,
        String supportPlan,
        String callerPhone,
        String callerCountry) {}
