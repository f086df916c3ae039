package io.accesslifecycle.invitations;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.accesslifecycle.settings.AccessSettingsStore;
import org.keycloak.common.util.Time;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

/**
 * {@code /realms/{realm}/access-invitation?key=...}: where an invitation link lands. A link that is malformed,
 * replaced (re-invited or resent), revoked, already used or past its lifespan shows a localized page saying so,
 * decided by the stored invitation, not by the link's claims.
 */
public class InvitationLinkResource {

    private final KeycloakSession session;

    public InvitationLinkResource(KeycloakSession session) {
        this.session = session;
    }

    /** What a link is worth now. */
    enum LinkState { VALID, INVALID, REPLACED, REVOKED, USED, EXPIRED }

    record Checked(LinkState state, InvitationEntity invitation) {
    }

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
            case "REVOKED" -> LinkState.REVOKED;
            case "REPLACED" -> LinkState.REPLACED;
            case "ACCEPTED" -> LinkState.USED;
            default -> !invitation.getTokenNonce().equals(token.getNonce()) ? LinkState.REPLACED
                    : invitation.getExpiresAt() <= Time.currentTimeMillis() ? LinkState.EXPIRED : LinkState.VALID;
        };
        return new Checked(state, invitation);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response open(@QueryParam("key") String key) {
        RealmModel realm = session.getContext().getRealm();
        Checked checked = check(session, realm, key);
        LoginFormsProvider page = session.getProvider(LoginFormsProvider.class);
        UserModel visitor = null;
        if (checked.invitation() != null && checked.invitation().getLocale() != null) {
            // The page speaks the invitation's language: a stand-in user carries it to Keycloak's locale resolution.
            visitor = new InMemoryUserAdapter(session, realm, "invitee-" + checked.invitation().getId());
            visitor.setSingleAttribute(UserModel.LOCALE, checked.invitation().getLocale());
            page.setUser(visitor);
        }
        return switch (checked.state()) {
            case INVALID -> page.setError("accessInvitationInvalid").createErrorPage(Response.Status.BAD_REQUEST);
            case REPLACED -> page.setError("accessInvitationReplaced").createErrorPage(Response.Status.GONE);
            case REVOKED -> page.setError("accessInvitationRevoked").createErrorPage(Response.Status.GONE);
            case USED -> page.setError("accessInvitationUsed").createErrorPage(Response.Status.GONE);
            case EXPIRED -> page.setError("accessInvitationExpired").createErrorPage(Response.Status.GONE);
            case VALID -> page.setSuccess("accessInvitationValid", checked.invitation().getEmail(), DateTimeFormatter
                            .ofLocalizedDate(FormatStyle.LONG).withLocale(session.getContext().resolveLocale(visitor))
                            .format(Instant.ofEpochMilli(checked.invitation().getExpiresAt()).atZone(AccessSettingsStore.read(realm).zone())))
                    .createInfoPage();
        };
    }
}
