package io.accesslifecycle.invitations;

import io.accesslifecycle.common.InputException;
import io.accesslifecycle.common.KeycloakPages;
import io.accesslifecycle.usernames.UsernameAllocator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import org.keycloak.common.util.Time;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

/**
 * {@code /realms/{realm}/access-invitation?key=...}: where an invitation link lands. A link that is malformed,
 * replaced (re-invited or resent), revoked, already used or past its lifespan shows a localized page saying so,
 * decided by the stored invitation, not by the link's claims. A working link leads to acceptance:
 * <ul>
 *   <li>a visitor signed in with an account that may accept it sees which account will receive the access, can
 *       accept, or switch account; signed in with another address, they are told so and offered to switch;</li>
 *   <li>a visitor who is not signed in registers (username by rule, address from the invitation), or signs in
 *       when an account already uses the invited address.</li>
 * </ul>
 */
public class InvitationLinkResource {

    static final String TEMPLATE = "access-invitation.ftl";

    private final KeycloakSession session;
    private final UsernameAllocator usernames;

    public InvitationLinkResource(KeycloakSession session, UsernameAllocator usernames) {
        this.session = session;
        this.usernames = usernames;
    }

    /** What a link is worth now. */
    enum LinkState {
        VALID,
        INVALID,
        REPLACED,
        REVOKED,
        USED,
        EXPIRED,
        NEEDS_RENEWAL
    }

    record Checked(LinkState state, InvitationEntity invitation) {}

