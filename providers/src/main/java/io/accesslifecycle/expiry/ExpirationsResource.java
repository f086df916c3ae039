package io.accesslifecycle.expiry;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.accesslifecycle.common.ApiException;
import io.accesslifecycle.common.InputException;
import io.accesslifecycle.common.Inputs;
import io.accesslifecycle.labels.Labels;
import io.accesslifecycle.settings.AccessSettings;
import io.accesslifecycle.settings.AccessSettingsStore;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code GET /admin/realms/{realm}/access/expirations?withinDays=}: end dates to come and accounts in grace. */
public class ExpirationsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public ExpirationsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /**
     * Users whose access ends within {@code withinDays} days (default 30, at most 3650) and users whose access has
     * ended and who are in their grace period (however old their end date: the grace counts from the job's stop),
     * earliest end date first; {@code deletionOn} is the real deletion day.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Expiration> list(@QueryParam("withinDays") Integer withinDays, @QueryParam("first") Integer first,
                                 @QueryParam("max") Integer max) {
        auth.users().requireView();
        return ApiException.translating(() -> {
            int days = withinDays == null ? 30 : withinDays;
            if (days < 0 || days > 3650) {
                throw new InputException("withinDays", "must be between 0 and 3650");
            }
            Inputs.Page page = Inputs.page(first, max, 100, 1000);
            AccessSettings settings = AccessSettingsStore.read(realm);
            LocalDate today = settings.today();
            List<String> ids = EndDateQuery.users(session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                    realm.getId(), null, today.plusDays(days).toString(), false, page.first(), page.max());
            return ids.stream().map(id -> session.users().getUserById(realm, id)).filter(Objects::nonNull)
                    .filter(u -> auth.users().canView(u))
                    .map(u -> of(u, today, GracePeriod.deletionOn(session, u, settings, today))).toList();
        });
    }

    private static Expiration of(UserModel u, LocalDate today, LocalDate deletionOn) {
        LocalDate end = AccessEndDate.read(u.getFirstAttribute(AccessEndDate.ATTRIBUTE));
        boolean ended = AccessEndDate.hasEnded(end, today);
        return new Expiration(u.getId(), u.getUsername(), u.getEmail(), u.getFirstName(), u.getLastName(), u.isEnabled(),
                ended ? AccessStatus.EXPIRED_GRACE.value() : AccessStatus.EXPIRING.value(), end.toString(),
                deletionOn == null ? null : deletionOn.toString(), u.getAttributeStream(Labels.ATTRIBUTE).toList());
    }
}
