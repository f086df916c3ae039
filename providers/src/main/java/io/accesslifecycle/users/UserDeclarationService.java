package io.accesslifecycle.users;

import io.accesslifecycle.access.AccessSnapshot;
import io.accesslifecycle.access.GrantResolver;
import io.accesslifecycle.access.Grants;
import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.budget.EmailBudget;
import io.accesslifecycle.common.InputException;
import io.accesslifecycle.common.Inputs;
import io.accesslifecycle.expiry.AccessEndDate;
import io.accesslifecycle.labels.Labels;
import io.accesslifecycle.settings.AccessSettingsStore;
import io.accesslifecycle.usernames.UsernameAllocator;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Declares a user: checks the input, then creates the account with its username by rule, roles and groups
 * ({@link AccountCreator}), and sends the set-password email.
 */
public final class UserDeclarationService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final UsernameAllocator usernames;

    public UserDeclarationService(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, UsernameAllocator usernames) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.usernames = usernames;
    }

    public DeclaredUser declare(DeclareUserRequest request) {
        if (request == null) {
            throw new InputException("body", "a JSON object with email, firstName and lastName is required");
        }
        String email = request.email() == null ? "" : request.email().strip();
        if (email.isEmpty()) {
            throw new InputException("email", "is required");
        }
        if (!Inputs.isEmail(email)) {
            throw new InputException("email", "is not a valid email address");
        }
        String firstName = Inputs.name("firstName", request.firstName());
        String lastName = Inputs.name("lastName", request.lastName());
        usernames.rule(realm).name(firstName, lastName); // names that give no username fail before anything else
        String locale = Inputs.locale(realm, request.locale());
        List<String> labels = Labels.normalize("labels", request.labels());
        LocalDate today = AccessSettingsStore.read(realm).today();
        LocalDate endDate = AccessEndDate.parse("accessExpiresOn", request.accessExpiresOn(), today);
        Grants grants = new GrantResolver(session, realm, auth).resolve(request.roles(), request.groups());
        if (session.users().getUserByEmail(realm, email) != null) {
            throw AccountCreator.emailTaken(email);
        }
        // the set-password email is spent before the account exists: past the limit, no account is created
        new EmailBudget(session, realm, auth.adminAuth().getUser()).spend(1);

        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(UserModel.EMAIL, List.of(email));
        attributes.put(UserModel.FIRST_NAME, List.of(firstName));
        attributes.put(UserModel.LAST_NAME, List.of(lastName));
        if (locale != null) {
            attributes.put(UserModel.LOCALE, List.of(locale));
        }
        if (!labels.isEmpty()) {
            attributes.put(Labels.ATTRIBUTE, labels);
        }
        if (endDate != null) {
            attributes.put(AccessEndDate.ATTRIBUTE, List.of(endDate.toString()));
        }

        String id = new AccountCreator(session, realm, usernames).create(firstName, lastName, attributes, (s, user) -> {
            RealmModel r = s.getContext().getRealm();
            for (RoleModel role : grants.roles()) {
                user.grantRole(
                        role.isClientRole()
                                ? s.clients()
                                        .getClientById(r, role.getContainerId())
                                        .getRole(role.getName())
                                : r.getRole(role.getName()));
            }
            for (GroupModel group : grants.groups()) {
                user.joinGroup(s.groups().getGroupById(r, group.getId()));
            }
            new AuditLog(s)
                    .record(
                            r,
                            AuditLog.Type.USER_DECLARED,
                            auth.adminAuth().getUser(),
                            user.getId(),
                            user.getUsername(),
                            null,
                            AccessSnapshot.of(user),
                            null);
        });
        return sendSetPasswordEmail(session.users().getUserById(realm, id));
    }

    /**
     * Sends the user a new set-password link (the user must have an address and be enabled), spending one email of
     * the administrator's budget first.
     */
    public DeclaredUser resendSetPasswordEmail(UserModel user) {
        if (user.getEmail() == null || !user.isEnabled()) {
            throw new InputException("id", "the user has no email address or is disabled");
        }
        new EmailBudget(session, realm, auth.adminAuth().getUser()).spend(1);
        return sendSetPasswordEmail(user);
    }

    /** Sends the set-password link (its email already spent) and says whether the SMTP server took it. */
    private DeclaredUser sendSetPasswordEmail(UserModel user) {
        boolean sent = new SetPasswordEmail(session).send(realm, user);
        return new DeclaredUser(user.getId(), user.getUsername(), DeclaredUser.EmailOutcome.of(sent));
    }
}
