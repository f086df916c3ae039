package io.accesslifecycle.invitations;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the API shows of an invitation: its stored {@link InvitationStatus}, with a pending one past its end shown as
 * {@code expired}. Each state is defined once, as the stored status and where the end must be ({@link End}); the
 * representation ({@link #of}) and the list's query ({@code InvitationStore.search}) are both made from that.
 */
public enum InvitationState {
    PENDING(InvitationStatus.PENDING, End.AHEAD),
    EXPIRED(InvitationStatus.PENDING, End.PASSED),
    ACCEPTED(InvitationStatus.ACCEPTED, End.ANY),
    REVOKED(InvitationStatus.REVOKED, End.ANY),
    REPLACED(InvitationStatus.REPLACED, End.ANY);

    /** Where the invitation's end ({@code expiresAt}) must be for the state. */
    public enum End {
        AHEAD,
        PASSED,
        ANY
    }

    private final InvitationStatus stored;
    private final End end;

    InvitationState(InvitationStatus stored, End end) {
        this.stored = stored;
        this.end = end;
    }

    public InvitationStatus stored() {
        return stored;
    }

    public End end() {
        return end;
    }

    /** The name the API uses: {@code pending}, {@code expired}... */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The invitation's state at {@code now} (milliseconds). */
    public static InvitationState of(InvitationEntity invitation, long now) {
        boolean passed = invitation.getExpiresAt() <= now;
        for (InvitationState s : values()) {
            if (s.stored == invitation.getStatus() && (s.end == End.ANY || (s.end == End.PASSED) == passed)) {
                return s;
            }
        }
        throw new IllegalStateException("no state for " + invitation.getStatus());
    }

    /** The state the API names {@code name}, if any. */
    public static Optional<InvitationState> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(name)).findFirst();
    }

    /** Every name the API accepts. */
    public static List<String> apiNames() {
        return Arrays.stream(values()).map(InvitationState::apiName).toList();
    }
}
