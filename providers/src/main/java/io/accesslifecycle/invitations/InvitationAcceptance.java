package io.accesslifecycle.invitations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.accesslifecycle.access.AccessApplier;
import io.accesslifecycle.access.AccessSnapshot;
import io.accesslifecycle.audit.AuditLog;
import io.accesslifecycle.access.References;
import io.accesslifecycle.common.ConflictException;
import io.accesslifecycle.common.InputException;
import io.accesslifecycle.invitations.InvitationLinkResource.Checked;
import io.accesslifecycle.invitations.InvitationLinkResource.LinkState;
import io.accesslifecycle.settings.AccessSettingsStore;
import io.accesslifecycle.usernames.UsernameAllocator;
import io.accesslifecycle.users.AccountCreator;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
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

    private static final class AlreadyAccepted extends RuntimeException {
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
        } catch (ModelException e) {
            return afterFailure(invitation, e);
        }
    }

    /** A visitor without an account registers: the username comes from the rule, the address from the invitation. */
    Outcome register(Checked checked, UsernameAllocator usernames, String firstName, String lastName,
                     String password, String confirmation) {
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
            String id = new AccountCreator(session, realm, usernames).create(firstName, lastName, attributes, (s, user) -> {
                transition(s, invitation, user);
                PolicyError refused = s.getProvider(PasswordPolicyManagerProvider.class).validate(s.getContext().getRealm(), user, password);
                if (refused != null) {
                    throw new PasswordRefused(refused);
                }
                user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
                user.setEmailVerified(true);
            });
            return Outcome.accepted(session.users().getUserById(realm, id).getUsername());
        } catch (AlreadyAccepted | ConflictException e) {
            return Outcome.of(LinkState.USED);
        } catch (PasswordRefused e) {
            return new Outcome(LinkState.VALID, null, Map.of("password", e.error.getMessage()), e.error.getParameters());
        } catch (InputException e) {
            return Outcome.invalid(Map.of(e.field(), e.detail()));
        } catch (ModelException e) {
            return afterFailure(invitation, e);
        }
    }

    /** The guarded transition, then the access it grants, in the caller's transaction. */
    private void transition(KeycloakSession s, InvitationEntity invitation, UserModel user) {
        long now = Time.currentTimeMillis();
        int won = s.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createNamedQuery("accessInvitation.accept")
                .setParameter("now", now).setParameter("userId", user.getId())
                .setParameter("id", invitation.getId()).setParameter("nonce", invitation.getTokenNonce())
                .executeUpdate();
        if (won != 1) {
            throw new AlreadyAccepted();
        }
        RealmModel r = s.getContext().getRealm();
        InvitationGrants grants = InvitationEmail.grants(invitation);
        List<RoleModel> roles = new ArrayList<>();
        for (String ref : grants.roles()) {
            RoleModel role = References.role(r, ref);
            if (role == null) {
                LOG.warnf("Invitation %s grants role %s, which no longer exists; skipped", invitation.getId(), ref);
            } else {
                roles.add(role);
            }
        }
        List<GroupModel> groups = new ArrayList<>();
        for (String ref : grants.groups()) {
            GroupModel group = References.group(s, r, ref);
            if (group == null) {
                LOG.warnf("Invitation %s grants group %s, which no longer exists; skipped", invitation.getId(), ref);
            } else {
                groups.add(group);
            }
        }
        AccessSnapshot before = AccessSnapshot.of(user);
        AccessApplier.replace(r, user, roles, groups, grants.labels(), grants.accessExpiresOn(), grants.authorisedCaller());
        new AuditLog(s).record(r, AuditLog.Type.INVITATION_ACCEPTED, user, user.getId(), user.getUsername(), before,
                AccessSnapshot.of(user), "invitation " + invitation.getId() + (invitation.getNote() == null ? "" : ": " + invitation.getNote()));
    }

    /** A database failure while racing: if someone else accepted meanwhile, say so; otherwise it is a real error. */
    private Outcome afterFailure(InvitationEntity invitation, ModelException e) {
        InvitationEntity now = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                s -> s.getProvider(JpaConnectionProvider.class).getEntityManager().find(InvitationEntity.class, invitation.getId()));
        if (now != null && "ACCEPTED".equals(now.getStatus())) {
            return Outcome.of(LinkState.USED);
        }
        throw e;
    }
}
