package io.accesslifecycle.expiry;

import io.accesslifecycle.jobs.CountedTask;
import io.accesslifecycle.jobs.EnabledRealms;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;

/**
 * The expiry job: for each realm that turned the bundle on, an {@link ExpirySweep} (one realm's failure does not
 * stop the others). Scheduled cluster-aware (one node per tick), on
 * Keycloak's clock, idempotent: running it twice does nothing more.
 */
public class ExpiryTask extends CountedTask {

    public static final String NAME = "access-lifecycle-expiry";
    private static final Logger LOG = Logger.getLogger(ExpiryTask.class);

    private final EnabledRealms realms;

    public ExpiryTask(EnabledRealms realms) {
        this.realms = realms;
    }

    @Override
    protected void runJob(KeycloakSession session) {
        realms.forEach(session, NAME, (s, realm, settings) -> {
            ExpirySweep.Counts counts = new ExpirySweep(s.getKeycloakSessionFactory(), realm).run();
            if (counts.any()) {
                LOG.infof(
                        "Expiry in realm %s: %d restored, %d reminded, %d expired, %d deleted",
                        realm.getName(), counts.restored(), counts.reminded(), counts.expired(), counts.deleted());
            }
        });
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
