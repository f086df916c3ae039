package io.accesslifecycle.upgrade;

import io.accesslifecycle.devserver.Database;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What bin/test-migration prepared, as it passes it in system properties: the two Keycloak distributions (unpacked,
 * our jars added, {@code kc.sh build} run), the previous release's source tree (its changelog and realm export), the
 * PostgreSQL cluster with its two empty databases, and the ports the servers listen on.
 */
record Setup(
        String previousRelease,
        Path previousKeycloak,
        Path currentKeycloak,
        Path previousTree,
        Path currentTree,
        Database emptyDatabase,
        Database upgradedDatabase,
        int httpPort,
        int managementPort,
        Path logs) {

    /** The owner bin/lib/pg.sh gives every database it creates (a throw-away cluster). */
    private static final String DB_USER = "keycloak";

    private static final String DB_PASSWORD = "keycloak";

    static Setup fromSystemProperties() {
        String jdbc = required("upgrade.jdbc");
        return new Setup(
                required("upgrade.previous.release"),
                directory("upgrade.keycloak.previous"),
                directory("upgrade.keycloak.current"),
                directory("upgrade.previous.tree"),
                directory("upgrade.current.tree"),
                new Database(jdbc + required("upgrade.db.empty"), DB_USER, DB_PASSWORD),
                new Database(jdbc + required("upgrade.db.upgraded"), DB_USER, DB_PASSWORD),
                Integer.parseInt(required("upgrade.http.port")),
                Integer.parseInt(required("upgrade.management.port")),
                Path.of(required("upgrade.logs")));
    }

    private static Path directory(String property) {
        Path dir = Path.of(required(property));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(property + ": no directory " + dir);
        }
        return dir;
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(
                    "system property " + property + " is not set: run these tests through bin/test-migration");
        }
        return v;
    }
}
