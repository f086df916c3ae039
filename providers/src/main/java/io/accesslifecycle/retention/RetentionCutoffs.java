package io.accesslifecycle.retention;

import io.accesslifecycle.settings.AccessSettings;

/**
 * Until when (in epoch millis) a realm keeps personal data that has served its purpose: rows that became final
 * before a cut-off are deleted. Sent and failed emails count from when they were queued, accepted invitations
 * from their acceptance, revoked or replaced ones from that end, expired ones from their expiry, and decided
 * requests from their decision.
 */
public record RetentionCutoffs(long outboxBefore, long invitationsBefore, long requestsBefore) {

    static final long DAY = 86_400_000L;

    public static RetentionCutoffs of(AccessSettings settings, long now) {
        return new RetentionCutoffs(
                now - settings.outboxRetentionDays() * DAY,
                now - settings.decidedInvitationRetentionDays() * DAY,
                now - settings.decidedRequestRetentionDays() * DAY);
    }
}
