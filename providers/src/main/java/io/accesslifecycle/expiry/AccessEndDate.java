package io.accesslifecycle.expiry;

import io.accesslifecycle.common.InputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The {@code accessExpiresOn} user attribute: an ISO date ({@code YYYY-MM-DD}). Access stops at the start of that
 * day in the realm's time zone; the account is deleted when the grace period after it has passed.
 */
public final class AccessEndDate {

    public static final String ATTRIBUTE = "accessExpiresOn";
    /**
     * Set by the expiry job on the accounts it stopped: the day it stopped them (the end date when the job ran on
     * time, later when the date was found already past), shown in the admin console.
     */
    public static final String EXPIRED_AT_ATTRIBUTE = "accessExpiredAt";
    /** Set by the expiry job with {@code expired-grace}; removed when access is restored. */
    public static final String STATUS_ATTRIBUTE = "accessStatus";

    private AccessEndDate() {}

    /** Parses an end date given as input; {@code null} or blank means no end date. A past date is refused. */
    public static LocalDate parse(String field, String value, LocalDate today) {
        return parse(field, value, today, null);
    }

    /**
     * As {@link #parse(String, String, LocalDate)}, but the user's current end date is accepted as it is even when it
     * has passed (a user in their grace period keeps it while other parts of their access are edited).
     */
    public static LocalDate parse(String field, String value, LocalDate today, String current) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InputException(field, "must be a date written YYYY-MM-DD (got '" + value + "')");
        }
        if (date.isBefore(today) && !Objects.equals(date, read(current))) {
            throw new InputException(field, "must not be in the past (today is " + today + ")");
        }
        return date;
    }

    /** A stored value as a date; {@code null} when absent or not a date (then it never ends access). */
    public static LocalDate read(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether access has ended by {@code today}: the end date is today or earlier. */
    public static boolean hasEnded(LocalDate end, LocalDate today) {
        return end != null && !today.isBefore(end);
    }

    /**
     * The day the account is deleted: the grace period counted from the day the expiry job stopped the account, never
     * from the end date itself (a date found already far in the past is treated as "ended today"). An account not
     * stopped yet ({@code stoppedOn} null) is stopped today at the earliest, so its deletion is {@code today + grace}.
     */
    public static LocalDate deletionOn(LocalDate stoppedOn, LocalDate today, int graceDays) {
        return (stoppedOn == null ? today : stoppedOn).plusDays(graceDays);
    }

    /** Whether an account that the job stopped on {@code stoppedOn} is due for deletion {@code today}. */
    public static boolean deletionDue(LocalDate stoppedOn, LocalDate today, int graceDays) {
        return stoppedOn != null && !today.isBefore(stoppedOn.plusDays(graceDays));
    }

    /**
     * Which reminder is due when access ends in {@code daysLeft} days: the smallest of the reminder days that is not
     * smaller than {@code daysLeft} (so an end date set 2 days ahead gets the 3-day reminder, not the 14-day one),
     * none when the end is further away than every reminder or has come.
     */
    public static OptionalInt reminderDue(long daysLeft, List<Integer> reminderDays) {
        if (daysLeft < 1) {
            return OptionalInt.empty();
        }
        return reminderDays.stream()
                .mapToInt(Integer::intValue)
                .filter(d -> d >= daysLeft)
                .min();
    }
}
