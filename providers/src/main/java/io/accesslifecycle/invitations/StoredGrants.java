package io.accesslifecycle.invitations;

import io.accesslifecycle.access.References;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * The roles and groups an invitation stores, found by id (a rename keeps pointing at the same role); rows stored
 * before ids were kept are read by their references. One that no longer exists is skipped (and logged).
 */
final class StoredGrants {

    private static final Logger LOG = Logger.getLogger(StoredGrants.class);

    private StoredGrants() {}

    static List<RoleModel> roles(RealmModel realm, InvitationGrants grants, String invitationId) {
        List<RoleModel> roles = new ArrayList<>();
        List<String> keys = grants.roleIds() != null ? grants.roleIds() : grants.roles();
        for (String key : keys == null ? List.<String>of() : keys) {
            RoleModel role = grants.roleIds() != null ? realm.getRoleById(key) : References.role(realm, key);
            if (role == null) {
                LOG.warnf("Invitation %s grants role %s, which no longer exists; skipped", invitationId, key);
            } else {
                roles.add(role);
            }
        }
        return roles;
    }

    static List<GroupModel> groups(
            KeycloakSession session, RealmModel realm, InvitationGrants grants, String invitationId) {
        List<GroupModel> groups = new ArrayList<>();
        List<String> keys = grants.groupIds() != null ? grants.groupIds() : grants.groups();
        for (String key : keys == null ? List.<String>of() : keys) {
            GroupModel group =
                    grants.groupIds() != null ? realm.getGroupById(key) : References.group(session, realm, key);
            if (group == null) {
                LOG.warnf("Invitation %s grants group %s, which no longer exists; skipped", invitationId, key);
            } else {
                groups.add(group);
            }
        }
        return groups;
    }
}
