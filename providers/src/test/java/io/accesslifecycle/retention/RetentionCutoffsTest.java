package io.accesslifecycle.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accesslifecycle.settings.AccessSettings;
import org.junit.jupiter.api.Test;

class RetentionCutoffsTest {

    @Test
    void eachKindOfRowIsKeptForItsOwnNumberOfDays() {
        long now = 1_800_000_000_000L;
        RetentionCutoffs c = RetentionCutoffs.of(AccessSettings.DEFAULTS, now);
        assertEquals(now - 30 * 86_400_000L, c.outboxBefore());
        assertEquals(now - 90 * 86_400_000L, c.invitationsBefore());
        assertEquals(now - 90 * 86_400_000L, c.requestsBefore());
    }
}
