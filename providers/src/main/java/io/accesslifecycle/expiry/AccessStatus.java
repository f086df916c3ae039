package io.accesslifecycle.expiry;

import java.time.LocalDate;

/**
 * A user's access status as administrators see it: {@code active}; {@code expiring} (the end date is within
 * {@value #EXPIRING_DAYS} days); {@code expired-grace} (the end date has passed: access is refused and the account
 * waits for its deletion at the end of the grace period); {@code disabled} (switched off otherwise).
 *
 * <p>Each status is defined once, as conditions on three facts of the account ({@link Condition}): whether it is
 * enabled, whether its end date has come ({@code ended}: on or before today) and whether it comes within
 * {@value #EXPIRING_DAYS} days ({@code endsSoon}). {@link #of} reads a user's status from them, and the users list's
 * database query ({@code UserListStore}) writes the same conditions in SQL, so the two cannot disagree. The statuses
 * exclude each other and cover every account.
 */
public enum AccessStatus {
    EXPIRED_GRACE("expired-grace", Condition.ANY, Condition.YES, Condition.ANY),
    DISABLED("disabled", Condition.NO, Condition.NO, Condition.ANY),
    EXPIRING("expiring", Condition.YES, Condition.NO, Condition.YES),
    ACTIVE("active", Condition.YES, Condition.ANY, Condition.NO);

    public static final int EXPIRING_DAYS = 30;

    /** What a status requires of one fact. */
    public enum Condition {
        YES,
        NO,
        ANY;

        boolean admits(boolean fact) {
            return this == ANY || fact == (this == YES);
        }
    }

    private final String value;
    private final Condition enabled;
    private final Condition ended;
    private final Condition endsSoon;

    AccessStatus(String value, Condition enabled, Condition ended, Condition endsSoon) {
        this.value = value;
        this.enabled = enabled;
        this.ended = ended;
        this.endsSoon = endsSoon;
    }

    public String value() {
        return value;
    }

    /** Whether the account is enabled. */
    public Condition enabled() {
        return enabled;
    }

    /** Whether the end date is on or before today. */
    public Condition ended() {
        return ended;
    }

    /** Whether the end date is on or before today plus {@value #EXPIRING_DAYS} days. */
    public Condition endsSoon() {
        return endsSoon;
    }

    /** The day from which an end date counts as {@code endsSoon}. */
    public static LocalDate soon(LocalDate today) {
        return today.plusDays(EXPIRING_DAYS);
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
        return of(enabled, AccessEndDate.hasEnded(end, today), AccessEndDate.hasEnded(end, soon(today)));
    }

    static AccessStatus of(boolean isEnabled, boolean hasEnded, boolean endsWithinDays) {
        for (AccessStatus s : values()) {
            if (s.enabled.admits(isEnabled) && s.ended.admits(hasEnded) && s.endsSoon.admits(endsWithinDays)) {
                return s;
            }
        }
        throw new IllegalStateException("no status for " + isEnabled + ", " + hasEnded + ", " + endsWithinDays);
    }
}
