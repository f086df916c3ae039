package io.accesslifecycle.storage;

import io.accesslifecycle.audit.AuditEntity;
import io.accesslifecycle.expiry.NoticeEntity;
import io.accesslifecycle.invitations.EmailSenderEntity;
import io.accesslifecycle.invitations.InvitationEntity;
import io.accesslifecycle.outbox.OutboxMessageEntity;
import io.accesslifecycle.requests.AccessRequestEntity;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers the bundle's tables with Keycloak's JPA store; Keycloak runs the Liquibase changelog at startup. */
public class AccessJpaEntityProviderFactory implements JpaEntityProviderFactory, JpaEntityProvider {

    public static final String ID = "access-lifecycle";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public List<Class<?>> getEntities() {
        return List.of(
                InvitationEntity.class,
                OutboxMessageEntity.class,
                AuditEntity.class,
                AccessRequestEntity.class,
                NoticeEntity.class,
                EmailSenderEntity.class,
                io.accesslifecycle.budget.EmailSpendEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/access-lifecycle/changelog-master.xml";
    }

    @Override
    public String getFactoryId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new RemovalCleanup());
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
