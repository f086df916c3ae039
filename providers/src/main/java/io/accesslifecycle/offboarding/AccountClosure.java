package io.accesslifecycle.offboarding;

import io.accesslifecycle.invitations.InvitationWithdrawal;
import io.accesslifecycle.requests.AccessRequests;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * Stopping an account, shared by the expiry job and offboarding. Disabling alone leaves a user's sessions alive,
 * so both end them: browser sessions, offline sessions (offline tokens), and every token issued before now.
 */
public final class AccountClosure {

    private AccountClosure() {}

    public static void disable(KeycloakSession session, RealmModel realm, UserModel user) {
        user.setEnabled(false);
        endSessions(session, realm, user);
    }

    /**
     * A leaver stays out: their pending invitations (to their address) are withdrawn, so an old link cannot bring them
     * back, and their pending access request is withdrawn; in the caller's transaction. {@code actor} null for a job.
     */
    public static void withdrawPending(
            KeycloakSession session, RealmModel realm, UserModel user, UserModel actor, String why) {
        new InvitationWithdrawal(session, realm).withdrawPendingOf(user, actor, why);
        new AccessRequests(session, realm).withdrawPendingOf(user, actor, why);
    }

    public static void endSessions(KeycloakSession session, RealmModel realm, UserModel user) {
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        List<UserSessionModel> online =
                session.sessions().getUserSessionsStream(realm, user).toList();
        online.forEach(s -> session.sessions().removeUserSession(realm, s));
        List<UserSessionModel> offline =
                session.sessions().getOfflineUserSessionsStream(realm, user).toList();
        offline.forEach(s -> session.sessions().removeOfflineUserSession(realm, s));
    }

    public static void delete(KeycloakSession session, RealmModel realm, UserModel user) {
        endSessions(session, realm, user);
        session.users().removeUser(realm, user);
    }
}
