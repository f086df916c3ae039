package io.accesslifecycle.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.common.InputException;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AccessEndDateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void accessEndsAtTheStartOfTheEndDate() {
        assertFalse(AccessEndDate.hasEnded(TODAY.plusDays(1), TODAY));
        assertTrue(AccessEndDate.hasEnded(TODAY, TODAY));
        assertTrue(AccessEndDate.hasEnded(TODAY.minusDays(3), TODAY));
        assertFalse(AccessEndDate.hasEnded(null, TODAY));
    }

    @Test
    void theAccountIsDeletedAFullGraceAfterTheJobStoppedIt() {
        assertEquals(LocalDate.of(2026, 12, 23), AccessEndDate.deletionOn(TODAY, TODAY, 30));
        assertEquals(
                LocalDate.of(2026, 12, 23),
                AccessEndDate.deletionOn(TODAY, TODAY.plusDays(29), 30),
                "counted from the stop, not from today");
        assertEquals(
                LocalDate.of(2026, 12, 23),
                AccessEndDate.deletionOn(null, TODAY, 30),
                "not stopped yet: a date found far in the past counts as ended today");
    }

    @Test
    void onlyAStoppedAccountIsEverDueForDeletion() {
        assertFalse(
                AccessEndDate.deletionDue(null, TODAY.plusDays(400), 30), "never stopped by the job: never deleted");
        assertFalse(AccessEndDate.deletionDue(TODAY, TODAY.plusDays(29), 30));
        assertTrue(AccessEndDate.deletionDue(TODAY, TODAY.plusDays(30), 30));
        assertTrue(
                AccessEndDate.deletionDue(TODAY, TODAY.plusDays(45), 30), "a late job deletes once the grace is over");
    }

    @Test
    void theSmallestReminderNotBelowTheDaysLeftIsDue() {
        List<Integer> days = List.of(14, 3);
        assertEquals(OptionalInt.empty(), AccessEndDate.reminderDue(15, days));
        assertEquals(OptionalInt.of(14), AccessEndDate.reminderDue(14, days));
        assertEquals(OptionalInt.of(14), AccessEndDate.reminderDue(4, days));
        assertEquals(OptionalInt.of(3), AccessEndDate.reminderDue(3, days));
        assertEquals(
                OptionalInt.of(3),
                AccessEndDate.reminderDue(1, days),
                "a date set 1 day ahead gets the 3-day reminder only");
        assertEquals(OptionalInt.empty(), AccessEndDate.reminderDue(0, days), "on the day: the expiry, not a reminder");
        assertEquals(OptionalInt.empty(), AccessEndDate.reminderDue(5, List.of()));
    }

    @Test
    void pastDatesAreRefusedUnlessTheyAreTheCurrentOne() {
        InputException e =
                assertThrows(InputException.class, () -> AccessEndDate.parse("accessExpiresOn", "2026-11-01", TODAY));
        assertEquals("accessExpiresOn", e.field());
        assertEquals(
                LocalDate.of(2026, 11, 1), AccessEndDate.parse("accessExpiresOn", "2026-11-01", TODAY, "2026-11-01"));
        assertThrows(
                InputException.class, () -> AccessEndDate.parse("accessExpiresOn", "2026-11-02", TODAY, "2026-11-01"));
        assertThrows(InputException.class, () -> AccessEndDate.parse("accessExpiresOn", "23/11/2026", TODAY));
        assertNull(AccessEndDate.parse("accessExpiresOn", " ", TODAY));
        assertEquals(TODAY, AccessEndDate.parse("accessExpiresOn", "2026-11-23", TODAY));
    }

    @Test
    void storedValuesThatAreNotDatesNeverEndAccess() {
        assertNull(AccessEndDate.read("soon"));
        assertNull(AccessEndDate.read(null));
        assertEquals(TODAY, AccessEndDate.read(" 2026-11-23 "));
    }
}
