package io.accesslifecycle.invitations.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.SetupException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Liquibase change (2026-12-02): invitations stored their roles and groups by name, so a renamed role pointed an
 * old invitation at another role. Each row's grants get {@code roleIds} and {@code groupIds}, found from the names
 * (a realm role by name, {@code clientId/roleName}, a group by its path) in the invitation's realm; a name that no
 * longer exists is left out, as acceptance skipped it. Rows that already have ids are left alone.
 */
public class InvitationGrantsById implements CustomTaskChange {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keycloak's parent id of a top-level group. */
    private static final String TOP = " ";

    private int migrated;

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection c = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        String invitations = database.correctObjectName("ACCESS_INVITATION", liquibase.structure.core.Table.class);
        try {
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("select ID, REALM_ID, GRANTS from " + invitations);
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            try (PreparedStatement update =
                    c.prepareStatement("update " + invitations + " set GRANTS = ? where ID = ?")) {
                for (String[] row : rows) {
                    String grants = migrate(c, row[1], row[2]);
                    if (grants != null) {
                        update.setString(1, grants);
                        update.setString(2, row[0]);
                        update.executeUpdate();
                        migrated++;
                    }
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new CustomChangeException("could not store invitation roles and groups by id", e);
        }
    }

    /** The grants with ids, or null if there is nothing to do. */
    private static String migrate(Connection c, String realmId, String grants)
            throws SQLException, java.io.IOException {
        if (grants == null) {
            return null;
        }
        JsonNode node = JSON.readTree(grants);
        if (!(node instanceof ObjectNode o) || o.has("roleIds")) {
            return null;
        }
        ArrayNode roleIds = o.putArray("roleIds");
        for (JsonNode ref : o.path("roles")) {
            String id = roleId(c, realmId, ref.asText());
            if (id != null) {
                roleIds.add(id);
            }
        }
        ArrayNode groupIds = o.putArray("groupIds");
        for (JsonNode ref : o.path("groups")) {
            String id = groupId(c, realmId, ref.asText());
            if (id != null) {
                groupIds.add(id);
            }
        }
        return JSON.writeValueAsString(o);
    }

    private static String roleId(Connection c, String realmId, String ref) throws SQLException {
        String id = one(
                c,
                "select ID from KEYCLOAK_ROLE where CLIENT_ROLE = ? and REALM_ID = ? and NAME = ?",
                false,
                realmId,
                ref);
        int slash = ref.lastIndexOf('/');
        if (id == null && slash > 0 && slash < ref.length() - 1) {
            id = one(
                    c,
                    "select r.ID from KEYCLOAK_ROLE r join CLIENT k on r.CLIENT = k.ID"
                            + " where r.CLIENT_ROLE = ? and k.REALM_ID = ? and k.CLIENT_ID = ? and r.NAME = ?",
                    true,
                    realmId,
                    ref.substring(0, slash),
                    ref.substring(slash + 1));
        }
        return id;
    }

    private static String groupId(Connection c, String realmId, String path) throws SQLException {
        String parent = TOP;
        for (String name : (path.startsWith("/") ? path.substring(1) : path).split("/")) {
            parent = one(
                    c,
                    "select ID from KEYCLOAK_GROUP where REALM_ID = ? and PARENT_GROUP = ? and NAME = ?",
                    realmId,
                    parent,
                    name);
            if (parent == null) {
                return null;
            }
        }
        return parent;
    }

    private static String one(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Override
    public String getConfirmationMessage() {
        return "access-lifecycle: " + migrated + " invitations now name their roles and groups by id";
    }

    @Override
    public void setUp() throws SetupException {}

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {}

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
