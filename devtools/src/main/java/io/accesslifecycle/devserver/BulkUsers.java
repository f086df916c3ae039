package io.accesslifecycle.devserver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Loads many users straight into Keycloak's PostgreSQL tables, for the benchmarks and the two-node tests: 100,000
 * users take seconds this way, hours through the admin API. Each user {@code <prefix>-<n>} (n from 1) gets the email
 * {@code <prefix>-<n>@<domain>}, the realm's default roles, a copy of the template user's password credential (so
 * they all sign in with the template's password), a label {@code team-<n % 10>}, and an {@code accessExpiresOn} of
 * {@code dueDate} every {@code dueEvery}-th user (none when 0), of {@code laterDate} every {@code laterEvery}-th
 * of the others (none when 0); the rest have no end date.
 *
 * <p>Ids are derived from the prefix and n ({@code md5(...)::uuid}), so a second load with the same prefix fails on
 * the primary key instead of duplicating users. PostgreSQL only ({@code generate_series}). Keycloak must not have
 * these users in its caches: load them before any of them is read, or restart Keycloak.
 */
public final class BulkUsers {

    /** What to load. {@code prefix}: lowercase letters, digits and hyphens. */
    public record Spec(
            String realm,
            String prefix,
            int count,
            String domain,
            String templateUsername,
            int dueEvery,
            String dueDate,
            int laterEvery,
            String laterDate) {
        public Spec {
            if (!prefix.matches("[a-z0-9-]{1,40}") || count < 1) {
                throw new IllegalArgumentException("prefix [a-z0-9-]{1,40} and count >= 1");
            }
        }
    }

    private BulkUsers() {}

    /** Inserts the users in one transaction; returns how many users are due (have {@code dueDate}). */
    public static int load(Connection db, Spec spec) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            String realmId = single(db, "select id from realm where name = ?", spec.realm());
            String template = single(
                    db,
                    "select id from user_entity where realm_id = ? and username = ?",
                    realmId,
                    spec.templateUsername());
            long now = System.currentTimeMillis();
            update(
                    db,
                    """
                    insert into user_entity (id, email, email_constraint, email_verified, enabled, first_name, last_name,
                                             realm_id, username, created_timestamp, not_before)
                    select md5(? || '-' || g)::uuid::text, ? || '-' || g || '@' || ?, ? || '-' || g || '@' || ?, true, true,
                           'Bulk', 'User ' || g, ?, ? || '-' || g, ?, 0
                    from generate_series(1, ?) g""",
                    spec.prefix(),
                    spec.prefix(),
                    spec.domain(),
                    spec.prefix(),
                    spec.domain(),
                    realmId,
                    spec.prefix(),
                    now,
                    spec.count());
            update(db, """
                    insert into user_role_mapping (role_id, user_id)
                    select r.default_role, md5(? || '-' || g)::uuid::text from realm r, generate_series(1, ?) g
                    where r.id = ? and r.default_role is not null""", spec.prefix(), spec.count(), realmId);
            update(db, """
                    insert into credential (id, type, user_id, created_date, secret_data, credential_data, priority, salt,
                                            user_label, version)
                    select md5('c' || ? || '-' || g)::uuid::text, c.type, md5(? || '-' || g)::uuid::text, c.created_date,
                           c.secret_data, c.credential_data, c.priority, c.salt, c.user_label, c.version
                    from credential c, generate_series(1, ?) g where c.user_id = ? and c.type = 'password'""", spec.prefix(), spec.prefix(), spec.count(), template);
            update(db, """
                    insert into user_attribute (id, name, value, user_id)
                    select md5('l' || ? || '-' || g)::uuid::text, 'labels', 'team-' || (g % 10), md5(? || '-' || g)::uuid::text
                    from generate_series(1, ?) g""", spec.prefix(), spec.prefix(), spec.count());
            int due = 0;
            if (spec.dueEvery() > 0 && spec.dueDate() != null) {
                due = update(db, """
                        insert into user_attribute (id, name, value, user_id)
                        select md5('e' || ? || '-' || g)::uuid::text, 'accessExpiresOn', ?, md5(? || '-' || g)::uuid::text
                        from generate_series(1, ?) g where g % ? = 0""", spec.prefix(), spec.dueDate(), spec.prefix(), spec.count(), spec.dueEvery());
            }
            if (spec.laterEvery() > 0 && spec.laterDate() != null) {
                update(
                        db,
                        """
                        insert into user_attribute (id, name, value, user_id)
                        select md5('e' || ? || '-' || g)::uuid::text, 'accessExpiresOn', ?, md5(? || '-' || g)::uuid::text
                        from generate_series(1, ?) g where g % ? = 1 % ? and (? = 0 or g % ? <> 0)""",
                        spec.prefix(),
                        spec.laterDate(),
                        spec.prefix(),
                        spec.count(),
                        spec.laterEvery(),
                        spec.laterEvery(),
                        spec.dueEvery(),
                        Math.max(1, spec.dueEvery()));
            }
            db.commit();
            return due;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    private static String single(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(db, sql, params);
                ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("not found: " + sql + " " + List.of(params));
            }
            return rs.getString(1);
        }
    }

    private static int update(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = prepare(db, sql, params)) {
            return st.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... params) throws SQLException {
        PreparedStatement st = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }
}
