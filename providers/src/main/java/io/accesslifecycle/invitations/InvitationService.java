package io.accesslifecycle.invitations;

import io.accesslifecycle.access.GrantResolver;
import io.accesslifecycle.access.GrantRights;
import io.accesslifecycle.access.Grants;
import io.accesslifecycle.access.References;
import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.budget.EmailBudget;
import io.accesslifecycle.callers.AuthorisedCallers;
import io.accesslifecycle.callers.CallerDesignation;
import io.accesslifecycle.callers.CallerRules;
import io.accesslifecycle.common.ConflictException;
import io.accesslifecycle.common.InputException;
import io.accesslifecycle.common.Inputs;
import io.accesslifecycle.common.NotInRealmException;
import io.accesslifecycle.expiry.AccessEndDate;
import io.accesslifecycle.labels.Labels;
import io.accesslifecycle.outbox.DeliveryStatus;
import io.accesslifecycle.outbox.OutboxStore;
import io.accesslifecycle.settings.AccessSettings;
import io.accesslifecycle.settings.AccessSettingsStore;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Invitations: bulk invite with row-by-row results, list, read, edit, revoke and resend. Every invitation is a
 * stored row; its email goes through the outbox, so a request for 1000 invitations never waits on SMTP.
 */
public final class InvitationService {

    public static final int MAX_INVITEES = 1000;
    static final int MAX_MESSAGE = 2000;
    static final int MAX_NOTE = 1000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final InvitationStore store;

    public InvitationService(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.store = new InvitationStore(session, realm);
    }

    public InviteResult invite(InviteRequest request, URI baseUri) {
        List<Invitee> invitees = request.invitees();
        if (invitees == null || invitees.isEmpty()) {
            throw new InputException("invitees", "at least one invitee is required");
        }
        if (invitees.size() > MAX_INVITEES) {
            throw new InputException(
                    "invitees", "at most " + MAX_INVITEES + " invitees per request (got " + invitees.size() + ")");
        }
        boolean caller = Boolean.TRUE.equals(request.authorisedCaller());
        if (caller && invitees.size() > 1) {
            throw new InputException("authorisedCaller", "an authorised caller is designated one invitee at a time");
        }
        if (!caller
                && (request.supportPlan() != null
                        || request.callerPhone() != null
                        || request.callerCountry() != null)) {
            throw new InputException(
                    request.supportPlan() != null
                            ? "supportPlan"
                            : request.callerPhone() != null ? "callerPhone" : "callerCountry",
                    "is for an authorised-caller invitee (authorisedCaller: true)");
        }
        CallerDesignation designation = CallerRules.check(
                new CallerDesignation(caller, request.supportPlan(), request.callerPhone(), request.callerCountry()),
                AccessSettingsStore.read(realm));
        InvitationGrants grants = grants(
                resolve(request.roles(), request.groups()), request.labels(), request.accessExpiresOn(), designation);
        String message = Inputs.text("message", request.message(), MAX_MESSAGE, true);
        String note = Inputs.text("note", request.note(), MAX_NOTE, true);
        String locale = Inputs.locale(realm, request.locale());

        UserModel actor = auth.adminAuth().getUser();
        EmailBudget budget = new EmailBudget(session, realm, actor);
        budget.check(1); // none left this hour: refused before any work
        AccessSettings settings = AccessSettingsStore.read(realm);
        long now = Time.currentTimeMillis();
        long expiresAt = now + settings.invitationLifespanDays() * 86_400_000L;
        InvitationEmail email = new InvitationEmail(session, realm);
        AuditLog audit = new AuditLog(session);
        Set<String> seen = new HashSet<>();
        List<InviteResult.Row> rows = new ArrayList<>();
        for (Invitee invitee : invitees) {
            String address = invitee == null || invitee.email() == null
                    ? ""
                    : invitee.email().strip().toLowerCase(Locale.ROOT);
            String shown = invitee == null || invitee.email() == null ? null : invitee.email();
            if (!Inputs.isEmail(address)) {
                rows.add(InviteResult.Row.rejected(shown, "invalid email address"));
                continue;
            }
            if (!seen.add(address)) {
                rows.add(InviteResult.Row.rejected(shown, "duplicate in this request"));
                continue;
            }
            String firstName;
            String lastName;
            try {
                firstName = Inputs.text("firstName", invitee.firstName(), 255, false);
                lastName = Inputs.text("lastName", invitee.lastName(), 255, false);
            } catch (InputException e) {
                rows.add(InviteResult.Row.rejected(shown, e.field() + " " + e.detail()));
                continue;
            }
            if (designation.authorisedCaller()) {
                String full = planFull(designation, address, settings);
                if (full != null) {
                    rows.add(InviteResult.Row.rejected(shown, full));
                    continue;
                }
            }
            boolean replaced = false;
            for (InvitationEntity pending : store.pendingFor(address)) {
                pending.setStatus(InvitationStatus.REPLACED);
                pending.setEndedAt(now);
                replaced = true;
            }
            InvitationEntity invitation = new InvitationEntity();
            invitation.setId(KeycloakModelUtils.generateId());
            invitation.setRealmId(realm.getId());
            invitation.setEmail(address);
            invitation.setFirstName(firstName);
            invitation.setLastName(lastName);
            invitation.setStatus(InvitationStatus.PENDING);
            invitation.setGrants(InvitationEmail.grantsJson(grants));
            invitation.setLabels(InvitationStore.labelsIndex(grants.labels()));
            invitation.setMessage(message);
            invitation.setLocale(locale);
            invitation.setNote(note);
            invitation.setInvitedBy(actor == null ? null : actor.getId());
            invitation.setInvitedByName(actor == null ? null : displayName(actor));
            issuedBy(invitation);
            invitation.setCreatedAt(now);
            invitation.setExpiresAt(expiresAt);
            invitation.setTokenNonce(UUID.randomUUID().toString());
            store.persist(invitation);
            email.queue(baseUri, invitation, grants, actor);
            audit.record(realm, AuditLog.Type.INVITATION_SENT, actor, invitation.getId(), address, null, grants, note);
            rows.add(InviteResult.Row.invited(shown, invitation.getId(), replaced));
        }
        // over the hourly limit, the whole request is refused: its transaction is rolled back, nothing is queued
        budget.spend((int) rows.stream().filter(r -> r.invitationId() != null).count());
        return new InviteResult(rows);
    }

