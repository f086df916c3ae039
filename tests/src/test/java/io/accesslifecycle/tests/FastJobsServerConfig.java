package io.accesslifecycle.tests;

import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/** The test server with the hourly and daily jobs running every second, for the tests that move the clock. */
public class FastJobsServerConfig extends LifecycleServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return super.configure(config)
                .spiOption("admin-realm-restapi-extension", "access", "invitation-purge-interval-seconds", "1")
                .spiOption("admin-realm-restapi-extension", "access", "audit-retention-interval-seconds", "1")
                .spiOption("admin-realm-restapi-extension", "access", "expiry-interval-seconds", "1")
                .spiOption("admin-realm-restapi-extension", "access", "password-reminder-interval-seconds", "1");
    }
}
