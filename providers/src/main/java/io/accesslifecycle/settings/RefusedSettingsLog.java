package io.accesslifecycle.settings;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Logs a realm's refused stored settings once per change, not at every job run: it remembers, per realm, what it
 * last reported. One instance per server, owned by the provider factory that schedules the jobs.
 */
public final class RefusedSettingsLog {

    private static final Logger LOG = Logger.getLogger(RefusedSettingsLog.class);

    private final Map<String, List<AccessSettingsStore.Refused>> lastReported = new ConcurrentHashMap<>();

    /**
     * Logs the realm's refused values if they differ from the ones reported last for it (also when they are gone);
     * answers whether it logged.
     */
    public boolean report(String realmId, String realmName, List<AccessSettingsStore.Refused> refused) {
        List<AccessSettingsStore.Refused> before = lastReported.put(realmId, refused);
        if (refused.equals(before) || (before == null && refused.isEmpty())) {
            return false;
        }
        if (refused.isEmpty()) {
            LOG.infof("Realm %s: every stored Access Lifecycle setting is valid again", realmName);
        }
        for (AccessSettingsStore.Refused r : refused) {
            LOG.warnf(
                    "Realm %s: stored setting %s%s = '%s' is not used (%s); its default applies until it is corrected"
                            + " (GET /admin/realms/%s/access/config lists it)",
                    realmName, AccessSettingsStore.PREFIX, r.field(), r.value(), r.reason(), realmName);
        }
        return true;
    }

    /** Forgets a realm (e.g. once deleted). */
    public void forget(String realmId) {
        lastReported.remove(realmId);
    }
}
