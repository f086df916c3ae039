package io.accesslifecycle.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What users of the previous release wrote is still there and still works after this build upgrades the database:
 * every field the old release showed keeps its value, settings keep theirs (under their new names), the realm that
 * used the bundle is on and {@code master} is not, an emailed invitation link still opens, and the bundle keeps
 * working.
 */
@ExtendWith(TheUpgrade.class)
class PreviousReleaseDataSurvivesTheUpgradeTest {

    /** Settings renamed since the previous release: the stored value is read under the new name. */
    private static final Map<String, String> RENAMED =
            Map.of("invitationEmailsPerAdminPerHour", "emailsPerAdminPerHour");

    @Test
    void invitationsKeepEveryFieldButTheirDeliveryStatus(UpgradedDatabase upgrade) {
        // the delivery status moves on by itself: there is no mail server here
        assertKept(
                "invitations",
                upgrade.before().snapshot().invitations(),
                upgrade.after().invitations(),
                Set.of("emailDelivery"));
    }

    @Test
    void accessRequestsKeepEveryField(UpgradedDatabase upgrade) {
        assertKept(
                "requests",
                upgrade.before().snapshot().requests(),
                upgrade.after().requests(),
                Set.of());
    }

    @Test
    void declaredUsersKeepEveryField(UpgradedDatabase upgrade) {
        assertKept("users", upgrade.before().snapshot().users(), upgrade.after().users(), Set.of());
    }

    @Test
    void auditEntriesAreKept(UpgradedDatabase upgrade) {
        Map<String, JsonNode> after = new HashMap<>();
        upgrade.after().audit().forEach(a -> after.put(a.get("id").asText(), a));
        List<String> lost = new ArrayList<>();
        for (JsonNode entry : upgrade.before().snapshot().audit()) {
            if (!entry.equals(after.get(entry.get("id").asText()))) {
                lost.add(entry.path("type").asText());
            }
        }
        assertEquals(List.of(), lost, "audit entries lost or changed");
        System.out.printf("%d audit entries after the upgrade%n", after.size());
    }

    @Test
    void settingsKeepTheirValuesUnderTheirCurrentNames(UpgradedDatabase upgrade) {
        JsonNode before = upgrade.before().snapshot().config();
        JsonNode after = upgrade.after().config();
        Set<String> kept = new TreeSet<>();
        before.properties().forEach(setting -> {
            String name = RENAMED.getOrDefault(setting.getKey(), setting.getKey());
            assertEquals(setting.getValue(), after.get(name), "setting " + setting.getKey() + " read as " + name);
            kept.add(name);
        });
        Set<String> added = new TreeSet<>();
        after.fieldNames().forEachRemaining(added::add);
        added.removeAll(kept);
        System.out.println("settings kept; new settings at their defaults: " + added);
    }

    @Test
    void theRealmThatUsedTheBundleIsTurnedOn(UpgradedDatabase upgrade) {
        JsonNode enabled = upgrade.after().config().path("enabled");
        assertTrue(
                enabled.isBoolean() && enabled.booleanValue(),
                "settings after the upgrade: " + upgrade.after().config());
    }

    @Test
    void masterStaysOff(UpgradedDatabase upgrade) {
        assertEquals(
                0,
                upgrade.database()
                        .count("select count(*) from realm_attribute a join realm r on r.id = a.realm_id"
                                + " where r.name = 'master' and a.name like 'accessLifecycle.%'"),
                "master was turned on by the upgrade");
    }

    @Test
    void anInvitationLinkTheOldReleaseEmailedOpensUntilAResendReplacesIt(UpgradedDatabase upgrade) {
        String link = upgrade.before().invitationLink();
        LifecycleRealm.Answer page = upgrade.browser().open(link);
        assertEquals(200, page.status(), "the invitation link the previous release sent, after the upgrade");
        assertTrue(page.body().contains("Create your account"), "the invitation link opens the register form");

        upgrade.admin().post("/invitations/" + upgrade.before().invitationId() + "/resend", null);
        assertEquals(410, upgrade.browser().open(link).status(), "the resent invitation's old link");
    }

    @Test
    void invitingWorksAfterTheUpgrade(UpgradedDatabase upgrade) {
        JsonNode result = upgrade.admin()
                .post(
                        "/invitations",
                        Map.of("invitees", List.of(Map.of("email", "after.upgrade@example.org")), "locale", "en"));
        assertEquals("invited", result.at("/results/0/status").asText(), "inviting after the upgrade: " + result);
    }

    /**
     * Both lists have the same entries and every field an entry had before has the same value after, except the
     * {@code moving} ones; fields this build adds are listed, not compared.
     */
    private static void assertKept(String what, JsonNode before, JsonNode after, Set<String> moving) {
        assertEquals(before.size(), after.size(), what + ": entries before and after");
        Set<String> added = new TreeSet<>();
        for (int i = 0; i < before.size(); i++) {
            JsonNode old = before.get(i);
            JsonNode now = after.get(i);
            Map<String, String> changed = new HashMap<>();
            old.properties().forEach(field -> {
                if (!moving.contains(field.getKey()) && !same(field.getValue(), now.path(field.getKey()))) {
                    changed.put(field.getKey(), field.getValue() + " -> " + now.path(field.getKey()));
                }
            });
            assertEquals(Map.of(), changed, what + ": changed by the upgrade");
            now.fieldNames().forEachRemaining(name -> {
                if (!old.has(name)) {
                    added.add(name);
                }
            });
        }
        System.out.printf("%s: %d kept; fields added by this build: %s%n", what, before.size(), added);
    }

    /** Equal values; a field now absent equals a field that was null. */
    private static boolean same(JsonNode before, JsonNode after) {
        return before.equals(after) || (before.isNull() && after.isMissingNode());
    }
}