    public List<InvitationRepresentation> search(String status, String label, String text, Integer first, Integer max) {
        InvitationState state = status == null
                ? null
                : InvitationState.parse(status)
                        .orElseThrow(() -> new InputException("status", "one of " + InvitationState.apiNames()));
        Inputs.Page page = Inputs.page(first, max, 100, 1000);
        List<InvitationEntity> found =
                store.search(state, blankToNull(label), blankToNull(text), page.first(), page.max());
        Map<String, DeliveryStatus> delivery = new OutboxStore(session)
                .latestStatus(found.stream().map(InvitationEntity::getId).toList());
        return found.stream().map(i -> represent(i, delivery.get(i.getId()))).toList();
    }

    public InvitationRepresentation get(String id) {
        InvitationEntity invitation = existing(id);
        return represent(
                invitation, new OutboxStore(session).latestStatus(List.of(id)).get(id));
    }

    public InvitationRepresentation update(String id, InvitationUpdate update, URI baseUri) {
        InvitationEntity invitation = pending(id);
        InvitationGrants current = InvitationEmail.grants(invitation);
        // the one who edits must be allowed to give all of it, the kept roles and groups included: they become its
        // issuer
        Grants kept = resolve(
                update.roles() != null ? update.roles() : null, update.groups() != null ? update.groups() : null);
        Grants resolved = new Grants(
                update.roles() != null ? kept.roles() : requireAll(StoredGrants.roles(realm, current, id)),
                update.groups() != null
                        ? kept.groups()
                        : requireAllGroups(StoredGrants.groups(session, realm, current, id)));
        boolean caller = update.authorisedCaller() != null ? update.authorisedCaller() : current.authorisedCaller();
        CallerDesignation designation = CallerRules.check(
                new CallerDesignation(
                        caller,
                        update.supportPlan() != null ? update.supportPlan() : current.supportPlan(),
                        update.callerPhone() != null ? update.callerPhone() : current.callerPhone(),
                        update.callerCountry() != null ? update.callerCountry() : current.callerCountry()),
                AccessSettingsStore.read(realm));
        InvitationGrants grants = grants(
                resolved,
                update.labels() != null ? update.labels() : current.labels(),
                update.accessExpiresOn() != null ? update.accessExpiresOn() : current.accessExpiresOn(),
                designation);
        if (update.firstName() != null) {
            invitation.setFirstName(Inputs.text("firstName", update.firstName(), 255, false));
        }
        if (update.lastName() != null) {
            invitation.setLastName(Inputs.text("lastName", update.lastName(), 255, false));
        }
        if (update.message() != null) {
            invitation.setMessage(Inputs.text("message", update.message(), MAX_MESSAGE, true));
        }
        if (update.locale() != null) {
            invitation.setLocale(Inputs.locale(realm, update.locale()));
        }
        if (update.note() != null) {
            invitation.setNote(Inputs.text("note", update.note(), MAX_NOTE, true));
        }
        invitation.setGrants(InvitationEmail.grantsJson(grants));
        invitation.setLabels(InvitationStore.labelsIndex(grants.labels()));
        issuedBy(invitation);
        new AuditLog(session)
                .record(
                        realm,
                        AuditLog.Type.INVITATION_EDITED,
                        auth.adminAuth().getUser(),
                        invitation.getId(),
                        invitation.getEmail(),
                        current,
                        grants,
                        invitation.getNote());
        if (!Boolean.FALSE.equals(update.notifyInvitee())) {
            UserModel actor = auth.adminAuth().getUser();
            new EmailBudget(session, realm, actor).spend(1);
            new InvitationEmail(session, realm).queue(baseUri, invitation, grants, actor);
        }
        return get(id);
    }

