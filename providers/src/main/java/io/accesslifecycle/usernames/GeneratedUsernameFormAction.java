package io.accesslifecycle.usernames;

import io.accesslifecycle.common.InputException;
import io.accesslifecycle.settings.AccessSettingsStore;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * Self-registration gets the username by rule: placed before Keycloak's "Registration User Profile Creation" in
 * the registration form, it replaces whatever username the form carries with the realm's rule applied to the
 * first and last names given (the theme hides the username field). If two people register the same name at the
 * same instant, the second is asked to submit again and gets the next counter. In a realm that did not turn the
 * bundle on it does nothing.
 */
final class GeneratedUsernameFormAction implements FormAction {

    private final KeycloakSession session;
    private final NameNormalizer normalizer;

    GeneratedUsernameFormAction(KeycloakSession session, NameNormalizer normalizer) {
        this.session = session;
        this.normalizer = normalizer;
    }

    @Override
    public void buildPage(FormContext context, LoginFormsProvider form) {
        if (!AccessSettingsStore.enabled(context.getRealm())) {
            return; // Keycloak's own form, username field included
        }
        form.setAttribute("accessGeneratedUsername", true);
    }

    @Override
    public void validate(ValidationContext context) {
        if (!AccessSettingsStore.enabled(context.getRealm())) {
            context.success(); // the username the person typed, as Keycloak does
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String firstName = form.getFirst(UserModel.FIRST_NAME);
        String lastName = form.getFirst(UserModel.LAST_NAME);
        if (firstName == null || firstName.isBlank() || lastName == null || lastName.isBlank()) {
            form.remove(UserModel.USERNAME);
            context.success(); // the user-profile step names the missing field
            return;
        }
        // bounded work for anonymous input: lengths are checked before any transliteration
        String tooLong = firstName.length() > NameNormalizer.MAX_NAME_LENGTH
                ? UserModel.FIRST_NAME
                : lastName.length() > NameNormalizer.MAX_NAME_LENGTH ? UserModel.LAST_NAME : null;
        if (tooLong != null) {
            form.remove(UserModel.USERNAME);
            form.remove(tooLong); // the page does not echo a megabyte back
            context.validationError(
                    form, List.of(new FormMessage(tooLong, "accessNameTooLong", NameNormalizer.MAX_NAME_LENGTH)));
            return;
        }
        try {
            String username = new UsernameAllocator(session, normalizer)
                    .propose(context.getRealm(), firstName, lastName)
                    .username();
            form.putSingle(UserModel.USERNAME, username);
            context.success();
        } catch (InputException e) {
            form.remove(UserModel.USERNAME);
            context.validationError(form, List.of(new FormMessage(UserModel.LAST_NAME, "accessNamesWithoutLetters")));
        }
    }

    @Override
    public void success(FormContext context) {}

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}
}
