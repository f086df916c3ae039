package io.accesslifecycle.offboarding;

import io.accesslifecycle.access.AccessSnapshot;
import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.common.InputException;
import io.accesslifecycle.common.Inputs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Removes a list of departed users in one call: each name (username or email) gets its own result, and the whole
 * list is applied in the request's one transaction, so it is applied entirely or not at all. Sessions end, and each
 * departure is written to the audit with the note. The person's pending invitations and access request are withdrawn
 * in the same transaction, so an old invitation link cannot bring them back.
 */
public final class Offboarding {

    public static final int MAX_ROWS = 1000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    public Offboarding(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    public OffboardingResult offboard(OffboardingRequest request) {
        List<String> names = request.usernames();
        if (names == null || names.isEmpty()) {
            throw new InputException("usernames", "give at least one username or email address");
        }
        if (names.size() > MAX_ROWS) {
            throw new InputException("usernames", "at most " + MAX_ROWS + " per request (got " + names.size() + ")");
        }
        String mode = request.mode() == null ? null : request.mode().strip().toLowerCase(Locale.ROOT);
        if (!"disable".equals(mode) && !"delete".equals(mode)) {
            throw new InputException("mode", "must be disable or delete");
        }
        String note = Inputs.text("note", request.note(), 1000, true);
        UserModel actor = auth.adminAuth().getUser();
        AuditLog audit = new AuditLog(session);
        Set<String> seen = new HashSet<>();
        List<OffboardingResult.Row> rows = new ArrayList<>();
        for (String given : names) {
            String name = given == null ? "" : given.strip();
            if (name.isEmpty()) {
                rows.add(new OffboardingResult.Row(given, "rejected", null, "empty name"));
                continue;
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                rows.add(new OffboardingResult.Row(given, "rejected", null, "given twice in this request"));
                continue;
            }
            UserModel user = find(name);
            if (user == null || !auth.users().canView(user)) {
                rows.add(new OffboardingResult.Row(given, "unknown", null, "no such user in this realm"));
                continue;
            }
            String refusal = refusal(user, actor);
            if (refusal != null) {
                rows.add(new OffboardingResult.Row(given, "rejected", user.getId(), refusal));
                continue;
            }
            rows.add(new OffboardingResult.Row(given, apply(user, mode, actor, note, audit), user.getId(), null));
        }
        return new OffboardingResult(mode, rows);
    }

    private UserModel find(String name) {
        UserModel user = session.users().getUserByUsername(realm, name);
        if (user == null && name.contains("@")) {
            user = session.users().getUserByEmail(realm, name);
        }
        return user;
    }

    private String refusal(UserModel user, UserModel actor) {
        if (actor != null && actor.getId().equals(user.getId())) {
            return "you cannot offboard yourself";
        }
        if (user.getServiceAccountClientLink() != null) {
            return "a client's service account, not a person";
        }
        if (!auth.users().canManage(user)) {
            return "you may not manage this user";
        }
        return null;
    }

    private String apply(UserModel user, String mode, UserModel actor, String note, AuditLog audit) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("mode", mode);
        AccountClosure.withdrawPending(
                session, realm, user, actor, user.getUsername() + " was offboarded (" + mode + ")");
        if ("delete".equals(mode)) {
            audit.record(
                    realm,
                    AuditLog.Type.USER_OFFBOARDED,
                    actor,
                    user.getId(),
                    user.getUsername(),
                    Map.of("enabled", user.isEnabled()),
                    after,
                    note);
            AccountClosure.delete(session, realm, user);
            return "deleted";
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("enabled", user.isEnabled());
        before.put("access", AccessSnapshot.of(user));
        String status = user.isEnabled() ? "disabled" : "already-disabled";
        AccountClosure.disable(session, realm, user);
        after.put("enabled", false);
        audit.record(
                realm, AuditLog.Type.USER_OFFBOARDED, actor, user.getId(), user.getUsername(), before, after, note);
        return status;
    }
}
