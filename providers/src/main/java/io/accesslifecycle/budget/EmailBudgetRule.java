package io.accesslifecycle.budget;

import io.accesslifecycle.common.RateLimitedException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rule of the email budget: over any sliding hour, the emails caused by one administrator stay within
 * {@code emailsPerAdminPerHour}, and those caused by all administrators of the realm within
 * {@code emailsPerRealmPerHour}. A call that would pass either is refused whole, saying how many remain and when
 * enough will have aged out of the hour.
 */
public final class EmailBudgetRule {

    public static final long WINDOW_MILLIS = 3_600_000L;

    /** Emails spent at a moment (millis). */
    public record Spent(long at, int emails) {}

    /**
     * One limit: the setting that sets it, how it reads in a sentence, the limit, the emails spent within the hour,
     * and (asked only when refusing) those spendings, oldest first.
     */
    public record Limit(String setting, String scope, int limit, long used, Supplier<List<Spent>> spent) {}

    private EmailBudgetRule() {}

    /** Throws {@link RateLimitedException} (its field is the setting's name) unless {@code wanted} more fit both limits. */
    public static void check(int wanted, long now, Limit... limits) {
        if (wanted <= 0) {
            return;
        }
        for (Limit l : limits) {
            if (l.used() + wanted <= l.limit()) {
                continue;
            }
            long remaining = Math.max(0, l.limit() - l.used());
            String head = (wanted == 1 ? "this would send an email" : "this would send " + wanted + " emails")
                    + " but you may send " + (remaining == 0 ? "no" : "only " + remaining) + " more now: at most "
                    + l.limit()
                    + " " + l.scope() + " per hour (setting " + l.setting() + ")";
            if (wanted > l.limit()) {
                throw new RateLimitedException(l.setting(), head + "; split the request", 0);
            }
            long mustAge = l.used() + wanted - l.limit();
            long availableAt = now + WINDOW_MILLIS;
            long aged = 0;
            for (Spent s : l.spent().get()) {
                aged += s.emails();
                if (aged >= mustAge) {
                    availableAt = s.at() + WINDOW_MILLIS;
                    break;
                }
            }
            long seconds = Math.max(1, (availableAt - now + 999) / 1000);
            throw new RateLimitedException(
                    l.setting(),
                    head + "; " + wanted + " will be available at " + Instant.ofEpochMilli(availableAt) + " (in "
                            + seconds + " s)",
                    seconds);
        }
    }
}
