package io.accesslifecycle.invitations;

import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;

import io.accesslifecycle.common.RateLimitedException;

/**
 * The rule of setting {@code invitationEmailsPerAdminPerHour}: over any sliding hour, one administrator may cause at
 * most that many invitation emails (invitations, resends, edits that notify). A request that would pass it is
 * refused whole, saying how many remain and when enough will have.
 */
final class InvitationEmailLimit {

    static final long WINDOW_MILLIS = 3_600_000L;

    private InvitationEmailLimit() {
    }

    /**
     * Refuses {@code wanted} more emails when {@code used} were sent within the hour before {@code now} and the limit
     * is {@code limit}. {@code oldest.apply(n)} gives the times (millis) of the n oldest of those, oldest first: it
     * is asked only when refusing.
     */
    static void check(int limit, long used, int wanted, long now, IntFunction<List<Long>> oldest) {
        if (wanted <= 0 || used + wanted <= limit) {
            return;
        }
        long remaining = Math.max(0, limit - used);
        String head = (wanted == 1 ? "this would send an invitation email" : "this request would send " + wanted + " invitation emails")
                + " but you may send " + (remaining == 0 ? "no" : "only " + remaining) + " more now: at most " + limit
                + " per administrator per hour (setting invitationEmailsPerAdminPerHour)";
        if (wanted > limit) {
            throw new RateLimitedException("invitees", head + "; split the request", 0);
        }
        int mustAge = (int) (used + wanted - limit);
        List<Long> times = oldest.apply(mustAge);
        long availableAt = (times.size() < mustAge ? now : times.get(mustAge - 1)) + WINDOW_MILLIS;
        long seconds = Math.max(1, (availableAt - now + 999) / 1000);
        throw new RateLimitedException("invitees", head + "; " + wanted + " will be available at "
                + Instant.ofEpochMilli(availableAt) + " (in " + seconds + " s)", seconds);
    }
}
