package io.accesslifecycle.common;

import org.keycloak.models.RealmModel;

/** How a realm is named to people: its display name, else its name. */
public final class Realms {

    private Realms() {}

    public static String displayName(RealmModel realm) {
        return realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName();
    }
}
