package io.accesslifecycle.jobs;

import io.accesslifecycle.settings.AccessSettings;
import io.accesslifecycle.settings.AccessSettingsStore;
import io.accesslifecycle.settings.RefusedSettingsLog;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * How every job goes over the realms: only those that turned the bundle on ({@code enabled}), each in its own
 * transaction and its own try, so that one realm's failure (a bug, a database error, a bad setting) is logged and the
 * next realm goes on. The settings handed to the work are the validated ones; refused stored values are logged once
 * per change.
 */
public final class EnabledRealms {

    private static final Logger LOG = Logger.getLogger(EnabledRealms.class);

    /** A job's work in one realm, inside that realm's transaction (it may open transactions of its own). */
    @FunctionalInterface
    public interface Work {
        void run(KeycloakSession session, RealmModel realm, AccessSettings settings);
    }

    private final RefusedSettingsLog refusals;

    public EnabledRealms(RefusedSettingsLog refusals) {
        this.refusals = refusals;
    }

    public void forEach(KeycloakSession session, String job, Work work) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        List<String[]> realms = session.realms()
                .getRealmsStream()
                .map(r -> new String[] {r.getId(), r.getName()})
                .toList();
        for (String[] idAndName : realms) {
            String realmId = idAndName[0];
            try {
                KeycloakModelUtils.runJobInTransaction(factory, s -> {
                    RealmModel realm = s.realms().getRealm(realmId);
                    if (realm == null) {
                        return; // deleted meanwhile
                    }
                    s.getContext().setRealm(realm);
                    AccessSettingsStore.Inspection settings = AccessSettingsStore.inspect(realm);
                    refusals.report(realmId, realm.getName(), settings.refused());
                    if (settings.settings().enabled()) {
                        work.run(s, realm, settings.settings());
                    }
                });
            } catch (RuntimeException e) {
                LOG.errorf(
                        e,
                        "Job %s failed in realm %s; the other realms go on, and this one is tried again at the next run",
                        job,
                        idAndName[1]);
            }
        }
    }
}
