package io.accesslifecycle.access;

import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.callers.AuthorisedCallers;
import io.accesslifecycle.callers.CallerDesignation;
import io.accesslifecycle.callers.CallerRules;
import io.accesslifecycle.common.InputException;
import io.accesslifecycle.common.Inputs;
import io.accesslifecycle.expiry.AccessEndDate;
import io.accesslifecycle.expiry.AccessStatus;
import io.accesslifecycle.expiry.ExpiryRestoration;
import io.accesslifecycle.expiry.GracePeriod;
import io.accesslifecycle.labels.Labels;
import io.accesslifecycle.settings.AccessSettings;
import io.accesslifecycle.settings.AccessSettingsStore;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * A user's access as one document: read it, or replace it at once (roles, groups, labels, end date, caller
 * designation), with an audit entry, the administrators informed and, on request, the user.
 */
public final class AccessService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public AccessService(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    public UserAccess read(UserModel user) {
        AccessSnapshot s = AccessSnapshot.of(user);
        CallerDesignation c = AuthorisedCallers.of(user);
        return new UserAccess(
                user.getId(),
                user.getUsername(),
                user.getEmail(),
                s.roles(),
                s.groups(),
                s.labels(),
                s.accessExpiresOn(),
                c.authorisedCaller(),
                c.supportPlan(),
                c.callerPhone(),
                c.callerCountry());
    }

    /**
     * Users with their access summary. Filters: a label (exact), a status, text in username, email or names;
     * then {@code first}/{@code max}.
     */
    public List<UserSummary> list(String label, String status, String text, Integer first, Integer max) {
        Inputs.Page page = Inputs.page(first, max, 100, 1000);
        AccessStatus wanted = status == null || status.isBlank() ? null : AccessStatus.parse(status.strip());
        if (status != null && !status.isBlank() && wanted == null) {
            throw new InputException("status", "one of active, expiring, expired-grace, disabled");
        }
        AccessSettings settings = AccessSettingsStore.read(realm);
        LocalDate today = settings.today();
        boolean noText = text == null || text.isBlank();
        boolean byLabel = label != null && !label.isBlank();
        if (noText && (byLabel || wanted != null) && UserListStore.applies(realm, auth)) {
            // one query with the filters and the page: never every user of the realm through Java (bench/RESULTS.md)
            return new UserListStore(session, realm)
                    .ids(byLabel ? label.strip() : null, wanted, today, page.first(), page.max()).stream()
                            .map(id -> session.users().getUserById(realm, id))
                            .filter(Objects::nonNull)
                            .map(u -> summary(u, settings, today))
                            .toList();
        }
        Stream<UserModel> users;
        if (byLabel) {
            users = session.users().searchForUserByUserAttributeStream(realm, Labels.ATTRIBUTE, label.strip());
            if (text != null && !text.isBlank()) {
                String t = text.strip().toLowerCase(Locale.ROOT);
                users = users.filter(u -> Stream.of(u.getUsername(), u.getEmail(), u.getFirstName(), u.getLastName())
                        .anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(t)));
            }
            users = users.sorted(Comparator.comparing(UserModel::getUsername));
        } else {
            users = session.users()
                    .searchForUserStream(
                            realm,
                            Map.of(
                                    UserModel.SEARCH,
                                    text == null || text.isBlank() ? "*" : text.strip(),
                                    UserModel.INCLUDE_SERVICE_ACCOUNT,
                                    "false"));
        }
        return users.filter(u -> auth.users().canView(u))
                .map(u -> summary(u, settings, today))
                .filter(s -> wanted == null || s.status().equals(wanted.value()))
                .skip(page.first())
                .limit(page.max())
                .toList();
    }

    private UserSummary summary(UserModel u, AccessSettings settings, LocalDate today) {
        AccessStatus status = AccessStatus.of(u.isEnabled(), u.getFirstAttribute(AccessEndDate.ATTRIBUTE), today);
        LocalDate deletionOn =
                status == AccessStatus.EXPIRED_GRACE ? GracePeriod.deletionOn(session, u, settings, today) : null;
        return UserSummary.of(u, status, deletionOn);
    }

    /** Every field of the update is taken as given (a missing one means none). */
    public static final Set<String> ALL_FIELDS = Set.of(
            "roles",
            "groups",
            "labels",
            "accessExpiresOn",
            "authorisedCaller",
            "supportPlan",
            "callerPhone",
            "callerCountry");

    public UserAccess replace(UserModel user, AccessUpdate update) {
        return replace(user, update, ALL_FIELDS);
    }

    /**
     * Replaces the fields the body names ({@code present}); a field left out keeps its current value, an explicit
     * {@code null} clears it. What is given and what is taken away are both checked ({@link GrantRights}).
     */
    public UserAccess replace(UserModel user, AccessUpdate update, Set<String> present) {
        AccessSettings settings = AccessSettingsStore.read(realm);
        GrantRights rights = GrantRights.of(realm, auth);
        RoleModel defaults = realm.getDefaultRole();
        List<RoleModel> currentRoles = user.getRoleMappingsStream()
                .filter(r -> !r.equals(defaults) && !callerRole(r))
                .toList();
        List<GroupModel> currentGroups = user.getGroupsStream().toList();
        Grants given = new GrantResolver(session, realm, auth)
                .resolve(
                        present.contains("roles") ? update.roles() : null,
                        present.contains("groups") ? update.groups() : null);
        List<RoleModel> roles0 = present.contains("roles") ? withoutCallerRoles(given.roles()) : currentRoles;
        List<GroupModel> groups = present.contains("groups") ? given.groups() : currentGroups;
        List<String> labels = present.contains("labels")
                ? Labels.normalize("labels", update.labels())
                : user.getAttributeStream(Labels.ATTRIBUTE).toList();
        LocalDate today = settings.today();
        String end;
        if (present.contains("accessExpiresOn")) {
            LocalDate parsed = AccessEndDate.parse(
                    "accessExpiresOn",
                    update.accessExpiresOn(),
                    today,
                    user.getFirstAttribute(AccessEndDate.ATTRIBUTE));
            end = parsed == null ? null : parsed.toString();
        } else {
            end = user.getFirstAttribute(AccessEndDate.ATTRIBUTE);
        }
        CallerDesignation current = AuthorisedCallers.of(user);
        AuthorisedCallers callers = new AuthorisedCallers(session, realm);
        CallerDesignation caller;
        if (present.stream().anyMatch(CALLER_FIELDS::contains)) {
            caller = CallerRules.check(
                    new CallerDesignation(
                            present.contains("authorisedCaller")
                                    ? Boolean.TRUE.equals(update.authorisedCaller())
                                    : current.authorisedCaller(),
                            present.contains("supportPlan") ? update.supportPlan() : current.supportPlan(),
                            present.contains("callerPhone") ? update.callerPhone() : current.callerPhone(),
                            present.contains("callerCountry") ? update.callerCountry() : current.callerCountry()),
                    settings);
            callers.requireRoomFor(user, caller, settings);
        } else {
            caller = current;
        }
        String note = Inputs.text("note", update.note(), 1000, true);
        List<RoleModel> roles =
                !(current.authorisedCaller() && !caller.authorisedCaller() && !present.contains("roles"))
                        ? roles0
                        // the support-portal roles the designation gave go with it (unless a role list keeps them)
                        : roles0.stream()
                                .filter(r ->
                                        !(r.isClientRole() && AuthorisedCallers.CLIENT_ROLES.contains(r.getName())))
                                .toList();

        // Taking a role or a group away needs the same right as giving it.
        currentRoles.stream().filter(r -> !roles.contains(r)).forEach(r -> {
            auth.roles().requireMapRole(r);
            rights.require(r);
        });
        currentGroups.stream().filter(g -> !groups.contains(g)).forEach(g -> {
            auth.groups().requireManageMembership(g);
            rights.require(g);
        });

        AccessSnapshot before = AccessSnapshot.of(user);
        AccessApplier.replace(realm, user, roles, groups, labels, end, caller.authorisedCaller());
        callers.apply(user, caller);
        AccessSnapshot after = AccessSnapshot.of(user);

        UserModel actor = auth.adminAuth().getUser();
        new AuditLog(session)
                .record(
                        realm,
                        AuditLog.Type.PERMISSIONS_CHANGED,
                        actor,
                        user.getId(),
                        user.getUsername(),
                        before,
                        after,
                        note);
        ExpiryRestoration.restoreIfMoved(session, realm, user, actor, note);
        AccessNotifications notifications = new AccessNotifications(session, realm, actor);
        if (Boolean.TRUE.equals(update.notifyUser())) {
            notifications.toUser(user, after, note);
        }
        if (settings.notifyAdminsOnPermissionChange() && !before.equals(after)) {
            notifications.toAdministrators(actor, user, before, after, note);
        }
        return read(user);
    }

    private static final Set<String> CALLER_FIELDS =
            Set.of("authorisedCaller", "supportPlan", "callerPhone", "callerCountry");

    /** The role that only the designation gives ({@code view-technical-support-information} may be granted alone). */
    private static boolean callerRole(RoleModel role) {
        return AuthorisedCallers.isDesignationRole(role);
    }

    /** The designation's own role follows the designation, whatever the roles list says. */
    private static List<RoleModel> withoutCallerRoles(List<RoleModel> roles) {
        return roles.stream().filter(r -> !callerRole(r)).toList();
    }
}
