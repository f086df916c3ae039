package io.accesslifecycle.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A user's access in one document: what {@code GET} answers and {@code PUT} replaces. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserAccess(
        String id,
        String username,
        String email,
        List<String> roles,
        List<String> groups,
        List<String> labels,
        String accessExpiresOn,
        boolean authorisedCaller,
        String supportPlan,
        String callerPhone,
        String callerCountry) {}
