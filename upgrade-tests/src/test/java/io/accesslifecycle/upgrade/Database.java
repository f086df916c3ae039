package io.accesslifecycle.upgrade;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One PostgreSQL database a server runs on, read by the tests over JDBC (as its owner). */
record Database(String url, String user, String password) {

    /** Every row, each as its columns' strings. */
    List<List<String>> rows(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as a long (a count). */
    long count(String sql, Object... params) {
        return Long.parseLong(rows(sql, params).get(0).get(0));
    }
}
