package io.accesslifecycle.users;

import io.accesslifecycle.common.ConflictException;
import io.accesslifecycle.common.InputException;
import io.accesslifecycle.common.TransientFailures;
import io.accesslifecycle.usernames.UsernameAllocator;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.messages.Messages;
import org.keycloak.theme.Theme;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * Creates an account whose username is chosen by the realm's rule, through the realm's user profile (so its
 * validations apply). Each try runs in a transaction of its own, together with whatever the caller adds to it
 * (roles, a password, accepting an invitation): when another transaction takes the username first, the database's
 * unique constraint refuses this one, nothing of it remains, and the next candidate is tried. Lock timeouts and
 * deadlocks are retried a few times after a short pause.
 */
public final class AccountCreator {

    /** Each try proposes a username no earlier try lost, so this bounds the concurrent homonyms served. */
    static final int MAX_ATTEMPTS = 200;

    static final int MAX_TRANSIENT = 5;

    /** Work done in the account's own transaction, after it is created. */
    public interface InSameTransaction {
        void apply(KeycloakSession session, UserModel user);
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UsernameAllocator usernames;

    public AccountCreator(KeycloakSession session, RealmModel realm, UsernameAllocator usernames) {
        this.session = session;
        this.realm = realm;
        this.usernames = usernames;
    }

    public static ConflictException emailTaken(String email) {
        return new ConflictException("email", "an account already uses " + email);
    }

    /**
     * Creates the account and answers its id. {@code attributes} holds the email, names and any other profile
     * attribute, but not the username.
     */
    public String create(
            String firstName, String lastName, Map<String, List<String>> attributes, InSameTransaction then) {
        String email = attributes.get(UserModel.EMAIL).get(0);
        Map<String, List<String>> profile = new HashMap<>(attributes);
        Set<String> lost = new HashSet<>();
        int transientFailures = 0;
        for (int attempt = 1; ; attempt++) {
            String username =
                    usernames.propose(realm, firstName, lastName, lost).username();
            profile.put(UserModel.USERNAME, List.of(username));
            try {
                return KeycloakModelUtils.runJobInTransactionWithResult(
                        session.getKeycloakSessionFactory(),
                        session.getContext(),
                        s -> createIn(s, profile, then),
                        "access-lifecycle create account");
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

    private void lostRace(Set<String> lost, String username, String email, int attempt, RuntimeException cause) {
        lost.add(username);
        if (session.users().getUserByEmail(realm, email) != null) {
            throw emailTaken(email);
        }
        if (attempt >= MAX_ATTEMPTS) {
            throw new IllegalStateException("no free username after " + MAX_ATTEMPTS + " attempts", cause);
        }
    }

    private static void pause(int failures) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100L * failures));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }

    private static final class UsernameTakenException extends RuntimeException {}

    private static String createIn(KeycloakSession s, Map<String, List<String>> attributes, InSameTransaction then) {
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
        then.apply(s, user);
        return user.getId();
    }

    private static String describe(KeycloakSession s, ValidationException.Error error) {
        try {
            Properties messages = s.theme().getTheme(Theme.Type.ADMIN).getMessages(Locale.ENGLISH);
            return error.getFormattedMessage(
                    (key, params) -> MessageFormat.format(messages.getProperty(key, key), params));
        } catch (IOException | IllegalArgumentException e) {
            return error.getMessage();
        }
    }
}
