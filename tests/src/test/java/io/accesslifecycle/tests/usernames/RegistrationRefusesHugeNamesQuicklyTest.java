package io.accesslifecycle.tests.usernames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Anonymous registration cannot tie up the server: a first name of a megabyte is refused at once (by Keycloak's own
 * form-field limit of 128 KiB); one of 120 kB, which reaches the extension, is refused on its length before any
 * transliteration, with a form error; neither makes an account, and the next person registers normally.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class RegistrationRefusesHugeNamesQuicklyTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectWebDriver
    ManagedWebDriver browser;

    @Test
    void hugeFirstNamesAreRefusedQuicklyAndMakeNoAccount() {
        // a megabyte: Keycloak 26.7.5 itself refuses a form field over 128 KiB
        // (quarkus.http.limits.max-form-attribute-size)
        String page = submitWithFirstName("'a'.repeat(1024 * 1024)", "mega.name@example.org");
        assertEquals(
                0,
                realm.admin()
                        .users()
                        .searchByEmail("mega.name@example.org", true)
                        .size(),
                "no account");

        // just under Keycloak's own limit, so it reaches the extension: refused on length, before any transliteration
        page = submitWithFirstName("'a'.repeat(120 * 1000)", "huge.name@example.org");
        assertTrue(
                page.contains("A name has at most 255 characters")
                        || page.contains("Un nom compte au plus 255 caractères"),
                page);
        assertEquals(
                0,
                realm.admin()
                        .users()
                        .searchByEmail("huge.name@example.org", true)
                        .size(),
                "no account");

        openRegistration();
        BrowserSteps.visible(browser, By.id("firstName")).sendKeys("Normal");
        BrowserSteps.visible(browser, By.id("lastName")).sendKeys("Person");
        BrowserSteps.visible(browser, By.id("email")).sendKeys("normal.person@example.org");
        BrowserSteps.clickAndWait(browser, By.cssSelector("#kc-form-buttons input[type=submit]"));
        var found = realm.admin().users().searchByEmail("normal.person@example.org", true);
        assertEquals(1, found.size(), BrowserSteps.text(browser));
        realm.cleanup().add(r -> r.users().get(found.get(0).getId()).remove());
        assertEquals("nperson", found.get(0).getUsername());
    }

    /** Registers with a first name made by the given script expression; answers the page's text, failing if slow. */
    private String submitWithFirstName(String script, String email) {
        openRegistration();
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('firstName').value = " + script + ";");
        BrowserSteps.visible(browser, By.id("lastName")).sendKeys("Huge");
        BrowserSteps.visible(browser, By.id("email")).sendKeys(email);
        long start = System.nanoTime();
        BrowserSteps.clickAndWait(browser, By.cssSelector("#kc-form-buttons input[type=submit]"));
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(millis < 10_000, "answered in " + millis + " ms");
        return BrowserSteps.text(browser);
    }

    private void openRegistration() {
        BrowserSteps.signedOut(browser, urls);
        browser.open(urls.getBase() + "/realms/lifecycle/account/");
        BrowserSteps.clickAndWait(browser, By.cssSelector("#kc-registration a"));
    }
}
