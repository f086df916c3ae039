package io.accesslifecycle.requests;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An access request as administrators see it. {@code status}: pending, approved, rejected, withdrawn (the person left). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessRequestRepresentation(
        String id,
        String userId,
        String username,
        String email,
        String justification,
        String status,
        String createdAt,
        String decidedAt,
        String decidedBy,
        String reason) {}
