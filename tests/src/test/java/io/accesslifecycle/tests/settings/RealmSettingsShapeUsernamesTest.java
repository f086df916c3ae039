package io.accesslifecycle.tests.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.AccessRealm;
import io.accesslifecycle.tests.LifecycleServerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** An administrator reads and changes the realm's settings; the username rule follows them; bad values are refused. */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class RealmSettingsShapeUsernamesTest {

    @InjectRealm(config = AccessRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void defaultsThenAChangedPatternAndLength() {
        AccessApi api = AccessApi.admin(urls.getBase());
        var config = api.get(AccessApi.access("/config")).json();
        assertEquals(42, config.get("invitationLifespanDays").asInt());
        assertEquals(20, config.get("usernameMaxLength").asInt());
        assertEquals("{initials}{last}", config.get("usernamePatterns").get(0).asText());

        AccessApi.Response put = api.put(
                AccessApi.access("/config"),
                Map.of(
                        "usernamePatterns",
                        List.of("{first}.{last}", "{first}.{last}{counter}"),
                        "usernameMaxLength",
                        12));
        assertEquals(200, put.status(), put.body());
        assertEquals(42, put.json().get("invitationLifespanDays").asInt(), "fields left out keep their value");
        assertEquals(
                "jeanpierre.d",
                api.get(AccessApi.access("/usernames/preview?firstName=Jean-Pierre&lastName=Dupont"))
                        .json()
                        .get("username")
                        .asText());
        assertEquals(
                12,
                api.get(AccessApi.access("/config"))
                        .json()
                        .get("usernameMaxLength")
                        .asInt());
        api.put(
                AccessApi.access("/config"),
                Map.of(
                        "usernamePatterns",
                        List.of("{initials}{last}", "{initials}{last}{counter}"),
                        "usernameMaxLength",
                        20));
    }

    @Test
    void invalidSettingsAreRefusedNamingTheField() {
        AccessApi api = AccessApi.admin(urls.getBase());
        assertField(
                api.put(AccessApi.access("/config"), Map.of("usernamePatterns", List.of("{nickname}"))),
                "usernamePatterns");
        assertField(api.put(AccessApi.access("/config"), Map.of("usernameMaxLength", 2)), "usernameMaxLength");
        assertField(api.put(AccessApi.access("/config"), Map.of("timeZone", "Mars/Olympus")), "timeZone");
        assertField(
                api.put(AccessApi.access("/config"), Map.of("invitationLifespanDays", "soon")),
                "invitationLifespanDays");
        assertEquals(
                20,
                api.get(AccessApi.access("/config"))
                        .json()
                        .get("usernameMaxLength")
                        .asInt(),
                "nothing was applied");
    }

    private static void assertField(AccessApi.Response r, String field) {
        assertEquals(400, r.status(), r.body());
        assertEquals(field, r.json().get("field").asText(), r.body());
    }
}
