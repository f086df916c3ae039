package io.accesslifecycle.users;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionCompoundId;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Follows a set-password link: on a fresh browser it first asks for confirmation (so mail scanners that open links
 * do not consume it), then runs Keycloak's own update-password required action. The token is single use: Keycloak
 * records it as used when the action completes, and the link then shows the "invalid or expired" page.
 */
public class SetPasswordActionTokenHandler extends AbstractActionTokenHandler<SetPasswordActionToken> {

    public SetPasswordActionTokenHandler() {
        super(
                SetPasswordActionToken.TOKEN_TYPE,
                SetPasswordActionToken.class,
                Messages.INVALID_CODE,
                EventType.EXECUTE_ACTIONS,
                Errors.NOT_ALLOWED);
    }

    @Override
    public Predicate<? super SetPasswordActionToken>[] getVerifiers(
            ActionTokenContext<SetPasswordActionToken> tokenContext) {
        return new Predicate[] {verifyEmail(tokenContext)};
    }

    @Override
    public Response handleToken(SetPasswordActionToken token, ActionTokenContext<SetPasswordActionToken> tokenContext) {
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        UriInfo uriInfo = tokenContext.getUriInfo();
        RealmModel realm = tokenContext.getRealm();
        KeycloakSession session = tokenContext.getSession();
        if (tokenContext.isAuthenticationSessionFresh()) {
            token.setCompoundAuthenticationSessionId(
                    AuthenticationSessionCompoundId.fromAuthSession(authSession).getEncodedId());
            UriBuilder confirm = Urls.actionTokenBuilder(
                    uriInfo.getBaseUri(),
                    token.serialize(session, realm, uriInfo),
                    authSession.getClient().getClientId(),
                    authSession.getTabId(),
                    AuthenticationProcessor.getClientData(session, authSession));
            return session.getProvider(LoginFormsProvider.class)
                    .setAuthenticationSession(authSession)
                    .setUser(authSession.getAuthenticatedUser())
                    .setSuccess("accessSetPasswordConfirm")
                    .setAttribute(
                            Constants.TEMPLATE_ATTR_ACTION_URI,
                            confirm.build(realm.getName()).toString())
                    .createInfoPage();
        }
        authSession.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        // The link reached the owner of this address: the address is verified.
        authSession.getAuthenticatedUser().setEmailVerified(true);
        String next = AuthenticationManager.nextRequiredAction(
                session, authSession, tokenContext.getRequest(), tokenContext.getEvent());
        return AuthenticationManager.redirectToRequiredActions(session, realm, authSession, uriInfo, next);
    }

    @Override
    public boolean canUseTokenRepeatedly(
            SetPasswordActionToken token, ActionTokenContext<SetPasswordActionToken> tokenContext) {
        return false;
    }
}
