package io.accesslifecycle.expiry;

import io.accesslifecycle.settings.AccessSettings;
import java.time.LocalDate;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The deletion day that administrators and the user are shown: a full grace period after the day the expiry job
 * stopped the account (its notice), or after today when the job has not reached it yet.
 */
public final class GracePeriod {

    private GracePeriod() {}

    /**
     * The day the user's account will be deleted: for an ended access, a grace after the job's stop (or after today);
     * for an end date to come, a grace after it (the job stops the account that day); {@code null} without an end date.
     */
    public static LocalDate deletionOn(
            KeycloakSession session, UserModel user, AccessSettings settings, LocalDate today) {
        LocalDate end = AccessEndDate.read(user.getFirstAttribute(AccessEndDate.ATTRIBUTE));
        if (end == null) {
            return null;
        }
        if (!AccessEndDate.hasEnded(end, today)) {
            return end.plusDays(settings.expiryGraceDays());
        }
        return AccessEndDate.deletionOn(
                new NoticeStore(session).stoppedOn(user, settings.zone()), today, settings.expiryGraceDays());
    }
}
