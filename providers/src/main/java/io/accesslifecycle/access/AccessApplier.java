package io.accesslifecycle.access;

import io.accesslifecycle.callers.CallerDesignation;
import io.accesslifecycle.expiry.AccessEndDate;
import io.accesslifecycle.labels.Labels;
import java.util.List;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Gives a user exactly a set of access: the direct role mappings and group memberships become the given ones (the
 * realm's default roles stay), and the labels, end date and caller designation are replaced. Not merged.
 */
public final class AccessApplier {

    private AccessApplier() {}

    public static void replace(
            RealmModel realm,
            UserModel user,
            List<RoleModel> roles,
            List<GroupModel> groups,
            List<String> labels,
            String accessExpiresOn,
            boolean authorisedCaller) {
        RoleModel defaults = realm.getDefaultRole();
        user.getRoleMappingsStream()
                .filter(role -> !role.equals(defaults) && !roles.contains(role))
                .toList()
                .forEach(user::deleteRoleMapping);
        roles.forEach(user::grantRole);
        user.getGroupsStream().filter(group -> !groups.contains(group)).toList().forEach(user::leaveGroup);
        groups.stream().filter(group -> !user.isMemberOf(group)).forEach(user::joinGroup);
        set(user, Labels.ATTRIBUTE, labels);
        set(user, AccessEndDate.ATTRIBUTE, accessExpiresOn == null ? List.of() : List.of(accessExpiresOn));
        set(user, CallerDesignation.ATTRIBUTE, authorisedCaller ? List.of("true") : List.of());
    }

    private static void set(UserModel user, String attribute, List<String> values) {
        if (values.isEmpty()) {
            user.removeAttribute(attribute);
        } else {
            user.setAttribute(attribute, values);
        }
    }
}
