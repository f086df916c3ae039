package io.accesslifecycle.requests;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;

import io.accesslifecycle.common.Realms;
import io.accesslifecycle.access.AccessAdministrators;
import io.accesslifecycle.access.AccessService;
import io.accesslifecycle.access.AccessUpdate;
import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.common.ConflictException;
import io.accesslifecycle.common.InputException;
import io.accesslifecycle.common.Inputs;
import io.accesslifecycle.common.NotFoundException;
import io.accesslifecycle.outbox.Outbox;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Access requests: made by signed-in users, one pending at a time; approved (with the access given) or rejected. */
public final class AccessRequests {

    static final String ADMIN_TEMPLATE = "access-request-admin.ftl";
    static final String REJECTED_TEMPLATE = "access-request-rejected.ftl";

    private final KeycloakSession session;
    private final RealmModel realm;

    public AccessRequests(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public AccessRequestEntity pendingOf(UserModel user) {
        return em().createNamedQuery("accessRequest.pendingOf", AccessRequestEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", user.getId())
                .getResultStream().findFirst().orElse(null);
    }

    /** The user asks; the access administrators are emailed. A second request while one is pending is a conflict. */
    public AccessRequestEntity submit(UserModel user, String justification) {
        String text = Inputs.text("justification", justification, 1000, true);
        if (text == null) {
            throw new InputException("justification", "is required");
        }
        if (pendingOf(user) != null) {
            throw new ConflictException("request", "a request of yours is already waiting for an administrator");
        }
        AccessRequestEntity r = new AccessRequestEntity();
        r.setId(KeycloakModelUtils.generateId());
        r.setRealmId(realm.getId());
        r.setUserId(user.getId());
        r.setUsername(user.getUsername());
        r.setEmail(user.getEmail());
        r.setJustification(text);
        r.setStatus("PENDING");
        r.setCreatedAt(Time.currentTimeMillis());
        em().persist(r);
        new AuditLog(session).record(realm, AuditLog.Type.ACCESS_REQUESTED, user, user.getId(), user.getUsername(), null, null, text);
        String realmName = Realms.displayName(realm);
        Outbox outbox = new Outbox(session);
        for (UserModel admin : AccessAdministrators.of(session, realm)) {
            outbox.enqueueTo(realm, r.getId(), admin, ADMIN_TEMPLATE, "accessRequestAdminSubject", List.of(realmName, user.getUsername()),
                    Map.of("username", user.getUsername(), "email", String.valueOf(user.getEmail()), "justification", text));
        }
        return r;
    }

    public List<AccessRequestRepresentation> list(String status) {
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s != null && !List.of("PENDING", "APPROVED", "REJECTED", "WITHDRAWN").contains(s)) {
            throw new InputException("status", "one of pending, approved, rejected, withdrawn");
        }
        return em().createNamedQuery("accessRequest.byStatus", AccessRequestEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("status", s).setMaxResults(1000)
                .getResultStream().map(AccessRequests::represent).toList();
    }

    public AccessRequestRepresentation approve(String id, Decision decision, AdminPermissionEvaluator auth) {
        AccessRequestEntity r = pending(id);
        UserModel user = user(r);
        Decision d = decision == null ? new Decision(null, null, null, null, null, null, null) : decision;
        new AccessService(session, realm, auth).replace(user, new AccessUpdate(d.roles(), d.groups(), d.labels(),
                d.accessExpiresOn(), null, null, null, null, !Boolean.FALSE.equals(d.notifyUser()),
                d.note() == null ? "access request approved" : d.note()));
        decide(r, "APPROVED", auth, null);
        new AuditLog(session).record(realm, AuditLog.Type.REQUEST_APPROVED, auth.adminAuth().getUser(), user.getId(),
                user.getUsername(), null, null, d.note());
        return represent(r);
    }

    public AccessRequestRepresentation reject(String id, Decision decision, AdminPermissionEvaluator auth) {
        AccessRequestEntity r = pending(id);
        String reason = Inputs.text("reason", decision == null ? null : decision.reason(), 1000, true);
        if (reason == null) {
            throw new InputException("reason", "is required to reject a request");
        }
        UserModel user = user(r);
        decide(r, "REJECTED", auth, reason);
        new AuditLog(session).record(realm, AuditLog.Type.REQUEST_REJECTED, auth.adminAuth().getUser(), user.getId(),
                user.getUsername(), null, null, reason);
        if (user.getEmail() != null) {
            String realmName = Realms.displayName(realm);
            new Outbox(session).enqueueTo(realm, r.getId(), user, REJECTED_TEMPLATE, "accessRequestRejectedSubject",
                    List.of(realmName), Map.of("reason", reason));
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
        r.setStatus("WITHDRAWN");
        r.setDecidedAt(Time.currentTimeMillis());
        r.setDecidedBy(actor == null ? null : actor.getUsername());
        r.setReason(why);
        new AuditLog(session).record(realm, AuditLog.Type.REQUEST_WITHDRAWN, actor, user.getId(), user.getUsername(), null, null,
                "withdrawn: " + why);
        return true;
    }

    private AccessRequestEntity pending(String id) {
        AccessRequestEntity r = em().find(AccessRequestEntity.class, id);
        if (r == null || !r.getRealmId().equals(realm.getId())) {
            throw new NotFoundException("request " + id + " not found");
        }
        if (!"PENDING".equals(r.getStatus())) {
            throw new ConflictException("status", "the request was already " + r.getStatus().toLowerCase(Locale.ROOT));
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

    private static void decide(AccessRequestEntity r, String status, AdminPermissionEvaluator auth, String reason) {
        r.setStatus(status);
        r.setDecidedAt(Time.currentTimeMillis());
        UserModel admin = auth.adminAuth().getUser();
        r.setDecidedBy(admin == null ? null : admin.getUsername());
        r.setReason(reason);
    }

    static AccessRequestRepresentation represent(AccessRequestEntity r) {
        return new AccessRequestRepresentation(r.getId(), r.getUserId(), r.getUsername(), r.getEmail(), r.getJustification(),
                r.getStatus().toLowerCase(Locale.ROOT), Instant.ofEpochMilli(r.getCreatedAt()).toString(),
                r.getDecidedAt() == null ? null : Instant.ofEpochMilli(r.getDecidedAt()).toString(), r.getDecidedBy(), r.getReason());
    }
}
