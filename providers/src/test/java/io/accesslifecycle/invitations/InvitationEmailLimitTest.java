package io.accesslifecycle.invitations;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import io.accesslifecycle.common.RateLimitedException;
import org.junit.jupiter.api.Test;

class InvitationEmailLimitTest {

    private static final long NOW = 1_800_000_000_000L;

    /** n emails sent at NOW - 50 min, NOW - 49 min, ... one a minute. */
    private static IntFunction<List<Long>> sentEveryMinuteFrom50MinutesAgo(int sent) {
        return n -> {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < Math.min(n, sent); i++) {
                times.add(NOW - (50 - i) * 60_000L);
            }
            return times;
        };
    }

    private static final IntFunction<List<Long>> NEVER_ASKED = n -> {
        throw new AssertionError("the times are read only when refusing");
    };

    @Test
    void withinTheLimitNothingElseIsRead() {
        assertDoesNotThrow(() -> InvitationEmailLimit.check(10, 0, 10, NOW, NEVER_ASKED));
        assertDoesNotThrow(() -> InvitationEmailLimit.check(10, 9, 1, NOW, NEVER_ASKED));
        assertDoesNotThrow(() -> InvitationEmailLimit.check(10, 10, 0, NOW, NEVER_ASKED));
    }

    @Test
    void overTheLimitSaysHowManyRemainAndWhenEnoughWill() {
        RateLimitedException e = assertThrows(RateLimitedException.class,
                () -> InvitationEmailLimit.check(10, 8, 5, NOW, sentEveryMinuteFrom50MinutesAgo(8)));
        assertEquals("invitees", e.field());
        assertTrue(e.detail().contains("5 invitation emails"), e.detail());
        assertTrue(e.detail().contains("only 2 more"), e.detail());
        // 3 must age out: the third oldest was sent 48 minutes ago, so in 12 minutes
        assertEquals(12 * 60, e.retryAfterSeconds());
        assertTrue(e.detail().contains("(in 720 s)"), e.detail());
    }

    @Test
    void noneLeft() {
        RateLimitedException e = assertThrows(RateLimitedException.class,
                () -> InvitationEmailLimit.check(3, 3, 1, NOW, sentEveryMinuteFrom50MinutesAgo(3)));
        assertTrue(e.detail().contains("no more"), e.detail());
        assertEquals(10 * 60, e.retryAfterSeconds(), "the oldest leaves the hour in 10 minutes");
    }

    @Test
    void aRequestLargerThanTheLimitCanNeverPass() {
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> InvitationEmailLimit.check(5, 0, 6, NOW, NEVER_ASKED));
        assertTrue(e.detail().contains("split the request"), e.detail());
        assertEquals(0, e.retryAfterSeconds());
    }
}
