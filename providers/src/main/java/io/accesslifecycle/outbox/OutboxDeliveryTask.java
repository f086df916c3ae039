package io.accesslifecycle.outbox;

import io.accesslifecycle.jobs.CountedTask;
import java.util.HashMap;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

/**
 * Sends what the outbox holds, through Keycloak's cluster-aware runner; each message is locked, sent and marked in a
 * transaction of its own, so two overlapping runs (on two nodes) never send it twice, and a node dying mid-run
 * resends at most the one message it was on.
 * A refused message is retried with a growing delay (30 s, 1 min, 2 min ... capped at 1 h), then marked failed.
 */
public class OutboxDeliveryTask extends CountedTask {

    public static final String NAME = "access-lifecycle-outbox";
    static final int MAX_ATTEMPTS = 8;
    static final int BATCH = 100;
    /** One run stops picking new batches after this long, leaving the rest to the next run. */
    static final long RUN_BUDGET_MILLIS = 20_000;

    private static final Logger LOG = Logger.getLogger(OutboxDeliveryTask.class);

    @Override
    protected void runJob(KeycloakSession session) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        long started = System.currentTimeMillis();
        while (System.currentTimeMillis() - started < RUN_BUDGET_MILLIS) {
            List<String> due = KeycloakModelUtils.runJobInTransactionWithResult(
                    factory, s -> new OutboxStore(s).due(Time.currentTimeMillis(), BATCH));
            if (due.isEmpty()) {
                return;
            }
            for (String id : due) {
                KeycloakModelUtils.runJobInTransaction(factory, s -> deliver(s, id));
            }
        }
    }

    private void deliver(KeycloakSession s, String id) {
        // Locked until this transaction ends: Keycloak's cluster lock on the task only lasts one interval (3 s), a run
        // up to 20 s, so another node's run may be going through the same messages. It waits here for this one to
        // commit, then finds the message SENT and skips it (measured by bin/test-cluster: without the lock, most of
        // 300 invitations were emailed twice by two nodes).
        OutboxStore store = new OutboxStore(s);
        OutboxMessageEntity m = store.lockForDelivery(id);
        if (m == null || m.getStatus() != OutboxStatus.QUEUED) {
            return; // another run got it, or it was purged
        }
        RealmModel realm = s.realms().getRealm(m.getRealmId());
        if (realm == null) {
            store.remove(m);
            return;
        }
        s.getContext().setRealm(realm);
        OutboxPayload p = OutboxStore.read(m.getPayload());
        InMemoryUserAdapter recipient = new InMemoryUserAdapter(s, realm, "outbox-" + m.getId());
        recipient.setEmail(m.getRecipient());
        recipient.setFirstName(p.firstName());
        recipient.setLastName(p.lastName());
        if (p.locale() != null) {
            recipient.setSingleAttribute("locale", p.locale());
        }
        m.setAttempts(m.getAttempts() + 1);
        try {
            s.getProvider(EmailTemplateProvider.class)
                    .setRealm(realm)
                    .setUser(recipient)
                    .send(
                            p.subjectKey(),
                            List.copyOf(p.subjectParams()),
                            m.getTemplate(),
                            new HashMap<>(p.attributes()),
                            m.getRecipient());
            m.setStatus(OutboxStatus.SENT);
            m.setSentAt(Time.currentTimeMillis());
            m.setLastError(null);
            m.setPayload(null); // the link it held is not kept at rest once delivered
        } catch (EmailException e) {
            String reason = reason(e);
            m.setLastError(reason);
            if (m.getAttempts() >= MAX_ATTEMPTS) {
                m.setStatus(OutboxStatus.FAILED);
            } else {
                m.setNextAttemptAt(Time.currentTimeMillis() + backoffMillis(m.getAttempts()));
            }
            LOG.warnf("Email %s (attempt %d) was not accepted: %s", m.getId(), m.getAttempts(), reason);
        }
    }

    static long backoffMillis(int attempts) {
        return Math.min(3_600_000L, 30_000L << Math.min(attempts - 1, 10));
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
