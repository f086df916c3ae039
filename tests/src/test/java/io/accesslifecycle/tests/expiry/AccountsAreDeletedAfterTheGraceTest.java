package io.accesslifecycle.tests.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.FastJobsServerConfig;
import io.accesslifecycle.tests.Waits;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * When the grace period (30 days) after the day the job stopped the account (its end date, the job running daily)
 * is over, the account is deleted; the audit keeps who, when and why, and nothing else about the person.
 */
@KeycloakIntegrationTest(config = FastJobsServerConfig.class)
class AccountsAreDeletedAfterTheGraceTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void theAccountGoesThirtyDaysAfterItsEndDate() {
        String end = Accounts.today().plusDays(1).toString();
        String id = Accounts.create(realm, "gone.contractor", end);
        int toMidnight = Accounts.secondsToNextDay();

        timeOffSet.set(toMidnight + 60);
        Waits.until("stopped on its end date", () -> !Accounts.read(realm, id).isEnabled());

        timeOffSet.set(toMidnight + 29 * 86_400 + 60);
        assertTrue(Accounts.exists(realm, id), "29 days into the grace the account is still there");

        timeOffSet.set(toMidnight + 30 * 86_400 + 60);
        Waits.until("deleted", () -> !Accounts.exists(realm, id));

        JsonNode audit = AccessApi.admin(urls.getBase())
                .get(AccessApi.access("/audit?user=" + id + "&type=ACCOUNT_DELETED"))
                .json();
        assertEquals(1, audit.size(), audit.toString());
        JsonNode entry = audit.get(0);
        assertEquals("gone.contractor", entry.get("targetName").asText());
        assertTrue(entry.get("note").asText().contains("access ended on " + end), entry.toString());
        assertTrue(entry.get("note").asText().contains("30-day grace period"), entry.toString());
        assertFalse(entry.toString().contains("example.org"), "no email address or other personal data: " + entry);
        timeOffSet.set(0);
    }
}
