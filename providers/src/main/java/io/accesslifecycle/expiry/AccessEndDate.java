package io.accesslifecycle.expiry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.accesslifecycle.common.InputException;

/** The {@code accessExpiresOn} user attribute: an ISO date ({@code YYYY-MM-DD}) from which access stops. */
public final class AccessEndDate {

    public static final String ATTRIBUTE = "accessExpiresOn";

    private AccessEndDate() {
    }

    /** Parses an end date given as input; {@code null} or blank means no end date. */
    public static LocalDate parse(String field, String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InputException(field, "must be a date written YYYY-MM-DD (got '" + value + "')");
        }
        if (date.isBefore(today)) {
            throw new InputException(field, "must not be in the past (today is " + today + ")");
        }
        return date;
    }
}
