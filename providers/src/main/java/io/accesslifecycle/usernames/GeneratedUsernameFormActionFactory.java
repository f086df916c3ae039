package io.accesslifecycle.usernames;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormActionFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers {@link GeneratedUsernameFormAction} as the registration form step {@value #ID}. */
public class GeneratedUsernameFormActionFactory implements FormActionFactory {

    public static final String ID = "registration-generated-username";

    private NameNormalizer normalizer;

    @Override
    public FormAction create(KeycloakSession session) {
        return new GeneratedUsernameFormAction(session, normalizer);
    }

    @Override
    public void init(Config.Scope config) {
        normalizer = new NameNormalizer();
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Username by rule";
    }

    @Override
    public String getHelpText() {
        return "Gives a self-registered user the username made by the realm's rule from their first and last names "
                + "(Access Lifecycle). Place it before Registration User Profile Creation.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
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
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
