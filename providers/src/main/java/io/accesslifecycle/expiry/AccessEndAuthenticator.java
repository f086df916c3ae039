package io.accesslifecycle.expiry;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * Refuses a sign-in once the user's access has ended ({@code accessExpiresOn} is today or earlier), whether or not
 * the expiry job has run yet. Placed after the steps that identify the user, in the browser flow (an error page in
 * the user's language) and in the direct-grant flow (an OAuth {@code invalid_grant} error).
 */
final class AccessEndAuthenticator implements Authenticator {

    private final boolean directGrant;

    AccessEndAuthenticator(boolean directGrant) {
        this.directGrant = directGrant;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        Optional<LocalDate> ended = user == null ? Optional.empty() : AccessEndCheck.endedOn(context.getRealm(), user);
        if (ended.isEmpty()) {
            context.success();
            return;
        }
        String message = AccessEndCheck.message(context.getSession(), user, ended.get());
        context.getEvent()
                .user(user)
                .detail(Details.REASON, "access ended on " + ended.get())
                .error(AccessEndCheck.EVENT_ERROR);
        Response refusal = directGrant
                ? Response.status(Response.Status.BAD_REQUEST)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new OAuth2ErrorRepresentation("invalid_grant", message))
                        .build()
                : context.form()
                        .setError(AccessEndCheck.MESSAGE_KEY, ended.get().toString())
                        .createErrorPage(Response.Status.FORBIDDEN);
        context.failure(AuthenticationFlowError.USER_DISABLED, refusal);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}
}
