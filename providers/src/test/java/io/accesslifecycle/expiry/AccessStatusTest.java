package io.accesslifecycle.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AccessStatusTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void everyAccountHasExactlyOneStatus() {
        for (boolean enabled : new boolean[] {true, false}) {
            for (boolean ended : new boolean[] {true, false}) {
                for (boolean soon : new boolean[] {true, false}) {
                    if (ended && !soon) {
                        continue; // an end date that has come is also within the coming days
                    }
                    long matching = java.util.Arrays.stream(AccessStatus.values())
                            .filter(s -> s.enabled().admits(enabled)
                                    && s.ended().admits(ended)
                                    && s.endsSoon().admits(soon))
                            .count();
                    assertEquals(1, matching, enabled + " " + ended + " " + soon);
                }
            }
        }
    }

    @Test
    void statusesAsAdministratorsSeeThem() {
        assertEquals(AccessStatus.ACTIVE, AccessStatus.of(true, null, TODAY));
        assertEquals(AccessStatus.ACTIVE, AccessStatus.of(true, "2027-01-02", TODAY));
        assertEquals(AccessStatus.EXPIRING, AccessStatus.of(true, "2027-01-01", TODAY));
        assertEquals(AccessStatus.EXPIRING, AccessStatus.of(true, "2026-12-03", TODAY));
        assertEquals(AccessStatus.EXPIRED_GRACE, AccessStatus.of(true, "2026-12-02", TODAY));
        assertEquals(AccessStatus.EXPIRED_GRACE, AccessStatus.of(false, "2026-11-02", TODAY));
        assertEquals(AccessStatus.DISABLED, AccessStatus.of(false, null, TODAY));
        assertEquals(AccessStatus.DISABLED, AccessStatus.of(false, "2026-12-20", TODAY));
    }
}
