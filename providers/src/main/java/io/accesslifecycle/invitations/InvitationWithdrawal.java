package io.accesslifecycle.invitations;

import io.accesslifecycle.audit.AuditLog;
import java.util.List;
import java.util.Locale;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Withdraws a leaver's pending invitations (those to their email address), in the caller's transaction: each becomes
 * {@code revoked}, so its link shows the "withdrawn" page and grants nothing, and each is audited.
 */
public final class InvitationWithdrawal {

    private final KeycloakSession session;
    private final RealmModel realm;

    public InvitationWithdrawal(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** How many pending invitations of the user were withdrawn; {@code actor} is null for a job. */
    public int withdrawPendingOf(UserModel user, UserModel actor, String why) {
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            return 0;
        }
        List<InvitationEntity> pending = new InvitationStore(session, realm)
                .pendingFor(user.getEmail().strip().toLowerCase(Locale.ROOT));
        AuditLog audit = new AuditLog(session);
        for (InvitationEntity invitation : pending) {
            invitation.setStatus(InvitationStatus.REVOKED);
            invitation.setEndedAt(Time.currentTimeMillis());
            audit.record(
                    realm,
                    AuditLog.Type.INVITATION_REVOKED,
                    actor,
                    invitation.getId(),
                    invitation.getEmail(),
                    null,
                    null,
                    "withdrawn: " + why);
        }
        return pending.size();
    }
}
