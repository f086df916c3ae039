package io.accesslifecycle.access;

import io.accesslifecycle.common.InputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Resolves role and group references given by an administrator and checks that this administrator may grant them.
 * <ul>
 *   <li>a role is a realm role name ({@code analyst}) or {@code clientId/roleName}
 *       ({@code support-portal/view-technical-support-information}); a realm role of that exact name wins;</li>
 *   <li>a group is a path ({@code /staff/paris}); a name without a leading slash is a top-level group.</li>
 * </ul>
 * An unknown reference is a 400 naming the field; a role the administrator may not map is a 403, as in Keycloak's
 * own role-mapping endpoint; a role or group carrying a {@code realm-management} role the administrator does not hold
 * (through composites or parent groups) is a 403 naming the field ({@link GrantRights}).
 */
public final class GrantResolver {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public GrantResolver(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    public Grants resolve(List<String> roleRefs, List<String> groupRefs) {
        GrantRights rights = GrantRights.of(realm, auth);
        List<RoleModel> roles = new ArrayList<>();
        for (String ref : distinct("roles", roleRefs)) {
            RoleModel role = role(ref);
            auth.roles().requireMapRole(role);
            rights.require(role);
            roles.add(role);
        }
        List<GroupModel> groups = new ArrayList<>();
        for (String ref : distinct("groups", groupRefs)) {
            GroupModel group = group(ref);
            auth.groups().requireManageMembership(group);
            rights.require(group);
            groups.add(group);
        }
        return new Grants(List.copyOf(roles), List.copyOf(groups));
    }

    private RoleModel role(String ref) {
        RoleModel role = References.role(realm, ref);
        if (role == null) {
            throw new InputException("roles", "unknown role '" + ref + "' (a realm role name, or clientId/roleName)");
        }
        return role;
    }

    private GroupModel group(String ref) {
        GroupModel group = References.group(session, realm, ref);
        if (group == null) {
            throw new InputException("groups", "unknown group '" + ref + "' (a group path such as /staff)");
        }
        return group;
    }

    private static List<String> distinct(String field, List<String> refs) {
        if (refs == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String ref : refs) {
            if (ref == null || ref.isBlank()) {
                throw new InputException(field, "a reference may not be empty");
            }
            out.add(ref.strip());
        }
        return List.copyOf(out);
    }
}
