package io.accesslifecycle.tests;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/** The test server: Keycloak with the bundle's providers and themes, and the libraries they need. */
public class LifecycleServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config.dependency("io.accesslifecycle", "access-lifecycle-providers", true)
                .dependency("io.accesslifecycle", "access-lifecycle-themes", true)
                .dependency("com.ibm.icu", "icu4j")
                // the framework's time offset and run-on-server endpoints, on every test server so that test
                // classes share one server instead of restarting it
                .dependency("org.keycloak.testframework", "keycloak-test-framework-remote-providers");
    }
}
