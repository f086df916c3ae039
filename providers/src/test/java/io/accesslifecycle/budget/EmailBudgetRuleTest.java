package io.accesslifecycle.budget;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.common.RateLimitedException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EmailBudgetRuleTest {

    private static final long NOW = 1_800_000_000_000L;

    /** n emails sent at NOW - 50 min, NOW - 49 min, ... one a minute. */
    private static Supplier<List<EmailBudgetRule.Spent>> everyMinuteFrom50MinutesAgo(int sent) {
        return () -> {
            List<EmailBudgetRule.Spent> spent = new ArrayList<>();
            for (int i = 0; i < sent; i++) {
                spent.add(new EmailBudgetRule.Spent(NOW - (50 - i) * 60_000L, 1));
            }
            return spent;
        };
    }

    private static final Supplier<List<EmailBudgetRule.Spent>> NEVER_ASKED = () -> {
        throw new AssertionError("the spendings are read only when refusing");
    };

    private static EmailBudgetRule.Limit admin(int limit, long used, Supplier<List<EmailBudgetRule.Spent>> spent) {
        return new EmailBudgetRule.Limit("emailsPerAdminPerHour", "per administrator", limit, used, spent);
    }

    private static EmailBudgetRule.Limit realm(int limit, long used, Supplier<List<EmailBudgetRule.Spent>> spent) {
        return new EmailBudgetRule.Limit(
                "emailsPerRealmPerHour", "for all administrators of the realm together", limit, used, spent);
    }

    @Test
    void withinBothLimitsNothingElseIsRead() {
        assertDoesNotThrow(
                () -> EmailBudgetRule.check(10, NOW, admin(10, 0, NEVER_ASKED), realm(100, 90, NEVER_ASKED)));
        assertDoesNotThrow(() -> EmailBudgetRule.check(1, NOW, admin(10, 9, NEVER_ASKED), realm(100, 0, NEVER_ASKED)));
        assertDoesNotThrow(() -> EmailBudgetRule.check(0, NOW, admin(10, 10, NEVER_ASKED), realm(10, 10, NEVER_ASKED)));
    }

    @Test
    void overTheAdministratorsLimitSaysHowManyRemainAndWhenEnoughWill() {
        RateLimitedException e = assertThrows(
                RateLimitedException.class,
                () -> EmailBudgetRule.check(
                        5, NOW, admin(10, 8, everyMinuteFrom50MinutesAgo(8)), realm(100, 8, NEVER_ASKED)));
        assertEquals("emailsPerAdminPerHour", e.field());
        assertTrue(e.detail().contains("5 emails"), e.detail());
        assertTrue(e.detail().contains("only 2 more"), e.detail());
        // 3 must age out: the third oldest was sent 48 minutes ago, so in 12 minutes
        assertEquals(12 * 60, e.retryAfterSeconds());
        assertTrue(e.detail().contains("(in 720 s)"), e.detail());
    }

    @Test
    void spendingsOfSeveralEmailsAgeTogether() {
        Supplier<List<EmailBudgetRule.Spent>> two = () -> List.of(
                new EmailBudgetRule.Spent(NOW - 55 * 60_000L, 4), new EmailBudgetRule.Spent(NOW - 30 * 60_000L, 6));
        RateLimitedException e =
                assertThrows(RateLimitedException.class, () -> EmailBudgetRule.check(5, NOW, admin(10, 10, two)));
        assertEquals(
                30 * 60,
                e.retryAfterSeconds(),
                "5 must age: the first 4 are not enough, the next 6 leave in 30 minutes");
    }

    @Test
    void theRealmCeilingStopsAFreshAdministrator() {
        RateLimitedException e = assertThrows(
                RateLimitedException.class,
                () -> EmailBudgetRule.check(
                        1, NOW, admin(2000, 0, NEVER_ASKED), realm(3, 3, everyMinuteFrom50MinutesAgo(3))));
        assertEquals("emailsPerRealmPerHour", e.field());
        assertTrue(e.detail().contains("no more"), e.detail());
        assertEquals(10 * 60, e.retryAfterSeconds(), "the oldest leaves the hour in 10 minutes");
    }

    @Test
    void aRequestLargerThanTheLimitCanNeverPass() {
        RateLimitedException e =
                assertThrows(RateLimitedException.class, () -> EmailBudgetRule.check(6, NOW, admin(5, 0, NEVER_ASKED)));
        assertTrue(e.detail().contains("split the request"), e.detail());
        assertEquals(0, e.retryAfterSeconds());
    }
}
