package io.accesslifecycle.common;

/**
 * A limit on how much a caller may do in a period was reached: answered 429 with {@code Retry-After}. Thrown by
 * plain rule classes; resources turn it into the API's JSON error.
 */
public class RateLimitedException extends RuntimeException {

    private final String field;
    private final long retryAfterSeconds;

    public RateLimitedException(String field, String detail, long retryAfterSeconds) {
        super(detail);
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return getMessage();
    }

    /** When trying again may succeed, in seconds from now; 0 when waiting alone will not help. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
