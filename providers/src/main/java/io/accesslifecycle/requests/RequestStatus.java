package io.accesslifecycle.requests;

import java.util.Locale;
import java.util.Optional;

/** Where an access request stands, stored by name in {@code ACCESS_REQUEST.STATUS}. */
public enum RequestStatus {
    /** Waiting for an administrator; at most one per user (the database's {@code PENDING_KEY}). */
    PENDING,
    APPROVED,
    REJECTED,
    /** Its person left (offboarding, deletion) before anyone decided. */
    WITHDRAWN;

    /** The name the API uses: {@code pending}, {@code approved}... */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status an API filter names, whatever its case; empty when it names none. */
    public static Optional<RequestStatus> fromApi(String value) {
        for (RequestStatus s : values()) {
            if (s.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
