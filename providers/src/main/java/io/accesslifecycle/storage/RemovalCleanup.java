package io.accesslifecycle.storage;

import io.accesslifecycle.audit.AuditStore;
import io.accesslifecycle.budget.EmailSpendStore;
import io.accesslifecycle.expiry.NoticeStore;
import io.accesslifecycle.invitations.InvitationStore;
import io.accesslifecycle.outbox.OutboxStore;
import io.accesslifecycle.requests.RequestStore;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Our rows follow Keycloak's deletions, in the same transaction: a deleted realm takes its invitations, queued
 * email, audit entries, requests, notices and email-limit locks with it; a deleted user takes their requests,
 * notices and lock, and the invitations they accepted with the emails about them (their address, names, message
 * and note: see docs/data-protection.md); the audit keeps its entries about them: who, when and why. Each
 * capability's store deletes its own rows.
 */
final class RemovalCleanup implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmRemovedEvent removed) {
            KeycloakSession session = removed.getKeycloakSession();
            RealmModel realm = removed.getRealm();
            new OutboxStore(session).realmRemoved(realm.getId());
            new InvitationStore(session, realm).realmRemoved();
            new AuditStore(session).realmRemoved(realm.getId());
            new RequestStore(session, realm).realmRemoved();
            new NoticeStore(session).realmRemoved(realm.getId());
            new EmailSpendStore(session, realm.getId()).realmRemoved();
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            KeycloakSession session = removed.getKeycloakSession();
            RealmModel realm = removed.getRealm();
            String userId = removed.getUser().getId();
            new RequestStore(session, realm).userRemoved(userId);
            new NoticeStore(session).userRemoved(userId);
            new EmailSpendStore(session, realm.getId()).userRemoved(userId);
            new InvitationStore(session, realm).userRemoved(userId);
        }
    }
}
