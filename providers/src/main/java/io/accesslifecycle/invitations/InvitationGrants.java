package io.accesslifecycle.invitations;

import java.util.List;

/**
 * What an invitation gives on acceptance, applied exactly as stored (the account's permissions are replaced). Roles
 * and groups are kept by id ({@code roleIds}, {@code groupIds}), so that a rename does not point the invitation at
 * another role; {@code roles} and {@code groups} are their references when issued, for the email and for rows stored
 * before ids were kept. The caller designation carries its plan and contact fields.
 */
public record InvitationGrants(
        List<String> roles,
        List<String> groups,
        List<String> labels,
        String accessExpiresOn,
        boolean authorisedCaller,
        List<String> roleIds,
        List<String> groupIds,
        String supportPlan,
        String callerPhone,
        String callerCountry) {}
