package io.accesslifecycle.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The upgrade's schema: Liquibase leaves the changesets the previous release ran as they are (not run again, same
 * checksum, order and date: a released changelog file was not edited) and runs the ones this build adds.
 */
@ExtendWith(TheUpgrade.class)
class PreviousReleaseChangesetsAreKeptAndNewOnesRunTest {

    @Test
    void theChangesetsOfThePreviousReleaseAreNeitherRunAgainNorChanged(UpgradedDatabase upgrade) {
        List<ChangelogTable.Changeset> before = upgrade.before().changesets();
        Map<String, ChangelogTable.Changeset> after = ChangelogTable.byId(upgrade.changesets());
        List<String> changed = before.stream()
                .filter(c -> !c.equals(after.get(c.id())))
                .map(ChangelogTable.Changeset::id)
                .toList();
        assertEquals(List.of(), changed, "run again or edited (checksum, order or date differ)");
        System.out.printf(
                "%d changesets of the previous release untouched, %d new ones ran%n",
                before.size(), after.size() - before.size());
    }

    @Test
    void everyChangesetOfThisBuildHasRunAndCreatedItsTablesAndColumns(UpgradedDatabase upgrade) {
        Changelog changelog = Changelog.of(upgrade.setup().currentTree());
        ChangelogTable.assertEveryChangesetRan(changelog, upgrade.changesets());
        ChangelogTable.assertTablesAndColumnsExist(changelog, upgrade.database());
    }
}
