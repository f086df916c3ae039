package io.accesslifecycle.devserver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A database a Keycloak server runs on, as the tests outside Keycloak read and change it over JDBC (the two-node
 * tests, the upgrade test): one connection per statement, parameters by position, rows as strings.
 */
public record Database(String url, String user, String password) {

    public Connection connect() {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row, each as its columns' strings. */
    public List<List<String>> rows(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement st = prepared(c, sql, params);
                ResultSet rs = st.executeQuery()) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as a long (a count). */
    public long count(String sql, Object... params) {
        return Long.parseLong(rows(sql, params).get(0).get(0));
    }

    /** Runs an insert, update or delete; answers the rows it changed. */
    public int update(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement st = prepared(c, sql, params)) {
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepared(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }
}
