package io.accesslifecycle.access;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * The realm's access administrators: enabled users with an address who hold {@code realm-management/manage-users}
 * effectively: directly, through {@code realm-admin} or any other composite (realm or client role, at any depth),
 * through a group holding one of those roles or through any parent of their group.
 * <p>
 * The work is bounded by roles and groups, never by the realm's users: first the roles that imply manage-users
 * (a pass over the realm's roles and its clients' roles), then, for each, its direct members and the groups that
 * hold it ({@code getGroupsByRoleStream}), each with its subgroups at any depth and their direct members.
 */
public final class AccessAdministrators {

    private AccessAdministrators() {}

    public static List<UserModel> of(KeycloakSession session, RealmModel realm) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        RoleModel manageUsers = management == null ? null : management.getRole(AdminRoles.MANAGE_USERS);
        if (manageUsers == null) {
            return List.of();
        }
        Map<String, UserModel> admins = new LinkedHashMap<>();
        Set<String> groupsSeen = new HashSet<>();
        for (RoleModel role : rolesImplying(realm, manageUsers)) {
            session.users().getRoleMembersStream(realm, role).forEach(u -> keep(admins, u));
            Deque<GroupModel> groups = new ArrayDeque<>();
            session.groups().getGroupsByRoleStream(realm, role, null, null).forEach(groups::add);
            while (!groups.isEmpty()) {
                GroupModel group = groups.pop();
                if (!groupsSeen.add(group.getId())) {
                    continue;
                }
                session.users().getGroupMembersStream(realm, group).forEach(u -> keep(admins, u));
                group.getSubGroupsStream().forEach(groups::add);
            }
        }
        return List.copyOf(admins.values());
    }

    /** manage-users itself and every realm or client role that contains it, directly or through other composites. */
    static List<RoleModel> rolesImplying(RealmModel realm, RoleModel target) {
        return Stream.concat(
                        Stream.of(target),
                        Stream.concat(
                                        realm.getRolesStream(),
                                        realm.getClientsStream().flatMap(ClientModel::getRolesStream))
                                .filter(r -> r.isComposite() && !r.getId().equals(target.getId()) && r.hasRole(target)))
                .toList();
    }

    private static void keep(Map<String, UserModel> admins, UserModel user) {
        if (user.isEnabled() && user.getEmail() != null && !user.getEmail().isBlank()) {
            admins.putIfAbsent(user.getId(), user);
        }
    }
}
