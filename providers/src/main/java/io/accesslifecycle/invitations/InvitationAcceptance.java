package io.accesslifecycle.invitations;

import io.accesslifecycle.access.AccessApplier;
import io.accesslifecycle.access.AccessSnapshot;
import io.accesslifecycle.access.GrantRights;
import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.callers.AuthorisedCallers;
import io.accesslifecycle.callers.CallerDesignation;
import io.accesslifecycle.callers.CallerRules;
import io.accesslifecycle.common.ConflictException;
import io.accesslifecycle.common.InputException;
import io.accesslifecycle.invitations.InvitationLinkResource.Checked;
import io.accesslifecycle.invitations.InvitationLinkResource.LinkState;
import io.accesslifecycle.settings.AccessSettings;
import io.accesslifecycle.settings.AccessSettingsStore;
import io.accesslifecycle.usernames.UsernameAllocator;
import io.accesslifecycle.users.AccountCreator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * Accepting an invitation: one atomic transition from pending (an UPDATE guarded by status, nonce and lifespan), in
 * the same transaction as what it grants, so however many clicks race on one link exactly one acceptance happens.
 * On acceptance the account's access is replaced by the invitation's, and its address is marked verified.
 */
final class InvitationAcceptance {

    private static final Logger LOG = Logger.getLogger(InvitationAcceptance.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    InvitationAcceptance(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** May this account accept this invitation? Its address must be the invited one, unless the realm allows. */
    boolean mayAccept(UserModel user, InvitationEntity invitation) {
        return invitation.getEmail().equalsIgnoreCase(Objects.toString(user.getEmail(), ""))
                || AccessSettingsStore.read(realm).allowInvitationToOtherEmail();
    }

    /** The outcome: the link's state after the attempt (VALID means accepted now), and the new account's errors. */
    record Outcome(LinkState state, String username, Map<String, String> errors, Object[] errorParameters) {
        static Outcome of(LinkState state) {
            return new Outcome(state, null, Map.of(), new Object[0]);
        }

        static Outcome accepted(String username) {
            return new Outcome(LinkState.VALID, username, Map.of(), new Object[0]);
        }

        static Outcome invalid(Map<String, String> errors) {
            return new Outcome(LinkState.VALID, null, errors, new Object[0]);
        }
    }

    private static final class AlreadyAccepted extends RuntimeException {}

    /** The issuing administrator may not (or no longer) give what the invitation gives: nothing is applied. */
    private static final class Refused extends RuntimeException {
        private final String reason;

        Refused(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    private static final class PasswordRefused extends RuntimeException {
        private final PolicyError error;

        PasswordRefused(PolicyError error) {
            this.error = error;
        }
    }

    /** A signed-in account accepts. */
    Outcome acceptAs(Checked checked, UserModel user) {
        if (checked.state() != LinkState.VALID) {
            return Outcome.of(checked.state());
        }
        InvitationEntity invitation = checked.invitation();
        String userId = user.getId();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), session.getContext(), s -> {
                UserModel account = s.users().getUserById(s.getContext().getRealm(), userId);
                transition(s, invitation, account);
                if (invitation.getEmail().equalsIgnoreCase(Objects.toString(account.getEmail(), ""))) {
                    account.setEmailVerified(true);
                }
            });
            return Outcome.accepted(user.getUsername());
        } catch (AlreadyAccepted e) {
            return Outcome.of(LinkState.USED);
        } catch (Refused e) {
            return refused(invitation, e);
        } catch (ModelException e) {
            return afterFailure(invitation, e);
        }
    }

    /** A visitor without an account registers: the username comes from the rule, the address from the invitation. */
    Outcome register(
            Checked checked,
            UsernameAllocator usernames,
            String firstName,
            String lastName,
            String password,
            String confirmation) {
        if (checked.state() != LinkState.VALID) {
            return Outcome.of(checked.state());
        }
        InvitationEntity invitation = checked.invitation();
        Map<String, String> errors = new HashMap<>();
        if (firstName == null || firstName.isBlank()) {
            errors.put("firstName", "missingFirstNameMessage");
        }
        if (lastName == null || lastName.isBlank()) {
            errors.put("lastName", "missingLastNameMessage");
        }
        if (password == null || password.isEmpty()) {
            errors.put("password", "missingPasswordMessage");
        } else if (!password.equals(confirmation)) {
            errors.put("password-confirm", "notMatchPasswordMessage");
        }
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put(UserModel.EMAIL, List.of(invitation.getEmail()));
        attributes.put(UserModel.FIRST_NAME, List.of(firstName.strip()));
        attributes.put(UserModel.LAST_NAME, List.of(lastName.strip()));
        if (invitation.getLocale() != null) {
            attributes.put(UserModel.LOCALE, List.of(invitation.getLocale()));
        }
        try {
            String id = new AccountCreator(session, realm, usernames)
                    .create(firstName, lastName, attributes, (s, user) -> {
                        transition(s, invitation, user);
                        PolicyError refused = s.getProvider(PasswordPolicyManagerProvider.class)
                                .validate(s.getContext().getRealm(), user, password);
                        if (refused != null) {
                            throw new PasswordRefused(refused);
                        }
                        user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
                        user.setEmailVerified(true);
                    });
            return Outcome.accepted(session.users().getUserById(realm, id).getUsername());
        } catch (AlreadyAccepted | ConflictException e) {
            return Outcome.of(LinkState.USED);
        } catch (Refused e) {
            return refused(invitation, e);
        } catch (PasswordRefused e) {
            return new Outcome(
                    LinkState.VALID, null, Map.of("password", e.error.getMessage()), e.error.getParameters());
        } catch (InputException e) {
            return Outcome.invalid(Map.of(e.field(), e.detail()));
        } catch (ModelException e) {
            return afterFailure(invitation, e);
        }
    }

    /** The guarded transition, then the access it grants, in the caller's transaction. */
    private void transition(KeycloakSession s, InvitationEntity invitation, UserModel user) {
        long now = Time.currentTimeMillis();
        RealmModel r = s.getContext().getRealm();
        if (!new InvitationStore(s, r).markAccepted(invitation, user.getId(), now)) {
            throw new AlreadyAccepted();
        }
        InvitationGrants grants = InvitationEmail.grants(invitation);
        List<RoleModel> roles = StoredGrants.roles(r, grants, invitation.getId()).stream()
                .filter(role -> !AuthorisedCallers.isDesignationRole(role))
                .toList();
        List<GroupModel> groups = StoredGrants.groups(s, r, grants, invitation.getId());
        CallerDesignation caller = CallerDesignation.NONE;
        AccessSettings settings = AccessSettingsStore.read(r);
        if (grants.authorisedCaller()) {
            try {
                caller = CallerRules.check(
                        new CallerDesignation(true, grants.supportPlan(), grants.callerPhone(), grants.callerCountry()),
                        settings);
                new AuthorisedCallers(s, r).requireRoomFor(user, caller, settings);
            } catch (InputException e) {
                throw new Refused(
                        "the authorised-caller designation is incomplete (" + e.field() + " " + e.detail() + ")");
            } catch (ConflictException e) {
                throw new Refused(e.getMessage());
            }
        }
        RealmModel adminsRealm =
                invitation.getIssuedByRealm() != null ? s.realms().getRealm(invitation.getIssuedByRealm()) : r;
        UserModel issuer = issuer(s, adminsRealm, invitation);
        requireIssuerMay(s, r, adminsRealm, issuer, user, roles, groups);

        AccessSnapshot before = AccessSnapshot.of(user);
        AccessApplier.replace(
                r, user, roles, groups, grants.labels(), grants.accessExpiresOn(), caller.authorisedCaller());
        new AuthorisedCallers(s, r).apply(user, caller);
        new AuditLog(s)
                .record(
                        r,
                        AuditLog.Type.INVITATION_ACCEPTED,
                        issuer,
                        user.getId(),
                        user.getUsername(),
                        before,
                        AccessSnapshot.of(user),
                        "invitation " + invitation.getId() + " accepted by " + user.getUsername()
                                + (invitation.getNote() == null ? "" : ": " + invitation.getNote()));
    }

    /** The administrator who last issued the link (invite, edit, resend); rows from before kept the inviter. */
    private static UserModel issuer(KeycloakSession s, RealmModel adminsRealm, InvitationEntity invitation) {
        String id = invitation.getIssuedBy() != null ? invitation.getIssuedBy() : invitation.getInvitedBy();
        UserModel issuer = id == null || adminsRealm == null ? null : s.users().getUserById(adminsRealm, id);
        if (issuer == null || !issuer.isEnabled()) {
            throw new Refused("the administrator who issued this invitation no longer has an active account");
        }
        return issuer;
    }

    /**
     * What the invitation gives and what it takes away from the account are checked against the issuer's rights
     * now, as {@code PUT /users/{id}/access} checks them for the administrator who calls it.
     */
    private static void requireIssuerMay(
            KeycloakSession s,
            RealmModel r,
            RealmModel adminsRealm,
            UserModel issuer,
            UserModel user,
            List<RoleModel> roles,
            List<GroupModel> groups) {
        AdminPermissionEvaluator eval = AdminPermissions.evaluator(s, r, adminsRealm, issuer);
        if (!eval.users().canManage(user)) {
            throw new Refused("the administrator who issued this invitation may no longer manage this account");
        }
        GrantRights rights = new GrantRights(r, eval, issuer, adminsRealm);
        RoleModel defaults = r.getDefaultRole();
        for (RoleModel role : roles) {
            String why = rights.refusal(role);
            if (why != null) {
                throw new Refused("the administrator who issued this invitation: " + why);
            }
        }
        for (GroupModel group : groups) {
            String why = rights.refusal(group);
            if (why != null) {
                throw new Refused("the administrator who issued this invitation: " + why);
            }
        }
        for (RoleModel held : user.getRoleMappingsStream()
                .filter(role ->
                        !role.equals(defaults) && !roles.contains(role) && !AuthorisedCallers.isDesignationRole(role))
                .toList()) {
            String why = rights.refusal(held);
            if (why != null) {
                throw new Refused(
                        "the administrator who issued this invitation may not take away what the account has: " + why);
            }
        }
        for (GroupModel held :
                user.getGroupsStream().filter(group -> !groups.contains(group)).toList()) {
            String why = rights.refusal(held);
            if (why != null) {
                throw new Refused(
                        "the administrator who issued this invitation may not take away what the account has: " + why);
            }
        }
    }

    /** Nothing was applied (the transaction rolled back); the invitation stays pending and says why. */
    private Outcome refused(InvitationEntity invitation, Refused e) {
        LOG.infof(
                "Invitation %s: acceptance refused, an administrator must renew it (%s)", invitation.getId(), e.reason);
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
            InvitationEntity row =
                    new InvitationStore(s, s.realms().getRealm(invitation.getRealmId())).find(invitation.getId());
            if (row != null && row.getStatus() == InvitationStatus.PENDING) {
                row.setProblem(e.reason);
            }
        });
        return Outcome.of(LinkState.NEEDS_RENEWAL);
    }

    /** A database failure while racing: if someone else accepted meanwhile, say so; otherwise it is a real error. */
    private Outcome afterFailure(InvitationEntity invitation, ModelException e) {
        InvitationEntity now = KeycloakModelUtils.runJobInTransactionWithResult(
                session.getKeycloakSessionFactory(),
                s -> new InvitationStore(s, s.realms().getRealm(invitation.getRealmId())).find(invitation.getId()));
        if (now != null && now.getStatus() == InvitationStatus.ACCEPTED) {
            return Outcome.of(LinkState.USED);
        }
        throw e;
    }
}