    public InvitationRepresentation revoke(String id) {
        InvitationEntity invitation = pending(id);
        invitation.setStatus(InvitationStatus.REVOKED);
        invitation.setEndedAt(Time.currentTimeMillis());
        new AuditLog(session)
                .record(
                        realm,
                        AuditLog.Type.INVITATION_REVOKED,
                        auth.adminAuth().getUser(),
                        invitation.getId(),
                        invitation.getEmail(),
                        null,
                        null,
                        null);
        return get(id);
    }

    /** A new link and a new lifespan; the previous link stops working. Works on pending and expired invitations. */
    public InvitationRepresentation resend(String id, URI baseUri) {
        InvitationEntity invitation = existing(id);
        if (invitation.getStatus() != InvitationStatus.PENDING) {
            throw new ConflictException(
                    "status",
                    "only a pending or expired invitation can be resent (this one is "
                            + invitation.getStatus().apiName() + ")");
        }
        UserModel actor = auth.adminAuth().getUser();
        // the one who resends becomes the issuer: they must be allowed to give all of it
        InvitationGrants current = InvitationEmail.grants(invitation);
        requireAll(StoredGrants.roles(realm, current, id));
        requireAllGroups(StoredGrants.groups(session, realm, current, id));
        new EmailBudget(session, realm, actor).spend(1);
        issuedBy(invitation);
        invitation.setTokenNonce(UUID.randomUUID().toString());
        invitation.setExpiresAt(
                Time.currentTimeMillis() + AccessSettingsStore.read(realm).invitationLifespanDays() * 86_400_000L);
        new InvitationEmail(session, realm).queue(baseUri, invitation, InvitationEmail.grants(invitation), actor);
        new AuditLog(session)
                .record(
                        realm,
                        AuditLog.Type.INVITATION_RESENT,
                        actor,
                        invitation.getId(),
                        invitation.getEmail(),
                        null,
                        null,
                        null);
        return get(id);
    }

    private InvitationEntity existing(String id) {
        InvitationEntity invitation = store.find(id);
        if (invitation == null) {
            throw new NotInRealmException("invitation " + id + " not found");
        }
        return invitation;
    }

    private InvitationEntity pending(String id) {
        InvitationEntity invitation = existing(id);
        if (invitation.getStatus() != InvitationStatus.PENDING
                || invitation.getExpiresAt() <= Time.currentTimeMillis()) {
            throw new ConflictException("status", "the invitation is no longer pending (" + status(invitation) + ")");
        }
        return invitation;
    }

    private Grants resolve(List<String> roles, List<String> groups) {
        return new GrantResolver(session, realm, auth).resolve(roles, groups);
    }

