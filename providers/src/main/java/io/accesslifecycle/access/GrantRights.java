package io.accesslifecycle.access;

import io.accesslifecycle.common.ErrorResponses;
import jakarta.ws.rs.core.Response;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.RealmManager;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * May this administrator give (or take away) this role or group? Keycloak's own check ({@code map-roles},
 * {@code manage-group-membership}) and, because Keycloak 26.7 compares administration roles by name only, every
 * {@code realm-management} role the role or group carries (directly, through composites, through parent groups)
 * must be held, effectively, by the administrator. One rule for {@code PUT /access}, declarations, invitations (at
 * invite, edit, resend and acceptance), request approvals and the catalogue.
 */
public final class GrantRights {

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final UserModel admin;
    private final RealmModel adminsRealm;

    public GrantRights(RealmModel realm, AdminPermissionEvaluator auth, UserModel admin, RealmModel adminsRealm) {
        this.realm = realm;
        this.auth = auth;
        this.admin = admin;
        this.adminsRealm = adminsRealm;
    }

    /** For the administrator of the current request. */
    public static GrantRights of(RealmModel realm, AdminPermissionEvaluator auth) {
        return new GrantRights(
                realm, auth, auth.adminAuth().getUser(), auth.adminAuth().getRealm());
    }

    /** Why the administrator may not give or take this role, or null if they may. */
    public String refusal(RoleModel role) {
        if (admin == null || !auth.roles().canMapRole(role)) {
            return "you may not grant or remove the role " + References.of(role);
        }
        String missing = missingAdminRole(Stream.of(role));
        return missing == null
                ? null
                : "the role " + References.of(role) + " carries realm-management/" + missing
                        + ", which you do not hold";
    }

    /** Why the administrator may not add anyone to or remove anyone from this group, or null if they may. */
    public String refusal(GroupModel group) {
        if (admin == null || !auth.groups().canManageMembership(group)) {
            return "you may not manage the members of the group " + References.of(group);
        }
        Stream.Builder<RoleModel> roles = Stream.builder();
        for (GroupModel g = group; g != null; g = g.getParent()) {
            g.getRoleMappingsStream().forEach(roles::add);
        }
        String missing = missingAdminRole(roles.build());
        return missing == null
                ? null
                : "the group " + References.of(group) + " carries realm-management/" + missing
                        + ", which you do not hold";
    }

    public boolean mayGrant(RoleModel role) {
        return refusal(role) == null;
    }

    public boolean mayGrant(GroupModel group) {
        return refusal(group) == null;
    }

    /** A 403 naming the field {@code roles}. */
    public void require(RoleModel role) {
        String refusal = refusal(role);
        if (refusal != null) {
            throw ErrorResponses.of(Response.Status.FORBIDDEN, "forbidden", "roles", refusal);
        }
    }

    /** A 403 naming the field {@code groups}. */
    public void require(GroupModel group) {
        String refusal = refusal(group);
        if (refusal != null) {
            throw ErrorResponses.of(Response.Status.FORBIDDEN, "forbidden", "groups", refusal);
        }
    }

    /** The first realm-management role carried by these roles (composites expanded) that the administrator lacks. */
    private String missingAdminRole(Stream<RoleModel> roots) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        Set<RoleModel> seen = new LinkedHashSet<>();
        Deque<RoleModel> todo = new ArrayDeque<>();
        roots.forEach(todo::add);
        while (!todo.isEmpty()) {
            RoleModel role = todo.pop();
            if (!seen.add(role)) {
                continue;
            }
            if (management != null
                    && role.isClientRole()
                    && role.getContainerId().equals(management.getId())
                    && !holds(role)) {
                return role.getName();
            }
            if (role.isComposite()) {
                role.getCompositesStream().forEach(todo::add);
            }
        }
        return null;
    }

    private boolean holds(RoleModel managementRole) {
        if (adminsRealm != null
                && !adminsRealm.getId().equals(realm.getId())
                && RealmManager.isAdministrationRealm(adminsRealm)) {
            // an administrator of the master realm holds the roles of this realm's client there
            ClientModel master = realm.getMasterAdminClient();
            RoleModel same = master == null ? null : master.getRole(managementRole.getName());
            return same != null && admin.hasRole(same);
        }
        return admin.hasRole(managementRole);
    }
}
