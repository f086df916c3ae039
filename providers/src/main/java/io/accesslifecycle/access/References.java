package io.accesslifecycle.access;

import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.ModelToRepresentation;

/**
 * How roles and groups are named in the API: a realm role by its name, a client role as {@code clientId/roleName}
 * (a realm role of that exact name wins), a group by its path ({@code /staff/paris}; a bare name is top-level).
 */
public final class References {

    private References() {}

    /** The role a reference names, or null. */
    public static RoleModel role(RealmModel realm, String ref) {
        RoleModel role = realm.getRole(ref);
        if (role != null) {
            return role;
        }
        int slash = ref.lastIndexOf('/');
        if (slash > 0 && slash < ref.length() - 1) {
            ClientModel client = realm.getClientByClientId(ref.substring(0, slash));
            return client == null ? null : client.getRole(ref.substring(slash + 1));
        }
        return null;
    }

    /** The group a reference names, or null. */
    public static GroupModel group(KeycloakSession session, RealmModel realm, String ref) {
        return KeycloakModelUtils.findGroupByPath(session, realm, ref.startsWith("/") ? ref : "/" + ref);
    }

    public static String of(RoleModel role) {
        return role.isClientRole()
                ? ((ClientModel) role.getContainer()).getClientId() + "/" + role.getName()
                : role.getName();
    }

    public static String of(GroupModel group) {
        return ModelToRepresentation.buildGroupPath(group);
    }
}
