package io.accesslifecycle.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Keycloak with the previous release's providers on the database to upgrade: imports that release's sample realm and
 * writes what a user of it would have, through its API and pages (settings, a declared user, invitations with one
 * revoked, an access request made by {@code plain-user} through the login form, and the audit of all that), then
 * stops. What it wrote is the {@link Written} the upgrade is checked against.
 */
final class PreviousRelease {

    /**
     * What the previous release wrote: the admin API's view of it, the invitation kept for the link test and the link
     * its email carried (a credential: never printed), and the changesets it ran.
     */
    record Written(
            Snapshot snapshot, String invitationId, String invitationLink, List<ChangelogTable.Changeset> changesets) {}

    private PreviousRelease() {}

    static Written writeData(Setup setup) {
        importRealmOnStart(setup);
        String invitationId;
        Snapshot snapshot;
        try (KeycloakServer server = KeycloakServer.start(
                "previous",
                setup.previousKeycloak(),
                setup.upgradedDatabase(),
                setup.httpPort(),
                setup.managementPort(),
                setup.logs(),
                "--import-realm")) {
            server.awaitReady();
            LifecycleRealm api = LifecycleRealm.asAdmin(server.base());
            api.put("/config", Map.of("usernameMaxLength", 18, "invitationLifespanDays", 30));
            api.post(
                    "/users",
                    Map.of(
                            "email", "kept.user@example.org",
                            "firstName", "Kept",
                            "lastName", "User",
                            "locale", "en",
                            "labels", List.of("migrated")));
            JsonNode invited = api.post(
                    "/invitations",
                    Map.of(
                            "invitees",
                            List.of(
                                    Map.of("email", "old.invitee@example.org", "firstName", "Old"),
                                    Map.of("email", "revoked@example.org")),
                            "roles",
                            List.of("analyst"),
                            "labels",
                            List.of("migrated"),
                            "locale",
                            "en",
                            "note",
                            "before the upgrade",
                            "message",
                            "Bienvenue, ça marche ✓"));
            invitationId = invited.at("/results/0/invitationId").asText();
            api.delete("/invitations/" + invited.at("/results/1/invitationId").asText());

            LifecycleRealm plainUser = LifecycleRealm.browser(server.base());
            String page = "/realms/" + LifecycleRealm.NAME + "/access-request";
            plainUser.signInThroughTheLoginForm(page, "plain-user", "Plain-Passw0rd!");
            plainUser.form(page, Map.of("justification", "Asked before the upgrade"));

            snapshot = Snapshot.of(api);
            if (snapshot.requests().size() != 1) {
                throw new AssertionError("plain-user's access request was not made on " + setup.previousRelease());
            }
        }
        String payload = setup.upgradedDatabase()
                .rows("select payload from access_outbox where ref_id = ? order by created_at limit 1", invitationId)
                .get(0)
                .get(0);
        // the previous release's own changelog ran completely, or there is nothing to upgrade from
        List<ChangelogTable.Changeset> changesets = ChangelogTable.ranIn(setup.upgradedDatabase());
        Changelog changelog = Changelog.of(setup.previousTree());
        ChangelogTable.assertEveryChangesetRan(changelog, changesets);
        ChangelogTable.assertTablesAndColumnsExist(changelog, setup.upgradedDatabase());
        System.out.printf(
                "%s: realm, user, invitations, access request and audit written (%d changesets)%n",
                setup.previousRelease(), changesets.size());
        return new Written(
                snapshot,
                invitationId,
                LifecycleRealm.parse(payload).at("/attributes/link").asText(),
                changesets);
    }

    /** The previous release's sample realm, imported by its server's first start ({@code --import-realm}). */
    private static void importRealmOnStart(Setup setup) {
        try {
            Path imports = Files.createDirectories(setup.previousKeycloak().resolve("data/import"));
            Files.copy(
                    setup.previousTree().resolve("realm-config/lifecycle-realm.json"),
                    imports.resolve("lifecycle-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
