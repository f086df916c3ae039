package io.accesslifecycle.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** The access API answers only to administrators: reads need view-users, writes manage-users. */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class AccessApiRequiresAdminRightsTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private static final String PREVIEW = AccessApi.access("/usernames/preview?firstName=Jean&lastName=Dupont");
    private static final Map<String, String> DECLARATION = Map.of("email", "x.y@example.org", "firstName", "X", "lastName", "Yves");

    @Test
    void withoutATokenTheAnswerIs401() {
        AccessApi anonymous = AccessApi.anonymous(urls.getBase());
        assertEquals(401, anonymous.get(PREVIEW).status());
        assertEquals(401, anonymous.post(AccessApi.access("/users"), DECLARATION).status());
        assertEquals(401, anonymous.get(AccessApi.access("/config")).status());
    }

    @Test
    void aUserWithoutAdminRolesGets403() {
        AccessApi plain = AccessApi.as(urls.getBase(), "plain-user", "Plain-Passw0rd!");
        assertEquals(403, plain.get(PREVIEW).status());
        assertEquals(403, plain.post(AccessApi.access("/users"), DECLARATION).status());
        assertEquals(403, plain.get(AccessApi.access("/config")).status());
        assertEquals(403, plain.put(AccessApi.access("/config"), Map.of("usernameMaxLength", 30)).status());
    }

    @Test
    void aViewerMayReadButNotWrite() {
        AccessApi viewer = AccessApi.as(urls.getBase(), "viewer", "Viewer-Passw0rd!");
        assertEquals(200, viewer.get(PREVIEW).status());
        assertEquals(200, viewer.get(AccessApi.access("/config")).status());
        assertEquals(403, viewer.post(AccessApi.access("/users"), DECLARATION).status());
        assertEquals(403, viewer.put(AccessApi.access("/config"), Map.of("usernameMaxLength", 30)).status());
        assertEquals(0, realm.admin().users().searchByEmail("x.y@example.org", true).size());
    }
}
