package io.accesslifecycle.expiry;

import io.accesslifecycle.settings.AccessSettings;
import io.accesslifecycle.settings.AccessSettingsStore;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * Whether a user's access has ended, asked at every sign-in and token refresh. It reads only what Keycloak has
 * already loaded (the user's attributes, the realm's attributes for the time zone): no database query.
 */
public final class AccessEndCheck {

    /** The error recorded in Keycloak's login events when a sign-in or refresh is refused. */
    public static final String EVENT_ERROR = "access_expired";

    static final String MESSAGE_KEY = "accessEndedMessage";
    private static final String FALLBACK = "Your access ended on {0}. Please contact your administrator.";

    private AccessEndCheck() {}

    /**
     * The end date when access has ended for this user today, in the realm's time zone; always empty in a realm that
     * did not turn the bundle on (one cached attribute).
     */
    public static Optional<LocalDate> endedOn(RealmModel realm, UserModel user) {
        if (realm == null || !AccessSettingsStore.enabled(realm)) {
            return Optional.empty();
        }
        LocalDate end = AccessEndDate.read(user.getFirstAttribute(AccessEndDate.ATTRIBUTE));
        if (end == null) {
            return Optional.empty();
        }
        LocalDate today = AccessSettings.today(AccessSettingsStore.zone(realm));
        return AccessEndDate.hasEnded(end, today) ? Optional.of(end) : Optional.empty();
    }

    /** The refusal, in the user's language, from the realm's login theme. */
    public static String message(KeycloakSession session, UserModel user, LocalDate end) {
        Locale locale = session.getContext().resolveLocale(user);
        String pattern = FALLBACK;
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            pattern = theme.getEnhancedMessages(session.getContext().getRealm(), locale)
                    .getProperty(MESSAGE_KEY, FALLBACK);
        } catch (IOException e) {
            // the English text below
        }
        return new MessageFormat(pattern, locale).format(new Object[] {end.toString()});
    }
}