    /** Roles already on the invitation, checked against the rights of the administrator acting now. */
    private List<org.keycloak.models.RoleModel> requireAll(List<org.keycloak.models.RoleModel> roles) {
        GrantRights rights = GrantRights.of(realm, auth);
        roles.forEach(role -> {
            auth.roles().requireMapRole(role);
            rights.require(role);
        });
        return roles;
    }

    private List<org.keycloak.models.GroupModel> requireAllGroups(List<org.keycloak.models.GroupModel> groups) {
        GrantRights rights = GrantRights.of(realm, auth);
        groups.forEach(group -> {
            auth.groups().requireManageMembership(group);
            rights.require(group);
        });
        return groups;
    }

    /** The acting administrator issues the link now: acceptance is checked against their rights. */
    private void issuedBy(InvitationEntity invitation) {
        UserModel actor = auth.adminAuth().getUser();
        invitation.setIssuedBy(actor == null ? null : actor.getId());
        invitation.setIssuedByRealm(auth.adminAuth().getRealm().getId());
        invitation.setProblem(null);
    }

    /** Why the plan has no room for one more caller (the invitee's own designation aside), or null. */
    private String planFull(CallerDesignation designation, String address, AccessSettings settings) {
        int limit = settings.authorisedCallerLimit().get(designation.supportPlan());
        long others = new AuthorisedCallers(session, realm)
                .all()
                .filter(u -> !address.equalsIgnoreCase(String.valueOf(u.getEmail())))
                .filter(u -> designation.supportPlan().equals(u.getFirstAttribute(CallerDesignation.PLAN)))
                .count();
        return others >= limit
                ? "the " + designation.supportPlan() + " plan allows " + limit + " authorised callers and has " + others
                        + " already"
                : null;
    }

    private InvitationGrants grants(Grants resolved, List<String> labels, String endDate, CallerDesignation caller) {
        LocalDate today = AccessSettingsStore.read(realm).today();
        LocalDate end = AccessEndDate.parse("accessExpiresOn", endDate, today);
        return new InvitationGrants(
                resolved.roles().stream().map(References::of).toList(),
                resolved.groups().stream().map(References::of).toList(),
                Labels.normalize("labels", labels),
                end == null ? null : end.toString(),
                caller.authorisedCaller(),
                resolved.roles().stream()
                        .map(org.keycloak.models.RoleModel::getId)
                        .toList(),
                resolved.groups().stream()
                        .map(org.keycloak.models.GroupModel::getId)
                        .toList(),
                caller.supportPlan(),
                caller.callerPhone(),
                caller.callerCountry());
    }

    static String status(InvitationEntity i) {
        return InvitationState.of(i, Time.currentTimeMillis()).apiName();
    }

    /** Roles and groups as they are named now (found by id), so that a rename shows. */
    private InvitationRepresentation represent(InvitationEntity i, DeliveryStatus delivery) {
        InvitationGrants g = InvitationEmail.grants(i);
        List<String> roles = g.roleIds() == null
                ? g.roles()
                : StoredGrants.roles(realm, g, i.getId()).stream()
                        .map(References::of)
                        .toList();
        List<String> groups = g.groupIds() == null
                ? g.groups()
                : StoredGrants.groups(session, realm, g, i.getId()).stream()
                        .map(References::of)
                        .toList();
        return new InvitationRepresentation(
                i.getId(),
                i.getEmail(),
                i.getFirstName(),
                i.getLastName(),
                status(i),
                roles,
                groups,
                g.labels(),
                g.accessExpiresOn(),
                g.authorisedCaller(),
                i.getMessage(),
                i.getLocale(),
                i.getNote(),
                i.getInvitedBy(),
                i.getInvitedByName(),
                instant(i.getCreatedAt()),
                instant(i.getExpiresAt()),
                i.getAcceptedAt() == null ? null : instant(i.getAcceptedAt()),
                i.getAcceptedUserId(),
                delivery,
                g.supportPlan(),
                g.callerPhone(),
                g.callerCountry(),
                i.getIssuedBy() != null ? i.getIssuedBy() : i.getInvitedBy(),
                i.getProblem());
    }

    private static String instant(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static String displayName(UserModel user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName()))
                .strip();
        return name.isEmpty() ? user.getUsername() : name;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
