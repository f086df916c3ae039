package io.accesslifecycle.expiry;

import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

/**
 * The expiry job: for each realm, an {@link ExpirySweep}. Scheduled cluster-aware (one node per tick), on
 * Keycloak's clock, idempotent: running it twice does nothing more.
 */
public class ExpiryTask implements ScheduledTask {

    public static final String NAME = "access-lifecycle-expiry";
    private static final Logger LOG = Logger.getLogger(ExpiryTask.class);

    @Override
    public void run(KeycloakSession session) {
        List<RealmModel> realms = session.realms().getRealmsStream().toList();
        for (RealmModel realm : realms) {
            ExpirySweep.Counts counts = new ExpirySweep(session.getKeycloakSessionFactory(), realm).run();
            if (counts.any()) {
                LOG.infof("Expiry in realm %s: %d restored, %d reminded, %d expired, %d deleted", realm.getName(),
                        counts.restored(), counts.reminded(), counts.expired(), counts.deleted());
            }
        }
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
