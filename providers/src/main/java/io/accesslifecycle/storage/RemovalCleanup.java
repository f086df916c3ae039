package io.accesslifecycle.storage;

import io.accesslifecycle.invitations.InvitationStore;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Our rows follow Keycloak's deletions, in the same transaction: a deleted realm takes its invitations, queued
 * email, audit entries, requests, notices and email-limit locks with it; a deleted user takes their requests,
 * notices and lock, and the invitations they accepted with the emails about them (their address, names, message
 * and note: see docs/data-protection.md); the audit keeps its entries about them: who, when and why.
 */
final class RemovalCleanup implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmRemovedEvent removed) {
            deleteWhere(
                    removed.getKeycloakSession(),
                    "realmId",
                    removed.getRealm().getId(),
                    "OutboxMessageEntity",
                    "InvitationEntity",
                    "AuditEntity",
                    "AccessRequestEntity",
                    "NoticeEntity",
                    "EmailSenderEntity",
                    "EmailSpendEntity");
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            deleteWhere(
                    removed.getKeycloakSession(),
                    "userId",
                    removed.getUser().getId(),
                    "AccessRequestEntity",
                    "NoticeEntity");
            deleteWhere(
                    removed.getKeycloakSession(), "actorId", removed.getUser().getId(), "EmailSenderEntity");
            InvitationStore invitations = new InvitationStore(removed.getKeycloakSession(), removed.getRealm());
            invitations.deleteWithEmails(
                    invitations.acceptedBy(removed.getUser().getId()));
        }
    }

    private static void deleteWhere(KeycloakSession session, String field, String value, String... entities) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        for (String entity : entities) {
            em.createQuery("delete from " + entity + " e where e." + field + " = :value")
                    .setParameter("value", value)
                    .executeUpdate();
        }
    }
}
