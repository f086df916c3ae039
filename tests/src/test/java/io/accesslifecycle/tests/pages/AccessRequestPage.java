package io.accesslifecycle.tests.pages;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.BrowserSteps;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/**
 * The access request page ({@code /realms/{realm}/access-request}, our theme's {@code access-request.ftl}), as a
 * signed-in person asks for access: the form, then "sent", or "pending" when a request already waits. Its states are
 * recognised by their element ids.
 */
public final class AccessRequestPage {

    private final ManagedWebDriver browser;
    private final KeycloakUrls urls;

    public AccessRequestPage(ManagedWebDriver browser, KeycloakUrls urls) {
        this.browser = browser;
        this.urls = urls;
    }

    /** Opens the page in English; Keycloak asks who is there first when nobody is signed in. */
    public AccessRequestPage open() {
        browser.open(urls.getBase() + "/realms/" + AccessApi.REALM + "/access-request?kc_locale=en");
        return this;
    }

    /** Signs in on Keycloak's page the request page sent the browser to. */
    public AccessRequestPage signIn(String username, String password) {
        BrowserSteps.signIn(browser, username, password);
        return this;
    }

    /** Writes why and sends the request. */
    public AccessRequestPage send(String justification) {
        BrowserSteps.visible(browser, By.id("justification")).sendKeys(justification);
        BrowserSteps.clickAndWait(browser, By.id("access-request-submit"));
        return this;
    }

    /** Waits for the page that says the request was sent. */
    public AccessRequestPage sent() {
        BrowserSteps.visible(browser, By.id("access-request-sent"));
        return this;
    }

    /** Waits for the page that says a request already waits (no second form). */
    public AccessRequestPage pending() {
        BrowserSteps.visible(browser, By.id("access-request-pending"));
        return this;
    }
}
