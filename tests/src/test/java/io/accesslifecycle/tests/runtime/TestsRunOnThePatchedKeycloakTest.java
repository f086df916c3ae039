package io.accesslifecycle.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.accesslifecycle.tests.LifecycleServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The suite runs on the patched Keycloak distribution that the build names ({@code keycloak.dist.version}, 26.7.5),
 * not on the 26.7.0 API it compiles against: 26.7.0 and 26.7.1 have a critical account takeover through "Forgot
 * password" (CVE-2026-18963).
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class TestsRunOnThePatchedKeycloakTest {

    @InjectAdminClient
    Keycloak admin;

    @Test
    void theServerReportsTheDistributionVersionOfTheBuild() {
        String expected = System.getProperty("keycloak.dist.version");
        assertNotNull(expected, "the build passes keycloak.dist.version to the tests");
        assertEquals(expected, admin.serverInfo().getInfo().getSystemInfo().getVersion());
    }
}
