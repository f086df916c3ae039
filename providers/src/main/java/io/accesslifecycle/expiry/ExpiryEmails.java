package io.accesslifecycle.expiry;

import io.accesslifecycle.access.AccessAdministrators;
import io.accesslifecycle.common.Realms;
import io.accesslifecycle.outbox.OutboxStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The lifecycle's emails about end dates, to the user and to the realm's access administrators (outbox). */
final class ExpiryEmails {

    private final KeycloakSession session;
    private final RealmModel realm;

    ExpiryEmails(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    void reminder(UserModel user, LocalDate end, long daysLeft) {
        Map<String, String> a = Map.of(
                "username", user.getUsername(), "accessExpiresOn", end.toString(), "daysLeft", Long.toString(daysLeft));
        toUserAndAdministrators(
                user,
                "access-expiry-reminder.ftl",
                "accessExpiryReminderSubject",
                "access-expiry-reminder-admin.ftl",
                "accessExpiryReminderAdminSubject",
                a);
    }

    void expired(UserModel user, LocalDate end, LocalDate deletionOn) {
        Map<String, String> a = Map.of(
                "username", user.getUsername(), "accessExpiresOn", end.toString(), "deletionOn", deletionOn.toString());
        toUserAndAdministrators(
                user,
                "access-expired.ftl",
                "accessExpiredSubject",
                "access-expired-admin.ftl",
                "accessExpiredAdminSubject",
                a);
    }

    void passwordReminder(UserModel user, LocalDate changeBy, String changeUrl) {
        if (user.getEmail() != null) {
            new OutboxStore(session)
                    .enqueueTo(
                            realm,
                            null,
                            user,
                            "access-password-reminder.ftl",
                            "accessPasswordReminderSubject",
                            List.of(Realms.displayName(realm)),
                            Map.of("changeBy", changeBy.toString(), "changeUrl", changeUrl));
        }
    }

    private void toUserAndAdministrators(
            UserModel user,
            String userTemplate,
            String userSubject,
            String adminTemplate,
            String adminSubject,
            Map<String, String> attributes) {
        OutboxStore outbox = new OutboxStore(session);
        List<String> subject = List.of(Realms.displayName(realm), user.getUsername());
        if (user.getEmail() != null) {
            outbox.enqueueTo(realm, null, user, userTemplate, userSubject, subject, attributes);
        }
        for (UserModel admin : AccessAdministrators.of(session, realm)) {
            if (!admin.getId().equals(user.getId())) {
                outbox.enqueueTo(realm, null, admin, adminTemplate, adminSubject, subject, attributes);
            }
        }
    }
}
