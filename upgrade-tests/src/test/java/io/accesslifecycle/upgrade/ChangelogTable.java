package io.accesslifecycle.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accesslifecycle.devserver.Database;
import io.accesslifecycle.storage.AccessJpaEntityProviderFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The table where Keycloak keeps the changesets Liquibase ran for our entity provider (not Keycloak's own
 * {@code DATABASECHANGELOG}), and the checks that a database holds what a changelog declares.
 */
final class ChangelogTable {

    /**
     * {@code DATABASECHANGELOG_} and the first ten letters of the provider's id, upper-cased, '-' as '_'
     * (Keycloak's {@code JpaUtils.getCustomChangelogTableName}); PostgreSQL folds the unquoted name to lower case.
     */
    static final String NAME = name(AccessJpaEntityProviderFactory.ID).toLowerCase(Locale.ROOT);

    /** A changeset as Liquibase ran it: the columns that must not change once it has run. */
    record Changeset(
            String id,
            String author,
            String filename,
            String md5sum,
            String exectype,
            int orderExecuted,
            String dateExecuted) {}

    private ChangelogTable() {}

    static String name(String providerId) {
        String letters = providerId.toUpperCase(Locale.ROOT).replace('-', '_').replaceAll("[^A-Z_]", "");
        return "DATABASECHANGELOG_" + letters.substring(0, Math.min(10, letters.length()));
    }

    /** Our changesets that ran in that database, in the order they ran. */
    static List<Changeset> ranIn(Database db) {
        return db
                .rows("select id, author, filename, md5sum, exectype, orderexecuted, dateexecuted from " + NAME
                        + " order by orderexecuted")
                .stream()
                .map(r -> new Changeset(
                        r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), Integer.parseInt(r.get(5)), r.get(6)))
                .toList();
    }

    /** Every changeset of the changelog ran (EXECUTED), and none that it does not declare. */
    static void assertEveryChangesetRan(Changelog expected, List<Changeset> ran) {
        Map<String, Changeset> byId = byId(ran);
        List<String> missing =
                expected.ids().stream().filter(id -> !byId.containsKey(id)).toList();
        List<String> unknown = byId.keySet().stream()
                .filter(id -> !expected.ids().contains(id))
                .toList();
        List<String> notExecuted = ran.stream()
                .filter(c -> !"EXECUTED".equals(c.exectype()))
                .map(Changeset::id)
                .toList();
        assertEquals(
                List.of(List.of(), List.of(), List.of()),
                List.of(missing, unknown, notExecuted),
                "changesets missing, unknown, not executed");
    }

    /** The tables the changelog creates and the columns it adds are in the database. */
    static void assertTablesAndColumnsExist(Changelog expected, Database db) {
        for (String table : expected.tables()) {
            assertEquals(
                    1,
                    db.count("select count(*) from information_schema.tables where table_name = lower(?)", table),
                    "no table " + table);
        }
        for (Changelog.Column column : expected.columns()) {
            assertEquals(
                    1,
                    db.count(
                            "select count(*) from information_schema.columns where table_name = lower(?)"
                                    + " and column_name = lower(?)",
                            column.table(),
                            column.name()),
                    "no column " + column);
        }
    }

    static Map<String, Changeset> byId(List<Changeset> ran) {
        return ran.stream().collect(Collectors.toMap(Changeset::id, Function.identity()));
    }
}
