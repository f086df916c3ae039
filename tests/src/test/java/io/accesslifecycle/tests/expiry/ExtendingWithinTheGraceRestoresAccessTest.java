package io.accesslifecycle.tests.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.FastJobsServerConfig;
import io.accesslifecycle.tests.Waits;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Within the grace period, moving the end date into the future or clearing it gives the access back at once: the
 * account is enabled again and the sign-in works, without waiting for any job.
 */
@KeycloakIntegrationTest(config = FastJobsServerConfig.class)
class ExtendingWithinTheGraceRestoresAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void movingOrClearingTheDateRestoresTheSignIn() throws Exception {
        String end = Accounts.today().plusDays(1).toString();
        String extended = Accounts.create(realm, "extended.contractor", end);
        String cleared = Accounts.create(realm, "cleared.contractor", end);

        timeOffSet.set(Accounts.secondsToNextDay() + 10 * 86_400);
        Waits.until(
                "both accounts stopped",
                () -> !Accounts.read(realm, extended).isEnabled()
                        && !Accounts.read(realm, cleared).isEnabled());
        assertEquals(
                400,
                Accounts.signIn(urls.getBase(), "extended.contractor", "openid").status());

        AccessApi api = AccessApi.admin(urls.getBase());
        String newEnd = Accounts.today().plusDays(60).toString();
        AccessApi.Response put = api.put(
                AccessApi.access("/users/" + extended + "/access"),
                withDate(
                        api.get(AccessApi.access("/users/" + extended + "/access"))
                                .json(),
                        newEnd));
        assertEquals(200, put.status(), put.body());
        assertTrue(Accounts.read(realm, extended).isEnabled(), "enabled again at once");
        assertEquals(
                200,
                Accounts.signIn(urls.getBase(), "extended.contractor", "openid").status(),
                "signs in again");

        put = api.put(
                AccessApi.access("/users/" + cleared + "/access"),
                withDate(
                        api.get(AccessApi.access("/users/" + cleared + "/access"))
                                .json(),
                        null));
        assertEquals(200, put.status(), put.body());
        assertEquals(
                200,
                Accounts.signIn(urls.getBase(), "cleared.contractor", "openid").status(),
                "no end date: signs in");

        JsonNode audit = api.get(AccessApi.access("/audit?user=extended.contractor&type=ACCESS_RESTORED"))
                .json();
        assertEquals(1, audit.size(), audit.toString());

        // a user in grace keeps their past end date while other parts of their access are edited
        String third = Accounts.create(
                realm, "still.in.grace", Accounts.today().plusDays(1).toString());
        Waits.until("stopped", () -> !Accounts.read(realm, third).isEnabled());
        JsonNode access =
                api.get(AccessApi.access("/users/" + third + "/access")).json();
        Map<String, Object> labelsOnly =
                withDate(access, access.get("accessExpiresOn").asText());
        labelsOnly.put("labels", List.of("archived"));
        put = api.put(AccessApi.access("/users/" + third + "/access"), labelsOnly);
        assertEquals(200, put.status(), "the unchanged past date is accepted: " + put.body());
        assertEquals(
                400, Accounts.signIn(urls.getBase(), "still.in.grace", "openid").status(), "and access stays stopped");
        timeOffSet.set(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withDate(JsonNode access, String date) {
        Map<String, Object> body = JSON.convertValue(access, HashMap.class);
        body.remove("id");
        body.remove("username");
        body.remove("email");
        body.put("accessExpiresOn", date);
        return body;
    }
}
