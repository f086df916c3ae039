package io.accesslifecycle.requests;

import io.accesslifecycle.common.ConflictException;
import io.accesslifecycle.common.InputException;
import io.accesslifecycle.common.KeycloakPages;
import io.accesslifecycle.common.RateLimitedException;
import io.accesslifecycle.settings.AccessSettingsStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * {@code /realms/{realm}/access-request}: a signed-in user asks for access with a justification. Not signed in,
 * the visitor is sent to Keycloak's sign-in page first; with a request already waiting, the page says so.
 */
public class AccessRequestPage {

    static final String TEMPLATE = "access-request.ftl";

    /** What the page shows: the form, the request just sent, or the request already waiting. */
    enum Mode {
        FORM,
        SENT,
        PENDING;

        /** The name the template tests ({@code mode = "form"}...). */
        String template() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final KeycloakSession session;

    public AccessRequestPage(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response open() {
        RealmModel realm = session.getContext().getRealm();
        UserModel user = signedIn(realm);
        if (user == null) {
            return Response.seeOther(URI.create(KeycloakPages.signIn(session, realm, self(realm), null)))
                    .build();
        }
        AccessRequestEntity pending = new AccessRequests(session, realm).pendingOf(user);
        return page(
                user, pending == null ? Mode.FORM : Mode.PENDING, pending == null ? null : pending.getJustification());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@FormParam("justification") String justification) {
        RealmModel realm = session.getContext().getRealm();
        UserModel user = signedIn(realm);
        if (user == null) {
            return open();
        }
        if (KeycloakPages.postedFromAnotherSite(session)) {
            return forms(user).setError(KeycloakPages.CROSS_SITE_MESSAGE).createErrorPage(Response.Status.FORBIDDEN);
        }
        try {
            new AccessRequests(session, realm).submit(user, justification);
            return page(user, Mode.SENT, justification);
        } catch (InputException e) {
            LoginFormsProvider form = forms(user);
            form.addError(new FormMessage("justification", "accessRequestJustificationMissing"));
            return page(form, Mode.FORM, null);
        } catch (ConflictException e) {
            return page(user, Mode.PENDING, null);
        } catch (RateLimitedException e) {
            LoginFormsProvider form = forms(user);
            form.addError(new FormMessage(
                    "justification",
                    "accessRequestDailyLimit",
                    AccessSettingsStore.read(realm).accessRequestsPerUserPerDay()));
            return page(form, Mode.FORM, null);
        }
    }

    private UserModel signedIn(RealmModel realm) {
        AuthenticationManager.AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        return auth == null ? null : auth.user();
    }

    private String self(RealmModel realm) {
        return KeycloakPages.realmPath(session, realm, AccessRequestPageProviderFactory.ID)
                .build()
                .toString();
    }

    private LoginFormsProvider forms(UserModel user) {
        RealmModel realm = session.getContext().getRealm();
        return session.getProvider(LoginFormsProvider.class)
                .setUser(user)
                .setAttribute("currentUsername", user.getUsername())
                .setAttribute("submitAction", self(realm))
                .setAttribute("switchUrl", KeycloakPages.signOut(session, realm, self(realm)));
    }

    private Response page(UserModel user, Mode mode, String justification) {
        return page(forms(user), mode, justification);
    }

    private static Response page(LoginFormsProvider form, Mode mode, String justification) {
        return form.setAttribute("mode", mode.template())
                .setAttribute("justification", justification == null ? "" : justification)
                .createForm(TEMPLATE);
    }
}
