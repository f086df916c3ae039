package io.accesslifecycle.upgrade;

import io.accesslifecycle.devserver.Database;
import java.util.List;

/**
 * The upgrade itself, done once for the test classes that check it: the previous release writes its data (see
 * {@link PreviousRelease}), then Keycloak with this build starts on the same database, which runs the new changesets.
 * That server stays up for the tests and stops when JUnit closes this (at the end of the run).
 */
final class UpgradedDatabase implements AutoCloseable {

    private final Setup setup;
    private final PreviousRelease.Written before;
    private final KeycloakServer server;
    private final List<ChangelogTable.Changeset> changesets;
    private final Snapshot after;

    private UpgradedDatabase(
            Setup setup,
            PreviousRelease.Written before,
            KeycloakServer server,
            List<ChangelogTable.Changeset> changesets,
            Snapshot after) {
        this.setup = setup;
        this.before = before;
        this.server = server;
        this.changesets = changesets;
        this.after = after;
    }

    static UpgradedDatabase upgrade(Setup setup) {
        PreviousRelease.Written before = PreviousRelease.writeData(setup);
        KeycloakServer server = KeycloakServer.start(
                "upgraded",
                setup.currentKeycloak(),
                setup.upgradedDatabase(),
                setup.httpPort(),
                setup.managementPort(),
                setup.logs());
        try {
            server.awaitReady();
            // read before any test writes: the tests that resend or invite change what the API shows
            Snapshot after = Snapshot.of(LifecycleRealm.asAdmin(server.base()));
            return new UpgradedDatabase(setup, before, server, ChangelogTable.ranIn(setup.upgradedDatabase()), after);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    Setup setup() {
        return setup;
    }

    /** What the previous release wrote and ran, read before the upgrade. */
    PreviousRelease.Written before() {
        return before;
    }

    /** Our changesets in the database after the upgrade. */
    List<ChangelogTable.Changeset> changesets() {
        return changesets;
    }

    /** The admin API's view of the data right after the upgrade. */
    Snapshot after() {
        return after;
    }

    Database database() {
        return setup.upgradedDatabase();
    }

    /** The upgraded server's realm, as its access administrator (signed in now). */
    LifecycleRealm admin() {
        return LifecycleRealm.asAdmin(server.base());
    }

    /** The upgraded server's pages, as a browser. */
    LifecycleRealm browser() {
        return LifecycleRealm.browser(server.base());
    }

    @Override
    public void close() {
        server.close();
    }
}
