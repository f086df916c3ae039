package io.accesslifecycle.offboarding;

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

    private AccountClosure() {
    }

    public static void disable(KeycloakSession session, RealmModel realm, UserModel user) {
        user.setEnabled(false);
        endSessions(session, realm, user);
    }

    public static void endSessions(KeycloakSession session, RealmModel realm, UserModel user) {
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        List<UserSessionModel> online = session.sessions().getUserSessionsStream(realm, user).toList();
        online.forEach(s -> session.sessions().removeUserSession(realm, s));
        List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, user).toList();
        offline.forEach(s -> session.sessions().removeOfflineUserSession(realm, s));
    }

    public static void delete(KeycloakSession session, RealmModel realm, UserModel user) {
        endSessions(session, realm, user);
        session.users().removeUser(realm, user);
    }
}
