package io.accesslifecycle.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A user in a list: who, their status (active, expiring, expired-grace, disabled), labels, end date, caller, and for
 * an account in its grace period the day it will be deleted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserSummary(
        String id,
        String username,
        String email,
        String firstName,
        String lastName,
        boolean enabled,
        String status,
        List<String> labels,
        String accessExpiresOn,
        boolean authorisedCaller,
        String deletionOn) {}
