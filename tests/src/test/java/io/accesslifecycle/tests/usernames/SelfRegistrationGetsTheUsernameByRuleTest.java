package io.accesslifecycle.tests.usernames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.Texts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/**
 * Someone registering on Keycloak's own registration page gets the username made by the realm's rule from the
 * names they give (the username field is hidden and the page says so); a namesake gets the next counter.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class SelfRegistrationGetsTheUsernameByRuleTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver browser;

    @Test
    void registeringGivesTheUsernameByRule() {
        register("Jean-Pierre", "Dupont", "jp.dupont@example.org");
        assertEquals("jpdupont", usernameOf("jp.dupont@example.org"));
        Mail.await(mail, "jp.dupont@example.org", ""); // Keycloak's own address verification, then the password

        register("Jean-Paul", "Dupont", "jpaul.dupont@example.org");
        assertEquals("jpdupont2", usernameOf("jpaul.dupont@example.org"), "a namesake gets the next counter");
    }

    private void register(String firstName, String lastName, String email) {
        BrowserSteps.signedOut(browser, urls);
        browser.open(urls.getBase() + "/realms/lifecycle/account/");
        BrowserSteps.clickAndWait(browser, By.cssSelector("#kc-registration a"));
        BrowserSteps.waitForText(
                browser, Texts.login("en", "accessUsernameByRule"), Texts.login("fr", "accessUsernameByRule"));
        assertFalse(browser.findElement(By.id("username")).isDisplayed(), "no username to choose");
        BrowserSteps.visible(browser, By.id("firstName")).sendKeys(firstName);
        BrowserSteps.visible(browser, By.id("lastName")).sendKeys(lastName);
        BrowserSteps.visible(browser, By.id("email")).sendKeys(email);
        // with "verify email" on, Keycloak 26.7 asks for the password once the address is verified
        BrowserSteps.clickAndWait(browser, By.cssSelector("#kc-form-buttons input[type=submit]"));
    }

    private String usernameOf(String email) {
        List<UserRepresentation> found = realm.admin().users().searchByEmail(email, true);
        assertEquals(1, found.size(), "registered: " + email + "; page: " + BrowserSteps.text(browser));
        realm.cleanup().add(r -> r.users().get(found.get(0).getId()).remove());
        return found.get(0).getUsername();
    }
}
