package io.accesslifecycle.users;

import io.accesslifecycle.common.Realms;
import io.accesslifecycle.settings.AccessSettingsStore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.LoginActionsService;

/**
 * Sends a declared user the themed email with a single-use set-password link. The email never holds a password.
 * The link lives as long as the realm's "admin-generated action token" lifespan.
 */
public final class SetPasswordEmail {

    public static final String TEMPLATE = "access-declared-user.ftl";
    public static final String SUBJECT = "accessDeclaredUserSubject";

    private static final Logger LOG = Logger.getLogger(SetPasswordEmail.class);

    private final KeycloakSession session;

    public SetPasswordEmail(KeycloakSession session) {
        this.session = session;
    }

    /** Sends the email; answers whether the SMTP server accepted it (the reason is logged, never the link). */
    public boolean send(RealmModel realm, UserModel user) {
        int lifespan = realm.getActionTokenGeneratedByAdminLifespan();
        int expiresAt = Time.currentTime() + lifespan;
        SetPasswordActionToken token = new SetPasswordActionToken(
                user.getId(), user.getEmail(), expiresAt, Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        String link = LoginActionsService.actionTokenProcessor(
                        session.getContext().getUri())
                .queryParam(
                        "key",
                        token.serialize(session, realm, session.getContext().getUri()))
                .build(realm.getName())
                .toString();

        Locale locale = session.getContext().resolveLocale(user);
        ZoneId zone = AccessSettingsStore.read(realm).zone();
        String expiry = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone)
                .format(Instant.ofEpochSecond(expiresAt));

        Map<String, Object> attributes = new HashMap<>();
        attributes.put("link", link);
        attributes.put("linkExpiresAt", expiry);
        attributes.put("username", user.getUsername());
        String realmName = Realms.displayName(realm);
        try {
            session.getProvider(EmailTemplateProvider.class)
                    .setRealm(realm)
                    .setUser(user)
                    .send(SUBJECT, List.of(realmName), TEMPLATE, attributes);
            return true;
        } catch (EmailException e) {
            LOG.warnf(
                    "Set-password email to user %s of realm %s was not accepted by the SMTP server: %s",
                    user.getId(), realm.getName(), e.getMessage());
            return false;
        }
    }
}
