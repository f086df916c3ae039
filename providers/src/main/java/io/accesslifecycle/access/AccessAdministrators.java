package io.accesslifecycle.access;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * The realm's access administrators: enabled users with an address who hold {@code realm-management/manage-users}
 * directly, through a composite realm role (such as {@code access-admin}) or through a group.
 */
public final class AccessAdministrators {

    private AccessAdministrators() {
    }

    public static List<UserModel> of(KeycloakSession session, RealmModel realm) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        RoleModel manageUsers = management == null ? null : management.getRole(AdminRoles.MANAGE_USERS);
        if (manageUsers == null) {
            return List.of();
        }
        Set<RoleModel> roles = new HashSet<>();
        roles.add(manageUsers);
        realm.getRolesStream().filter(r -> r.hasRole(manageUsers)).forEach(roles::add);
        Set<String> seen = new HashSet<>();
        return roles.stream()
                .flatMap(role -> Stream.concat(session.users().getRoleMembersStream(realm, role),
                        session.groups().getGroupsStream(realm).filter(g -> g.hasRole(role))
                                .flatMap(g -> session.users().getGroupMembersStream(realm, g))))
                .filter(u -> u.isEnabled() && u.getEmail() != null && seen.add(u.getId()))
                .toList();
    }
}
