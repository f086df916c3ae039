package io.accesslifecycle.requests;

import io.accesslifecycle.access.AccessAdministrators;
import io.accesslifecycle.access.AccessService;
import io.accesslifecycle.access.AccessUpdate;
import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.budget.EmailBudget;
import io.accesslifecycle.common.ConflictException;
import io.accesslifecycle.common.InputException;
import io.accesslifecycle.common.Inputs;
import io.accesslifecycle.common.KeycloakPages;
import io.accesslifecycle.common.NotInRealmException;
import io.accesslifecycle.common.RateLimitedException;
import io.accesslifecycle.common.Realms;
import io.accesslifecycle.outbox.OutboxStore;
import io.accesslifecycle.settings.AccessSettingsStore;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Access requests: made by signed-in users, one pending at a time; approved (with the access given) or rejected. */
public final class AccessRequests {

    static final String ADMIN_TEMPLATE = "access-request-admin.ftl";
    static final String REJECTED_TEMPLATE = "access-request-rejected.ftl";

    static final long DAY_MILLIS = 86_400_000L;
    private static final int MAX_ATTEMPTS = 3;

    private final KeycloakSession session;
    private final RealmModel realm;

    public AccessRequests(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    private RequestStore store() {
        return new RequestStore(session, realm);
    }

    public AccessRequestEntity pendingOf(UserModel user) {
        return store().pendingOf(user.getId());
    }

    /**
     * The user asks; each access administrator gets one email, without the requester's text (a link to the console,
     * where it is read). One pending request per user is enforced by the database ({@code PENDING_KEY} is unique and
     * set only while pending), so concurrent submissions give one request and conflicts; and at most
     * {@code accessRequestsPerUserPerDay} requests per user in any 24 hours.
     */
    public AccessRequestEntity submit(UserModel user, String justification) {
        String text = Inputs.text("justification", justification, 1000, true);
        if (text == null) {
            throw new InputException("justification", "is required");
        }
        if (pendingOf(user) != null) {
            throw alreadyPending();
        }
        int perDay = AccessSettingsStore.read(realm).accessRequestsPerUserPerDay();
        long now = Time.currentTimeMillis();
        List<Long> today = store().madeSince(user.getId(), now - DAY_MILLIS);
        if (today.size() >= perDay) {
            long next = today.get(today.size() - perDay) + DAY_MILLIS;
            throw new RateLimitedException(
                    "accessRequestsPerUserPerDay",
                    "at most " + perDay
                            + " access requests per user in 24 hours (setting accessRequestsPerUserPerDay); the next one is possible at "
                            + Instant.ofEpochMilli(next),
                    Math.max(1, (next - now + 999) / 1000));
        }
        String consoleUrl = KeycloakPages.realmPath(session, realm, "access-console/")
                        .build()
                        .toString() + "#/requests";
        String realmId = realm.getId();
        String userId = user.getId();
        String id = KeycloakModelUtils.generateId();
        for (int attempt = 1; ; attempt++) {
            try {
                // its own transaction: a lost race is a unique-key violation, which must not poison the request's
                // transaction
                KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                    RealmModel r = s.realms().getRealm(realmId);
                    s.getContext().setRealm(r);
                    UserModel u = s.users().getUserById(r, userId);
                    AccessRequestEntity row = new AccessRequestEntity();
                    row.setId(id);
                    row.setRealmId(realmId);
                    row.setUserId(userId);
                    row.setPendingKey(userId);
                    row.setUsername(u.getUsername());
                    row.setEmail(u.getEmail());
                    row.setJustification(text);
                    row.setStatus(RequestStatus.PENDING);
                    row.setCreatedAt(now);
                    new RequestStore(s, r).insert(row); // the unique key decides here, before any email is queued
                    new AuditLog(s)
                            .record(r, AuditLog.Type.ACCESS_REQUESTED, u, userId, u.getUsername(), null, null, text);
                    String realmName = Realms.displayName(r);
                    OutboxStore outbox = new OutboxStore(s);
                    for (UserModel admin : AccessAdministrators.of(s, r)) {
                        outbox.enqueueTo(
                                r,
                                id,
                                admin,
                                ADMIN_TEMPLATE,
                                "accessRequestAdminSubject",
                                List.of(realmName, u.getUsername()),
                                Map.of(
                                        "username",
                                        u.getUsername(),
                                        "email",
                                        String.valueOf(u.getEmail()),
                                        "consoleUrl",
                                        consoleUrl));
                    }
                });
                break;
            } catch (ModelDuplicateException | PersistenceException e) {
                throw alreadyPending();
            } catch (ModelException e) {
                if (pendingOf(user) != null) {
                    throw alreadyPending();
                }
                // another submission of the same user held the unique key and had not committed when this one
                // gave up (a lock timeout under load, seen on H2): the next attempt finds its request, or goes
                // through if that one failed
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
        return store().find(id);
    }

    private static ConflictException alreadyPending() {
        return new ConflictException("request", "a request of yours is already waiting for an administrator");
    }

    public List<AccessRequestRepresentation> list(String status) {
        RequestStatus s = status == null || status.isBlank()
                ? null
                : RequestStatus.fromApi(status)
                        .orElseThrow(
                                () -> new InputException("status", "one of pending, approved, rejected, withdrawn"));
        return store().byStatus(s, 1000).stream().map(AccessRequests::represent).toList();
    }

    /**
     * Approves: the fields the decision names ({@code present}: roles, groups, labels, accessExpiresOn) replace the
     * user's; the others, and the caller designation, keep their current value ({@code null} clears).
     */
    public AccessRequestRepresentation approve(
            String id, Decision decision, java.util.Set<String> present, AdminPermissionEvaluator auth) {
        AccessRequestEntity r = pending(id);
        UserModel user = user(r);
        Decision d = decision == null ? new Decision(null, null, null, null, null, null, null) : decision;
        java.util.Set<String> named = new java.util.HashSet<>(present);
        named.retainAll(java.util.Set.of("roles", "groups", "labels", "accessExpiresOn"));
        new AccessService(session, realm, auth)
                .replace(
                        user,
                        new AccessUpdate(
                                d.roles(),
                                d.groups(),
                                d.labels(),
                                d.accessExpiresOn(),
                                null,
                                null,
                                null,
                                null,
                                !Boolean.FALSE.equals(d.notifyUser()),
                                d.note() == null ? "access request approved" : d.note()),
                        named);
        decide(r, RequestStatus.APPROVED, auth, null);
        new AuditLog(session)
                .record(
                        realm,
                        AuditLog.Type.REQUEST_APPROVED,
                        auth.adminAuth().getUser(),
                        user.getId(),
                        user.getUsername(),
                        null,
                        null,
                        d.note());
        return represent(r);
    }

    public AccessRequestRepresentation reject(String id, Decision decision, AdminPermissionEvaluator auth) {
        AccessRequestEntity r = pending(id);
        String reason = Inputs.text("reason", decision == null ? null : decision.reason(), 1000, true);
        if (reason == null) {
            throw new InputException("reason", "is required to reject a request");
        }
        UserModel user = user(r);
        if (user.getEmail() != null) {
            new EmailBudget(session, realm, auth.adminAuth().getUser()).spend(1);
        }
        decide(r, RequestStatus.REJECTED, auth, reason);
        new AuditLog(session)
                .record(
                        realm,
                        AuditLog.Type.REQUEST_REJECTED,
                        auth.adminAuth().getUser(),
                        user.getId(),
                        user.getUsername(),
                        null,
                        null,
                        reason);
        if (user.getEmail() != null) {
            String realmName = Realms.displayName(realm);
            new OutboxStore(session)
                    .enqueueTo(
                            realm,
                            r.getId(),
                            user,
                            REJECTED_TEMPLATE,
                            "accessRequestRejectedSubject",
                            List.of(realmName),
                            Map.of("reason", reason));
        }
        return represent(r);
    }

    /**
     * A leaver's pending request is withdrawn (no email: the person has left), in the caller's transaction, and
     * audited; {@code actor} is null for a job. {@code true} when there was one.
     */
    public boolean withdrawPendingOf(UserModel user, UserModel actor, String why) {
        AccessRequestEntity r = pendingOf(user);
        if (r == null) {
            return false;
        }
        r.setStatus(RequestStatus.WITHDRAWN);
        r.setPendingKey(null); // decided: a returning person may ask again
        r.setDecidedAt(Time.currentTimeMillis());
        r.setDecidedBy(actor == null ? null : actor.getUsername());
        r.setReason(why);
        new AuditLog(session)
                .record(
                        realm,
                        AuditLog.Type.REQUEST_WITHDRAWN,
                        actor,
                        user.getId(),
                        user.getUsername(),
                        null,
                        null,
                        "withdrawn: " + why);
        return true;
    }

    private AccessRequestEntity pending(String id) {
        AccessRequestEntity r = store().find(id);
        if (r == null) {
            throw new NotInRealmException("request " + id + " not found");
        }
        if (r.getStatus() != RequestStatus.PENDING) {
            throw new ConflictException(
                    "status", "the request was already " + r.getStatus().apiName());
        }
        return r;
    }

    private UserModel user(AccessRequestEntity r) {
        UserModel user = session.users().getUserById(realm, r.getUserId());
        if (user == null) {
            throw new ConflictException("userId", "the account that made the request no longer exists");
        }
        return user;
    }

    private static void decide(
            AccessRequestEntity r, RequestStatus status, AdminPermissionEvaluator auth, String reason) {
        r.setStatus(status);
        r.setPendingKey(null); // decided: the user may ask again
        r.setDecidedAt(Time.currentTimeMillis());
        UserModel admin = auth.adminAuth().getUser();
        r.setDecidedBy(admin == null ? null : admin.getUsername());
        r.setReason(reason);
    }

    static AccessRequestRepresentation represent(AccessRequestEntity r) {
        return new AccessRequestRepresentation(
                r.getId(),
                r.getUserId(),
                r.getUsername(),
                r.getEmail(),
                r.getJustification(),
                r.getStatus().apiName(),
                Instant.ofEpochMilli(r.getCreatedAt()).toString(),
                r.getDecidedAt() == null
                        ? null
                        : Instant.ofEpochMilli(r.getDecidedAt()).toString(),
                r.getDecidedBy(),
                r.getReason());
    }
}
