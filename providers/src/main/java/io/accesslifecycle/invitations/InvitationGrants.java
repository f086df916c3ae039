package io.accesslifecycle.invitations;

import java.util.List;

/** What an invitation gives on acceptance, applied exactly as stored (the account's permissions are replaced). */
public record InvitationGrants(List<String> roles, List<String> groups, List<String> labels, String accessExpiresOn,
                               boolean authorisedCaller) {
}
