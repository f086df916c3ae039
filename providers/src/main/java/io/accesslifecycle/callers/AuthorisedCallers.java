package io.accesslifecycle.callers;

import io.accesslifecycle.common.ConflictException;
import io.accesslifecycle.settings.AccessSettings;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Authorised callers of a realm: who they are, the limit per plan, and the client roles of {@code support-portal}
 * that follow the designation ({@code view-technical-support-information}, {@code take-authorised-caller-actions}).
 */
public final class AuthorisedCallers {

    public static final String CLIENT = "support-portal";
    public static final List<String> CLIENT_ROLES =
            List.of("view-technical-support-information", "take-authorised-caller-actions");
    /** The role only a designation gives; {@code view-technical-support-information} may also be granted on its own. */
    public static final String DESIGNATION_ROLE = "take-authorised-caller-actions";

    /** Is this the support-portal role that follows the designation and nothing else? */
    public static boolean isDesignationRole(RoleModel role) {
        return role.isClientRole()
                && DESIGNATION_ROLE.equals(role.getName())
                && role.getContainer() instanceof ClientModel c
                && CLIENT.equals(c.getClientId());
    }

    private final KeycloakSession session;
    private final RealmModel realm;

    public AuthorisedCallers(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The current callers with plan and contact, by username. */
    public List<AuthorisedCallersResource.Caller> listed() {
        return all().sorted(Comparator.comparing(UserModel::getUsername))
                .map(u -> {
                    CallerDesignation d = of(u);
                    return new AuthorisedCallersResource.Caller(
                            u.getId(),
                            u.getUsername(),
                            u.getEmail(),
                            u.getFirstName(),
                            u.getLastName(),
                            d.supportPlan(),
                            d.callerPhone(),
                            d.callerCountry());
                })
                .toList();
    }

    public Stream<UserModel> all() {
        return session.users().searchForUserByUserAttributeStream(realm, CallerDesignation.ATTRIBUTE, "true");
    }

    /** Refuses a designation that would exceed the plan's limit (409 with the limit). */
    public void requireRoomFor(UserModel user, CallerDesignation d, AccessSettings settings) {
        if (!d.authorisedCaller()) {
            return;
        }
        int limit = settings.authorisedCallerLimit().get(d.supportPlan());
        long others = all().filter(u -> !u.getId().equals(user.getId()))
                .filter(u -> d.supportPlan().equals(u.getFirstAttribute(CallerDesignation.PLAN)))
                .count();
        if (others >= limit) {
            throw new ConflictException(
                    "authorisedCaller",
                    "the " + d.supportPlan() + " plan allows " + limit + " authorised callers and has " + others
                            + " already");
        }
    }

    /**
     * Stores the designation on the user and grants the support-portal roles to a caller; a non-caller loses
     * {@code take-authorised-caller-actions} and keeps {@code view-technical-support-information} only if it was
     * granted on its own (the role list decides).
     */
    public void apply(UserModel user, CallerDesignation d) {
        set(user, CallerDesignation.ATTRIBUTE, d.authorisedCaller() ? "true" : null);
        set(user, CallerDesignation.PLAN, d.supportPlan());
        set(user, CallerDesignation.PHONE, d.callerPhone());
        set(user, CallerDesignation.COUNTRY, d.callerCountry());
        ClientModel client = realm.getClientByClientId(CLIENT);
        if (client == null) {
            return;
        }
        for (String name : CLIENT_ROLES) {
            RoleModel role = client.getRole(name);
            if (role == null) {
                continue;
            }
            if (d.authorisedCaller() && !user.hasDirectRole(role)) {
                user.grantRole(role);
            } else if (!d.authorisedCaller() && DESIGNATION_ROLE.equals(name) && user.hasDirectRole(role)) {
                user.deleteRoleMapping(role);
            }
        }
    }

    public static CallerDesignation of(UserModel user) {
        return new CallerDesignation(
                "true".equals(user.getFirstAttribute(CallerDesignation.ATTRIBUTE)),
                user.getFirstAttribute(CallerDesignation.PLAN),
                user.getFirstAttribute(CallerDesignation.PHONE),
                user.getFirstAttribute(CallerDesignation.COUNTRY));
    }

    private static void set(UserModel user, String attribute, String value) {
        if (value == null) {
            user.removeAttribute(attribute);
        } else {
            user.setSingleAttribute(attribute, value);
        }
    }
}
