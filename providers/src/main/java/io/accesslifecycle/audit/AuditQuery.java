package io.accesslifecycle.audit;

import io.accesslifecycle.common.InputException;
import io.accesslifecycle.common.Inputs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Validated filters of the audit log: dates ({@code 2026-11-23}, the day's start in the realm's zone) or instants. */
public record AuditQuery(String target, String actor, String type, Long from, Long to, int first, int max) {

    public static AuditQuery of(
            String target, String actor, String type, String from, String to, Integer first, Integer max, ZoneId zone) {
        if (type != null
                && !type.isBlank()
                && Arrays.stream(AuditLog.Type.values())
                        .noneMatch(t -> t.name().equals(type.strip().toUpperCase(Locale.ROOT)))) {
            throw new InputException("type", "one of " + List.of(AuditLog.Type.values()));
        }
        Inputs.Page page = Inputs.page(first, max, 100, 10_000);
        return new AuditQuery(
                blank(target),
                blank(actor),
                blank(type),
                time("from", from, zone),
                time("to", to, zone),
                page.first(),
                page.max());
    }

    private static Long time(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(zone).toInstant().toEpochMilli()
                    : Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new InputException(field, "must be a date (YYYY-MM-DD) or an instant (2026-11-23T10:00:00Z)");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
