package io.accesslifecycle.expiry;

import io.accesslifecycle.jobs.CountedTask;
import io.accesslifecycle.jobs.EnabledRealms;
import io.accesslifecycle.settings.AccessSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Emails users whose password must be changed soon: in realms whose password policy forces a change every N days
 * ({@code forceExpiredPasswordChange}), {@code passwordReminderDays} before that day, once per password, with the
 * date and a link to the account page where it can be changed now.
 */
public class PasswordReminderTask extends CountedTask {

    public static final String NAME = "access-lifecycle-password-reminders";
    private static final Logger LOG = Logger.getLogger(PasswordReminderTask.class);
    private static final long DAY = TimeUnit.DAYS.toMillis(1);

    private final String publicUrl;
    private final EnabledRealms realms;

    /** {@code publicUrl}: the server's public address, for the link, when a realm has no frontend URL of its own. */
    public PasswordReminderTask(String publicUrl, EnabledRealms realms) {
        this.publicUrl = publicUrl;
        this.realms = realms;
    }

    @Override
    protected void runJob(KeycloakSession session) {
        realms.forEach(session, NAME, this::run);
    }

    /** One realm that turned the bundle on. */
    private void run(KeycloakSession session, RealmModel realm, AccessSettings settings) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        int forcedAfter = realm.getPasswordPolicy().getDaysToExpirePassword();
        int before = settings.passwordReminderDays();
        if (forcedAfter <= 0 || before <= 0 || before >= forcedAfter) {
            return;
        }
        long now = Time.currentTimeMillis();
        String realmId = realm.getId();
        List<Object[]> due = KeycloakModelUtils.runJobInTransactionWithResult(
                factory,
                s -> new EndDateStore(s)
                        .passwordsSetBetween(realmId, now - forcedAfter * DAY, now - (forcedAfter - before) * DAY));
        int sent = 0;
        for (Object[] row : due) {
            String userId = (String) row[0];
            LocalDate changeBy =
                    LocalDate.ofInstant(Instant.ofEpochMilli((Long) row[1] + forcedAfter * DAY), settings.zone());
            sent += KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> remind(s, realmId, userId, changeBy))
                    ? 1
                    : 0;
        }
        if (sent > 0) {
            LOG.infof("Password reminders in realm %s: %d sent", realm.getName(), sent);
        }
    }

    private boolean remind(KeycloakSession s, String realmId, String userId, LocalDate changeBy) {
        RealmModel realm = s.realms().getRealm(realmId);
        s.getContext().setRealm(realm);
        UserModel user = s.users().getUserById(realm, userId);
        if (user == null
                || user.getEmail() == null
                || !new NoticeStore(s).claim(realm, user, NoticeStore.PASSWORD_REMINDER, changeBy.toString())) {
            return false;
        }
        new ExpiryEmails(s, realm).passwordReminder(user, changeBy, accountPage(realm));
        return true;
    }

    private String accountPage(RealmModel realm) {
        String frontend = realm.getAttribute("frontendUrl");
        String base = frontend != null && !frontend.isBlank() ? frontend : publicUrl;
        return base.replaceAll("/+$", "") + "/realms/" + realm.getName() + "/account/account-security/signing-in";
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
