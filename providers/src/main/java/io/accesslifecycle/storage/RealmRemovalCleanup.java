package io.accesslifecycle.storage;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/** When a realm is deleted, its invitations, queued email and audit entries go with it, in the same transaction. */
final class RealmRemovalCleanup implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmRemovedEvent removed) {
            EntityManager em = removed.getKeycloakSession().getProvider(JpaConnectionProvider.class).getEntityManager();
            String realmId = removed.getRealm().getId();
            for (String entity : new String[] {"OutboxMessageEntity", "InvitationEntity", "AuditEntity", "AccessRequestEntity"}) {
                em.createQuery("delete from " + entity + " e where e.realmId = :realmId").setParameter("realmId", realmId).executeUpdate();
            }
        }
    }
}
