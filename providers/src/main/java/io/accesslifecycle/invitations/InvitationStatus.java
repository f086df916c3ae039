package io.accesslifecycle.invitations;

import java.util.Locale;

/**
 * What became of an invitation, stored by name in {@code ACCESS_INVITATION.STATUS}. "Expired" is not stored: it is a
 * {@link #PENDING} invitation past its end, told apart when read ({@link InvitationState}).
 */
public enum InvitationStatus {
    /** Its link works until {@code expiresAt}. */
    PENDING,
    /** Used: the account got its access. */
    ACCEPTED,
    /** Revoked by an administrator, or withdrawn when its person left. */
    REVOKED,
    /** A newer invitation to the same address took its place. */
    REPLACED;

    /** The name the API uses: {@code pending}, {@code accepted}... */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
