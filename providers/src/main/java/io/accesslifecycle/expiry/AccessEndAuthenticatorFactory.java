package io.accesslifecycle.expiry;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The end-date check as a step of an authentication flow: {@value #BROWSER} for browser flows (after the sub-flow
 * that signs the user in) and {@value #DIRECT_GRANT} for direct-grant flows (after the password).
 */
public class AccessEndAuthenticatorFactory implements AuthenticatorFactory {

    public static final String BROWSER = "access-end-date";
    public static final String DIRECT_GRANT = "direct-grant-access-end-date";

    private final String id;
    private final boolean directGrant;

    public AccessEndAuthenticatorFactory() {
        this(BROWSER, false);
    }

    AccessEndAuthenticatorFactory(String id, boolean directGrant) {
        this.id = id;
        this.directGrant = directGrant;
    }

    /** The direct-grant variant, registered as a provider of its own. */
    public static class DirectGrant extends AccessEndAuthenticatorFactory {
        public DirectGrant() {
            super(DIRECT_GRANT, true);
        }
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new AccessEndAuthenticator(directGrant);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getDisplayType() {
        return directGrant ? "Access end date (direct grant)" : "Access end date";
    }

    @Override
    public String getHelpText() {
        return "Refuses the sign-in when the user's accessExpiresOn date has come (Access Lifecycle).";
    }

    @Override
    public String getReferenceCategory() {
        return "access-end-date";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
            AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED
        };
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
