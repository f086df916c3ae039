package io.accesslifecycle.expiry;

import java.time.LocalDate;

/**
 * A user's access status as administrators see it: {@code active}; {@code expiring} (the end date is within
 * {@value #EXPIRING_DAYS} days); {@code expired-grace} (the end date has passed: access is refused and the
 * account waits for its deletion at the end of the grace period); {@code disabled} (switched off otherwise).
 */
public enum AccessStatus {
    ACTIVE("active"),
    EXPIRING("expiring"),
    EXPIRED_GRACE("expired-grace"),
    DISABLED("disabled");

    public static final int EXPIRING_DAYS = 30;

    private final String value;

    AccessStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static AccessStatus parse(String value) {
        for (AccessStatus s : values()) {
            if (s.value.equals(value)) {
                return s;
            }
        }
        return null;
    }

    public static AccessStatus of(boolean enabled, String accessExpiresOn, LocalDate today) {
        LocalDate end = AccessEndDate.read(accessExpiresOn);
        if (AccessEndDate.hasEnded(end, today)) {
            return EXPIRED_GRACE;
        }
        if (!enabled) {
            return DISABLED;
        }
        if (end != null && !today.plusDays(EXPIRING_DAYS).isBefore(end)) {
            return EXPIRING;
        }
        return ACTIVE;
    }
}