    static Checked check(KeycloakSession session, RealmModel realm, String key) {
        InvitationToken token = key == null ? null : session.tokens().decode(key, InvitationToken.class);
        if (token == null || !InvitationToken.TYPE.equals(token.getType()) || token.getInvitationId() == null) {
            return new Checked(LinkState.INVALID, null);
        }
        InvitationEntity invitation = new InvitationStore(session, realm).find(token.getInvitationId());
        if (invitation == null) {
            return new Checked(LinkState.INVALID, null);
        }
        LinkState state = switch (invitation.getStatus()) {
            case REVOKED -> LinkState.REVOKED;
            case REPLACED -> LinkState.REPLACED;
            case ACCEPTED -> LinkState.USED;
            case PENDING ->
                !invitation.getTokenNonce().equals(token.getNonce())
                        ? LinkState.REPLACED
                        : invitation.getExpiresAt() <= Time.currentTimeMillis() ? LinkState.EXPIRED : LinkState.VALID;
        };
        return new Checked(state, invitation);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response open(@QueryParam("key") String key) {
        RealmModel realm = session.getContext().getRealm();
        Checked checked = check(session, realm, key);
        if (checked.state() != LinkState.VALID) {
            return deadLink(realm, checked);
        }
        InvitationEntity invitation = checked.invitation();
        LoginFormsProvider page = page(realm, invitation, key);
        AuthenticationManager.AuthResult signedIn =
                AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        String link = link(realm, key);
        if (signedIn != null) {
            UserModel user = signedIn.user();
            boolean owner = invitation.getEmail().equalsIgnoreCase(Objects.toString(user.getEmail(), ""));
            boolean allowed = new InvitationAcceptance(session, realm).mayAccept(user, invitation);
            return page.setAttribute("mode", allowed ? "confirm" : "wrong-account")
                    .setAttribute("currentUsername", user.getUsername())
                    .setAttribute("currentEmail", Objects.toString(user.getEmail(), "-"))
                    .setAttribute("otherEmail", !owner)
                    .setAttribute("acceptAction", action(realm, "accept"))
                    .setAttribute("switchUrl", logoutUrl(realm, link))
                    .createForm(TEMPLATE);
        }
        if (session.users().getUserByEmail(realm, invitation.getEmail()) != null) {
            return page.setAttribute("mode", "sign-in")
                    .setAttribute("signInUrl", signInUrl(realm, link, invitation))
                    .createForm(TEMPLATE);
        }
        return registrationForm(realm, invitation, key, page, invitation.getFirstName(), invitation.getLastName());
    }

    @POST
    @Path("accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response accept(@FormParam("key") String key) {
        RealmModel realm = session.getContext().getRealm();
        if (KeycloakPages.postedFromAnotherSite(session)) {
            return crossSite(realm, key);
        }
        AuthenticationManager.AuthResult signedIn =
                AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        Checked checked = check(session, realm, key);
        if (signedIn == null
                || checked.state() != LinkState.VALID
                || !new InvitationAcceptance(session, realm).mayAccept(signedIn.user(), checked.invitation())) {
            return checked.state() == LinkState.VALID ? open(key) : deadLink(realm, checked);
        }
        return outcome(
                realm,
                checked,
                new InvitationAcceptance(session, realm).acceptAs(checked, signedIn.user()),
                key,
                null,
                null);
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response register(
            @FormParam("key") String key,
            @FormParam("firstName") String firstName,
            @FormParam("lastName") String lastName,
            @FormParam("password") String password,
            @FormParam("password-confirm") String confirmation) {
        RealmModel realm = session.getContext().getRealm();
        if (KeycloakPages.postedFromAnotherSite(session)) {
            return crossSite(realm, key);
        }
        Checked checked = check(session, realm, key);
        if (checked.state() == LinkState.VALID
                && session.users().getUserByEmail(realm, checked.invitation().getEmail()) != null) {
            return open(key);
        }
        InvitationAcceptance.Outcome outcome = new InvitationAcceptance(session, realm)
                .register(checked, usernames, firstName, lastName, password, confirmation);
        return outcome(realm, checked, outcome, key, firstName, lastName);
    }

    private Response outcome(
            RealmModel realm,
            Checked checked,
            InvitationAcceptance.Outcome outcome,
            String key,
            String firstName,
            String lastName) {
        if (outcome.state() != LinkState.VALID) {
            return deadLink(realm, new Checked(outcome.state(), checked.invitation()));
        }
        LoginFormsProvider page = page(realm, checked.invitation(), key);
        if (!outcome.errors().isEmpty()) {
            outcome.errors()
                    .forEach((field, message) ->
                            page.addError(new FormMessage(field, message, outcome.errorParameters())));
            return registrationForm(realm, checked.invitation(), key, page, firstName, lastName);
        }
        return page.setSuccess("accessInvitationAccepted", outcome.username())
                .setAttribute(
                        Constants.TEMPLATE_ATTR_ACTION_URI,
                        KeycloakPages.realmPath(session, realm, "account/")
                                .build()
                                .toString())
                .createInfoPage();
    }

    private Response registrationForm(
            RealmModel realm,
            InvitationEntity invitation,
            String key,
            LoginFormsProvider page,
            String firstName,
            String lastName) {
        String proposed;
        try {
            proposed = usernames.propose(realm, firstName, lastName).username();
        } catch (InputException e) {
            proposed = "-";
        }
        return page.setAttribute("mode", "register")
                .setAttribute("firstName", Objects.toString(firstName, ""))
                .setAttribute("lastName", Objects.toString(lastName, ""))
                .setAttribute("proposedUsername", proposed)
                .setAttribute("registerAction", action(realm, "register"))
                .setAttribute("signInUrl", signInUrl(realm, link(realm, key), invitation))
                .createForm(TEMPLATE);
    }

    private LoginFormsProvider page(RealmModel realm, InvitationEntity invitation, String key) {
        LoginFormsProvider page = session.getProvider(LoginFormsProvider.class);
        // The language the visitor picked in the page's menu, else the invitation's; a stand-in user carries it to
        // Keycloak's locale resolution (these pages have no authentication session to keep kc_locale in).
        List<String> asked = session.getContext().getUri().getQueryParameters().get("kc_locale");
        String picked =
                asked == null || asked.isEmpty() ? null : asked.get(asked.size() - 1); // the menu's choice comes last
        String language = picked != null && realm.getSupportedLocalesStream().anyMatch(picked::equals)
                ? picked
                : invitation == null ? null : invitation.getLocale();
        if (language != null) {
            UserModel visitor = new InMemoryUserAdapter(
                    session, realm, "invitee-" + (invitation == null ? "unknown" : invitation.getId()));
            visitor.setSingleAttribute(UserModel.LOCALE, language);
            page.setUser(visitor);
        }
        if (invitation != null) {
            page.setAttribute("invitedEmail", invitation.getEmail())
                    .setAttribute("inviterName", Objects.toString(invitation.getInvitedByName(), realm.getName()))
                    .setAttribute("key", Objects.toString(key, ""));
        }
        return page;
    }

    private Response crossSite(RealmModel realm, String key) {
        Checked checked = check(session, realm, key);
        return page(realm, checked.state() == LinkState.INVALID ? null : checked.invitation(), null)
                .setError(KeycloakPages.CROSS_SITE_MESSAGE)
                .createErrorPage(Response.Status.FORBIDDEN);
    }

    private Response deadLink(RealmModel realm, Checked checked) {
        LoginFormsProvider page = page(realm, checked.invitation(), null);
        return switch (checked.state()) {
            case REPLACED -> page.setError("accessInvitationReplaced").createErrorPage(Response.Status.GONE);
            case REVOKED -> page.setError("accessInvitationRevoked").createErrorPage(Response.Status.GONE);
            case USED -> page.setError("accessInvitationUsed").createErrorPage(Response.Status.GONE);
            case EXPIRED -> page.setError("accessInvitationExpired").createErrorPage(Response.Status.GONE);
            case NEEDS_RENEWAL ->
                page.setError("accessInvitationNeedsRenewal").createErrorPage(Response.Status.CONFLICT);
            default -> page.setError("accessInvitationInvalid").createErrorPage(Response.Status.BAD_REQUEST);
        };
    }

    private String link(RealmModel realm, String key) {
        return KeycloakPages.realmPath(session, realm, InvitationAcceptanceProviderFactory.ID)
                .queryParam("key", key)
                .build()
                .toString();
    }

    private String action(RealmModel realm, String path) {
        return KeycloakPages.realmPath(session, realm, InvitationAcceptanceProviderFactory.ID + "/" + path)
                .build()
                .toString();
    }

    private String signInUrl(RealmModel realm, String link, InvitationEntity invitation) {
        return KeycloakPages.signIn(session, realm, link, invitation.getEmail());
    }

    private String logoutUrl(RealmModel realm, String link) {
        return KeycloakPages.signOut(session, realm, link);
    }
}
