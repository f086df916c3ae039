package io.accesslifecycle.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/** An audit entry as the API shows it; {@code before} and {@code after} are JSON documents (or absent). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRecord(
        String id,
        String time,
        String type,
        String actorId,
        String actorName,
        String targetId,
        String targetName,
        @JsonRawValue String before,
        @JsonRawValue String after,
        String note) {}
