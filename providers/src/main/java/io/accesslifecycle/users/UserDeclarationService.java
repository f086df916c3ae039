package io.accesslifecycle.users;

import java.io.IOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.accesslifecycle.access.GrantResolver;
import io.accesslifecycle.access.Grants;
import io.accesslifecycle.common.ConflictException;
import io.accesslifecycle.common.InputException;
import io.accesslifecycle.common.TransientFailures;
import io.accesslifecycle.expiry.AccessEndDate;
import io.accesslifecycle.labels.Labels;
import io.accesslifecycle.settings.AccessSettingsStore;
import io.accesslifecycle.usernames.UsernameAllocator;
import org.keycloak.common.util.Time;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.messages.Messages;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.theme.Theme;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.utils.EmailValidationUtil;

/**
 * Declares a user: checks the input, picks the username by rule, creates the account through the realm's user
 * profile (so its validations apply), grants roles and groups, and sends the set-password email.
 * <p>
 * The account is created in a transaction of its own. When two declarations race for the same username, the
 * database's unique constraint refuses one; that one proposes the next free username and tries again.
 */
public final class UserDeclarationService {

    /** Each attempt tries a username no earlier attempt lost, so this bounds the concurrent homonyms served. */
    static final int MAX_ATTEMPTS = 200;
    static final int MAX_TRANSIENT = 5;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final UsernameAllocator usernames;

    public UserDeclarationService(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, UsernameAllocator usernames) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.usernames = usernames;
    }

    private static ConflictException emailTaken(String email) {
        return new ConflictException("email", "an account already uses " + email);
    }

    public DeclaredUser declare(DeclareUserRequest request) {
        if (request == null) {
            throw new InputException("body", "a JSON object with email, firstName and lastName is required");
        }
        String email = request.email() == null ? "" : request.email().strip();
        if (email.isEmpty()) {
            throw new InputException("email", "is required");
        }
        if (!EmailValidationUtil.isValidEmail(email)) {
            throw new InputException("email", "is not a valid email address");
        }
        String firstName = clean("firstName", request.firstName());
        String lastName = clean("lastName", request.lastName());
        usernames.rule(realm).name(firstName, lastName); // names that give no username fail before anything else
        String locale = locale(request.locale());
        List<String> labels = Labels.normalize("labels", request.labels());
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(Time.currentTimeMillis()), AccessSettingsStore.read(realm).zone());
        LocalDate endDate = AccessEndDate.parse("accessExpiresOn", request.accessExpiresOn(), today);
        Grants grants = new GrantResolver(session, realm, auth).resolve(request.roles(), request.groups());
        if (session.users().getUserByEmail(realm, email) != null) {
            throw emailTaken(email);
        }

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

        Set<String> lost = new HashSet<>();
        int transientFailures = 0;
        for (int attempt = 1; ; attempt++) {
            String username = usernames.propose(realm, firstName, lastName, lost).username();
            attributes.put(UserModel.USERNAME, List.of(username));
            try {
                String id = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                        session.getContext(), s -> create(s, attributes, grants), "access-lifecycle declare user");
                UserModel user = session.users().getUserById(realm, id);
                boolean sent = new SetPasswordEmail(session).send(realm, user);
                return new DeclaredUser(id, user.getUsername(), sent ? "sent" : "failed");
            } catch (ModelException e) {
                if (!(e instanceof ModelDuplicateException)) {
                    if (!TransientFailures.isTransient(e) || ++transientFailures > MAX_TRANSIENT) {
                        throw e;
                    }
                    pause(transientFailures);
                    continue;
                }
                lostRace(lost, username, email, attempt, e);
            } catch (UsernameTakenException e) {
                lostRace(lost, username, email, attempt, e);
            }
        }
    }

    /** Another transaction took the username (or the address) first. */
    private void lostRace(Set<String> lost, String username, String email, int attempt, RuntimeException cause) {
        lost.add(username);
        if (session.users().getUserByEmail(realm, email) != null) {
            throw emailTaken(email);
        }
        if (attempt >= MAX_ATTEMPTS) {
            throw new IllegalStateException("no free username after " + MAX_ATTEMPTS + " attempts", cause);
        }
    }

    /** A lock timeout or deadlock under heavy concurrency: wait a little and try the same username again. */
    private static void pause(int failures) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100L * failures));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }

    private static final class UsernameTakenException extends RuntimeException {
    }

    private String create(KeycloakSession s, Map<String, List<String>> attributes, Grants grants) {
        RealmModel r = s.getContext().getRealm();
        UserProfile profile = s.getProvider(UserProfileProvider.class).create(UserProfileContext.USER_API, attributes);
        try {
            profile.validate();
        } catch (ValidationException e) {
            if (e.hasError(Messages.USERNAME_EXISTS)) {
                throw new UsernameTakenException();
            }
            if (e.hasError(Messages.EMAIL_EXISTS)) {
                throw emailTaken(attributes.get(UserModel.EMAIL).get(0));
            }
            ValidationException.Error first = e.getErrors().get(0);
            throw new InputException(first.getAttribute(), describe(s, first));
        }
        UserModel user = profile.create();
        user.setEnabled(true);
        for (RoleModel role : grants.roles()) {
            user.grantRole(role.isClientRole()
                    ? s.clients().getClientById(r, role.getContainerId()).getRole(role.getName())
                    : r.getRole(role.getName()));
        }
        for (GroupModel group : grants.groups()) {
            user.joinGroup(s.groups().getGroupById(r, group.getId()));
        }
        return user.getId();
    }

    private static String describe(KeycloakSession s, ValidationException.Error error) {
        try {
            Properties messages = s.theme().getTheme(Theme.Type.ADMIN).getMessages(Locale.ENGLISH);
            return error.getFormattedMessage((key, params) ->
                    MessageFormat.format(messages.getProperty(key, key), params));
        } catch (IOException | IllegalArgumentException e) {
            return error.getMessage();
        }
    }

    private String locale(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String locale = value.strip();
        if (!realm.isInternationalizationEnabled() || realm.getSupportedLocalesStream().noneMatch(locale::equals)) {
            throw new InputException("locale", "must be one of the realm's locales: " + String.join(", ", realm.getSupportedLocalesStream().toList()));
        }
        return locale;
    }

    private static String clean(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InputException(field, "is required");
        }
        String v = value.strip().replaceAll("\\s+", " ");
        if (v.length() > 255) {
            throw new InputException(field, "has at most 255 characters");
        }
        if (v.codePoints().anyMatch(Character::isISOControl)) {
            throw new InputException(field, "may not contain control characters");
        }
        return v;
    }
}
