package io.accesslifecycle.invitations;

import io.accesslifecycle.common.Pages;
import io.accesslifecycle.usernames.NameNormalizer;
import io.accesslifecycle.usernames.UsernameAllocator;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link InvitationLinkResource} at {@code /realms/{realm}/access-invitation}. */
public class InvitationAcceptanceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "access-invitation";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                Pages.requireEnabled(session);
                return new InvitationLinkResource(session, new UsernameAllocator(session, normalizer));
            }

            @Override
            public void close() {}
        };
    }

    private NameNormalizer normalizer;

    @Override
    public void init(Config.Scope config) {
        normalizer = new NameNormalizer();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
