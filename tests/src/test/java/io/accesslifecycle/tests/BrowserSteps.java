package io.accesslifecycle.tests;

import java.time.Duration;

import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the browser, shared by the browser tests. */
public final class BrowserSteps {

    private BrowserSteps() {
    }

    /** A visitor who is not signed in: the realm's cookies are gone. */
    public static void signedOut(ManagedWebDriver browser, KeycloakUrls urls) {
        browser.open(urls.getBase() + "/realms/" + AccessApi.REALM + "/");
        browser.cookies().deleteAll();
    }

    /** Clicks and waits for the next page, so that nothing is read from the page being left. */
    public static void clickAndWait(ManagedWebDriver browser, By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    /** The text the person reads on the page. */
    public static String text(ManagedWebDriver browser) {
        return browser.findElement(By.tagName("body")).getText();
    }
}
