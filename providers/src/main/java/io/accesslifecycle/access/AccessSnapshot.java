package io.accesslifecycle.access;

import io.accesslifecycle.callers.CallerDesignation;
import io.accesslifecycle.expiry.AccessEndDate;
import io.accesslifecycle.labels.Labels;
import java.util.List;
import org.keycloak.models.UserModel;

/** A user's access at one moment, as the audit log shows it before and after a change. */
public record AccessSnapshot(
        List<String> roles,
        List<String> groups,
        List<String> labels,
        String accessExpiresOn,
        boolean authorisedCaller) {

    public static AccessSnapshot of(UserModel user) {
        return new AccessSnapshot(
                user.getRoleMappingsStream().map(References::of).sorted().toList(),
                user.getGroupsStream().map(References::of).sorted().toList(),
                user.getAttributeStream(Labels.ATTRIBUTE).toList(),
                user.getFirstAttribute(AccessEndDate.ATTRIBUTE),
                "true".equals(user.getFirstAttribute(CallerDesignation.ATTRIBUTE)));
    }
}
