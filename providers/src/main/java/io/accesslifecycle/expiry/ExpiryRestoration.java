package io.accesslifecycle.expiry;

import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.settings.AccessSettingsStore;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Gives access back to a user whom the expiry job stopped, once their end date has been moved into the future or
 * cleared within the grace period: the account is enabled again and the expiry forgotten.
 */
public final class ExpiryRestoration {

    private ExpiryRestoration() {}

    /** {@code true} when the user had been stopped by the expiry job and now has access again. */
    public static boolean restoreIfMoved(
            KeycloakSession session, RealmModel realm, UserModel user, UserModel actor, String note) {
        NoticeStore notices = new NoticeStore(session);
        if (!notices.any(user, NoticeStore.EXPIRED)) {
            return false;
        }
        LocalDate end = AccessEndDate.read(user.getFirstAttribute(AccessEndDate.ATTRIBUTE));
        if (AccessEndDate.hasEnded(end, AccessSettingsStore.read(realm).today())) {
            return false;
        }
        boolean wasEnabled = user.isEnabled();
        user.setEnabled(true);
        user.removeAttribute(AccessEndDate.EXPIRED_AT_ATTRIBUTE);
        user.removeAttribute(AccessEndDate.STATUS_ATTRIBUTE);
        // the account's rows first, then the notice: the order in which a deletion of the user locks them, so a
        // deletion racing with this restoration waits for it instead of deadlocking (seen on PostgreSQL)
        new EndDateStore(session).flush();
        notices.forget(user, NoticeStore.EXPIRED);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("enabled", true);
        after.put("accessExpiresOn", end == null ? null : end.toString());
        new AuditLog(session)
                .record(
                        realm,
                        AuditLog.Type.ACCESS_RESTORED,
                        actor,
                        user.getId(),
                        user.getUsername(),
                        Map.of("enabled", wasEnabled),
                        after,
                        note);
        return true;
    }
}
