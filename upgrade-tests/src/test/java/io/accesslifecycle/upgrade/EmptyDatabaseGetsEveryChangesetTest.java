package io.accesslifecycle.upgrade;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A new installation: Keycloak with this build, started on an empty database, runs every changeset of this build's
 * changelog, which creates every table and column it declares. Runs alongside the upgrade (ports: the upgrade's plus
 * one).
 */
class EmptyDatabaseGetsEveryChangesetTest {

    private final Setup setup = Setup.fromSystemProperties();

    @BeforeAll
    static void thisBuildStartsOnAnEmptyDatabase() {
        Setup setup = Setup.fromSystemProperties();
        try (KeycloakServer server = KeycloakServer.start(
                "empty",
                setup.currentKeycloak(),
                setup.emptyDatabase(),
                setup.httpPort() + 1,
                setup.managementPort() + 1,
                setup.logs())) {
            server.awaitReady();
        }
    }

    @Test
    void everyChangesetOfThisBuildRuns() {
        ChangelogTable.assertEveryChangesetRan(
                Changelog.of(setup.currentTree()), ChangelogTable.ranIn(setup.emptyDatabase()));
    }

    @Test
    void everyTableAndColumnOfThisBuildIsCreated() {
        ChangelogTable.assertTablesAndColumnsExist(Changelog.of(setup.currentTree()), setup.emptyDatabase());
    }
}
