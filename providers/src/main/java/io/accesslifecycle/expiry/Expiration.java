package io.accesslifecycle.expiry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A user whose access ends soon ({@code expiring}) or has ended and awaits deletion ({@code expired-grace}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Expiration(
        String id,
        String username,
        String email,
        String firstName,
        String lastName,
        boolean enabled,
        String status,
        String accessExpiresOn,
        String deletionOn,
        List<String> labels) {}
