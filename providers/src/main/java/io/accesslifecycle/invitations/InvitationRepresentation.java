package io.accesslifecycle.invitations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accesslifecycle.outbox.DeliveryStatus;
import java.util.List;

/** An invitation as the API shows it. {@code status}: pending, accepted, revoked, replaced or expired. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvitationRepresentation(
        String id,
        String email,
        String firstName,
        String lastName,
        String status,
        List<String> roles,
        List<String> groups,
        List<String> labels,
        String accessExpiresOn,
        boolean authorisedCaller,
        String message,
        String locale,
        String note,
        String invitedBy,
        String invitedByName,
        String createdAt,
        String expiresAt,
        String acceptedAt,
        String acceptedUserId,
        DeliveryStatus emailDelivery,
        String supportPlan,
        String callerPhone,
        String callerCountry,
        String issuedBy,
        String problem) {}
