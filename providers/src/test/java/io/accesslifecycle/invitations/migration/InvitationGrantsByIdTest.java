package io.accesslifecycle.invitations.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import liquibase.database.core.H2Database;
import liquibase.database.jvm.JdbcConnection;
import org.junit.jupiter.api.Test;

/** Invitations stored with role and group names get their ids, found in their own realm; unknown names are left out. */
class InvitationGrantsByIdTest {

    @Test
    void namesBecomeIdsInTheInvitationsRealm() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:grants-by-id;DB_CLOSE_DELAY=-1")) {
            try (Statement s = c.createStatement()) {
                s.execute(
                        "create table KEYCLOAK_ROLE (ID varchar(36), NAME varchar(255), REALM_ID varchar(36), CLIENT varchar(36), CLIENT_ROLE boolean)");
                s.execute("create table CLIENT (ID varchar(36), CLIENT_ID varchar(255), REALM_ID varchar(36))");
                s.execute(
                        "create table KEYCLOAK_GROUP (ID varchar(36), NAME varchar(255), PARENT_GROUP varchar(36), REALM_ID varchar(36))");
                s.execute(
                        "create table ACCESS_INVITATION (ID varchar(36), REALM_ID varchar(36), GRANTS varchar(4000))");
                s.execute("insert into KEYCLOAK_ROLE values ('r-analyst', 'analyst', 'realm-a', null, false)");
                s.execute("insert into KEYCLOAK_ROLE values ('r-analyst-b', 'analyst', 'realm-b', null, false)");
                s.execute("insert into CLIENT values ('c-portal', 'support-portal', 'realm-a')");
                s.execute("insert into KEYCLOAK_ROLE values ('r-view', 'view', null, 'c-portal', true)");
                s.execute("insert into KEYCLOAK_GROUP values ('g-staff', 'staff', ' ', 'realm-a')");
                s.execute("insert into KEYCLOAK_GROUP values ('g-paris', 'paris', 'g-staff', 'realm-a')");
                s.execute(
                        "insert into ACCESS_INVITATION values ('i1', 'realm-a', '{\"roles\":[\"analyst\",\"support-portal/view\",\"gone\"],"
                                + "\"groups\":[\"/staff/paris\",\"/nowhere\"],\"labels\":[],\"accessExpiresOn\":null,\"authorisedCaller\":false}')");
                s.execute(
                        "insert into ACCESS_INVITATION values ('i2', 'realm-a', '{\"roles\":[\"analyst\"],\"groups\":[],\"roleIds\":[\"kept\"],\"groupIds\":[]}')");
            }
            H2Database database = new H2Database();
            database.setConnection(new JdbcConnection(c));
            new InvitationGrantsById().execute(database);

            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select ID, GRANTS from ACCESS_INVITATION order by ID")) {
                rs.next();
                String migrated = rs.getString(2);
                assertEquals(true, migrated.contains("\"roleIds\":[\"r-analyst\",\"r-view\"]"), migrated);
                assertEquals(true, migrated.contains("\"groupIds\":[\"g-paris\"]"), migrated);
                assertEquals(
                        true,
                        migrated.contains("\"roles\":[\"analyst\",\"support-portal/view\",\"gone\"]"),
                        "the names stay: " + migrated);
                rs.next();
                assertEquals(true, rs.getString(2).contains("\"roleIds\":[\"kept\"]"), "rows with ids are left alone");
            }
        }
    }
}
