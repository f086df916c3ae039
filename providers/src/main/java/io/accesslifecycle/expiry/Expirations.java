package io.accesslifecycle.expiry;

import io.accesslifecycle.common.InputException;
import io.accesslifecycle.common.Inputs;
import io.accesslifecycle.labels.Labels;
import io.accesslifecycle.settings.AccessSettings;
import io.accesslifecycle.settings.AccessSettingsStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** The end dates to come and the accounts in their grace period, as an administrator may see them. */
public final class Expirations {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public Expirations(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /**
     * Users whose access ends within {@code withinDays} days (default 30, at most 3650) and users whose access has
     * ended and who are in their grace period (however old their end date: the grace counts from the job's stop),
     * earliest end date first; {@code deletionOn} is the real deletion day. Only the users the caller may view.
     */
    public List<Expiration> within(Integer withinDays, Integer first, Integer max) {
        int days = withinDays == null ? 30 : withinDays;
        if (days < 0 || days > 3650) {
            throw new InputException("withinDays", "must be between 0 and 3650");
        }
        Inputs.Page page = Inputs.page(first, max, 100, 1000);
        AccessSettings settings = AccessSettingsStore.read(realm);
        LocalDate today = settings.today();
        List<String> ids = new EndDateStore(session)
                .users(realm.getId(), null, today.plusDays(days).toString(), false, page.first(), page.max());
        return ids.stream()
                .map(id -> session.users().getUserById(realm, id))
                .filter(Objects::nonNull)
                .filter(u -> auth.users().canView(u))
                .map(u -> of(u, today, GracePeriod.deletionOn(session, u, settings, today)))
                .toList();
    }

    private static Expiration of(UserModel u, LocalDate today, LocalDate deletionOn) {
        LocalDate end = AccessEndDate.read(u.getFirstAttribute(AccessEndDate.ATTRIBUTE));
        boolean ended = AccessEndDate.hasEnded(end, today);
        return new Expiration(
                u.getId(),
                u.getUsername(),
                u.getEmail(),
                u.getFirstName(),
                u.getLastName(),
                u.isEnabled(),
                ended ? AccessStatus.EXPIRED_GRACE.value() : AccessStatus.EXPIRING.value(),
                end.toString(),
                deletionOn == null ? null : deletionOn.toString(),
                u.getAttributeStream(Labels.ATTRIBUTE).toList());
    }
}
