package io.accesslifecycle.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accesslifecycle.callers.CallerDesignation;
import io.accesslifecycle.expiry.AccessEndDate;
import io.accesslifecycle.expiry.AccessStatus;
import io.accesslifecycle.labels.Labels;
import java.time.LocalDate;
import java.util.List;
import org.keycloak.models.UserModel;

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
        String deletionOn) {

    /** The user as the list shows them: the one place the list's columns are read from the account. */
    static UserSummary of(UserModel u, AccessStatus status, LocalDate deletionOn) {
        return new UserSummary(
                u.getId(),
                u.getUsername(),
                u.getEmail(),
                u.getFirstName(),
                u.getLastName(),
                u.isEnabled(),
                status.value(),
                u.getAttributeStream(Labels.ATTRIBUTE).toList(),
                u.getFirstAttribute(AccessEndDate.ATTRIBUTE),
                "true".equals(u.getFirstAttribute(CallerDesignation.ATTRIBUTE)),
                deletionOn == null ? null : deletionOn.toString());
    }
}
