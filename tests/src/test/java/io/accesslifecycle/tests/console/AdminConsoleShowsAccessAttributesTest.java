package io.accesslifecycle.tests.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.pages.AccessConsole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * In Keycloak's own admin console, a user's details tab shows the bundle's user-profile attributes in an "Access"
 * group, the end date with the browser's date picker.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class AdminConsoleShowsAccessAttributesTest {

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
    void theUserDetailsTabHasAnAccessGroupWithADatePicker() {
        UserRepresentation viewer = realm.admin().users().search("viewer", true).get(0);
        viewer.setAttributes(Map.of(
                "accessExpiresOn",
                List.of("2031-01-31"),
                "labels",
                List.of("auditors"),
                "authorisedCaller",
                List.of("false")));
        realm.admin().users().get(viewer.getId()).update(viewer);

        browser.driver().manage().window().setSize(new Dimension(1440, 1400));
        browser.open(urls.getBase() + "/admin/lifecycle/console/#/lifecycle/users/" + viewer.getId() + "/settings");
        BrowserSteps.submitSignIn(browser, "en-admin", "Admin-Passw0rd!");

        WebElement date = console().visible(By.cssSelector("input[type='date']"));
        String id = date.getAttribute("id") + " " + date.getAttribute("name") + " " + date.getAttribute("data-testid");
        assertTrue(id.contains("accessExpiresOn"), id);
        assertEquals("2031-01-31", date.getAttribute("value"));

        String page = BrowserSteps.waitForText(browser, "Access expires on");
        assertTrue(
                page.contains("What this person may access and until when"), "the Access group's description: " + page);
        assertTrue(
                browser.driver()
                                .findElements(
                                        By.xpath("//*[self::h1 or self::h2 or self::h3 or self::a or self::button]"
                                                + "[normalize-space(.)='Access']"))
                                .size()
                        > 0,
                "a heading or jump link named Access: " + page);
        for (String label : List.of("Labels", "Authorised caller", "Caller phone number", "Support plan")) {
            assertTrue(page.contains(label), label + " in " + page);
        }
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", date);
        console().screenshot("admin-console-access-group");
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
