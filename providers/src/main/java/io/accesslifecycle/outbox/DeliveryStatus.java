package io.accesslifecycle.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How the email of an invitation fares: {@code queued}, {@code sent} or {@code failed}, with the last error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryStatus(String status, int attempts, String lastError, Long sentAt) {

    static DeliveryStatus of(OutboxMessageEntity m) {
        return new DeliveryStatus(m.getStatus().apiName(), m.getAttempts(), m.getLastError(), m.getSentAt());
    }
}
