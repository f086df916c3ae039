package io.accesslifecycle.common;

import io.accesslifecycle.settings.AccessSettingsStore;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The bundle's public pages ({@code /realms/{realm}/access-*}) exist only in realms that turned the bundle on. */
public final class Pages {

    private Pages() {}

    /** A 404, as for any unknown address, in a realm that did not turn the bundle on. */
    public static void requireEnabled(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        if (realm == null || !AccessSettingsStore.enabled(realm)) {
            throw new NotFoundException();
        }
    }
}
