package io.accesslifecycle.tests.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.pages.AccessConsole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/** Someone without the rights to administer users signs in and is told so plainly, with a way out. */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class AccessConsoleTellsOtherPeopleTheyHaveNoAccessTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectWebDriver
    ManagedWebDriver browser;

    @BeforeEach
    void signedOut() {
        BrowserSteps.signedOut(browser, urls);
    }

    @Test
    void aPlainUserSeesThatTheyCannotManageAccess() {
        console().signIn("plain-user", "Plain-Passw0rd!");
        String text = console().visible(By.id("no-access")).getText();
        assertTrue(text.contains("plain-user"), text);
        assertTrue(text.contains("access-admin"), text);
        assertTrue(browser.driver().findElements(By.id("nav-users")).isEmpty(), "no menu of views it cannot use");
        console().screenshot("no-access");

        console().clickable(By.cssSelector("#no-access button")).click();
        console().visible(By.id("username"));
        assertTrue(
                browser.getCurrentUrl().contains("/realms/lifecycle/protocol/openid-connect/"),
                browser.getCurrentUrl());
    }

    private AccessConsole console;

    /** The console as this test's browser shows it (one per test: it remembers the language it speaks). */
    private AccessConsole console() {
        if (console == null) {
            console = new AccessConsole(browser, urls);
        }
        return console;
    }
}
