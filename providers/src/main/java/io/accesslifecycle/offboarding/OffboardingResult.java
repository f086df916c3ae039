package io.accesslifecycle.offboarding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One row per name given, in the order given. */
public record OffboardingResult(String mode, List<Row> results) {

    /** {@code status}: disabled, already-disabled, deleted, unknown or rejected (with the reason). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String username, String status, String userId, String reason) {}
}
