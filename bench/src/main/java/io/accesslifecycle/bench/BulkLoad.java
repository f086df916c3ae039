package io.accesslifecycle.bench;

import io.accesslifecycle.devserver.BulkUsers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java ... BulkLoad --jdbc=URL --count=100000 [--prefix=bulk] [--due-every=100] [--due-date=YYYY-MM-DD]
 * [--later-every=10] [--later-date=YYYY-MM-DD]}: loads users into the lifecycle realm of a running Keycloak's PostgreSQL database (see
 * devtools' BulkUsers), each with plain-user's password, and prints how long it took.
 */
public final class BulkLoad {

    private BulkLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            o.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        BulkUsers.Spec spec = new BulkUsers.Spec(
                "lifecycle",
                o.getOrDefault("prefix", "bulk"),
                Integer.parseInt(o.get("count")),
                "bench.example.org",
                o.getOrDefault("template", "plain-user"),
                Integer.parseInt(o.getOrDefault("due-every", "0")),
                o.get("due-date"),
                Integer.parseInt(o.getOrDefault("later-every", "0")),
                o.get("later-date"));
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(
                o.get("jdbc"), o.getOrDefault("user", "keycloak"), o.getOrDefault("password", "keycloak"))) {
            int due = BulkUsers.load(db, spec);
            System.out.printf(
                    "loaded %d users (%d due on %s) in %.1f s%n",
                    spec.count(), due, spec.dueDate(), (System.nanoTime() - started) / 1e9);
        }
    }
}
