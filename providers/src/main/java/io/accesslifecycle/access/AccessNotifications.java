package io.accesslifecycle.access;

import io.accesslifecycle.budget.EmailBudget;
import io.accesslifecycle.common.Realms;
import io.accesslifecycle.outbox.OutboxStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Emails about a change of access, through the outbox: to the user (when asked), and one email per change to each
 * of the realm's access administrators, each in their own language.
 */
final class AccessNotifications {

    static final String USER_TEMPLATE = "access-changed.ftl";
    static final String ADMIN_TEMPLATE = "access-changed-admin.ftl";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EmailBudget budget;

    /** {@code actor}: the administrator whose change it is; the emails are spent from their budget. */
    AccessNotifications(KeycloakSession session, RealmModel realm, UserModel actor) {
        this.session = session;
        this.realm = realm;
        this.budget = new EmailBudget(session, realm, actor);
    }

    void toUser(UserModel user, AccessSnapshot after, String note) {
        if (user.getEmail() == null) {
            return;
        }
        budget.spend(1);
        queue(user, USER_TEMPLATE, "accessChangedSubject", describe(after, null, user, note));
    }

    void toAdministrators(UserModel actor, UserModel user, AccessSnapshot before, AccessSnapshot after, String note) {
        Map<String, String> attributes = describe(after, before, user, note);
        attributes.put("actorName", actor == null ? "-" : actor.getUsername());
        List<UserModel> admins = AccessAdministrators.of(session, realm);
        budget.spend(admins.size());
        for (UserModel admin : admins) {
            queue(admin, ADMIN_TEMPLATE, "accessChangedAdminSubject", attributes);
        }
    }

    private Map<String, String> describe(AccessSnapshot after, AccessSnapshot before, UserModel user, String note) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("username", user.getUsername());
        a.put("roles", String.join(", ", after.roles()));
        a.put("groups", String.join(", ", after.groups()));
        a.put("labels", String.join(", ", after.labels()));
        a.put("accessExpiresOn", Objects.toString(after.accessExpiresOn(), ""));
        a.put("authorisedCaller", Boolean.toString(after.authorisedCaller()));
        a.put("note", Objects.toString(note, ""));
        if (before != null) {
            a.put("rolesBefore", String.join(", ", before.roles()));
            a.put("groupsBefore", String.join(", ", before.groups()));
        }
        return a;
    }

    private void queue(UserModel recipient, String template, String subject, Map<String, String> attributes) {
        String realmName = Realms.displayName(realm);
        new OutboxStore(session)
                .enqueueTo(
                        realm,
                        null,
                        recipient,
                        template,
                        subject,
                        List.of(realmName, attributes.get("username")),
                        attributes);
    }
}
