package io.accesslifecycle.outbox;

import java.util.Locale;

/** How a queued email fares, stored by name in {@code ACCESS_OUTBOX.STATUS}. */
public enum OutboxStatus {
    /** Waiting for its (next) attempt at {@code nextAttemptAt}. */
    QUEUED,
    SENT,
    /** Given up after the last attempt; {@code lastError} says why. */
    FAILED;

    /** The name the API uses: {@code queued}, {@code sent}, {@code failed}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
