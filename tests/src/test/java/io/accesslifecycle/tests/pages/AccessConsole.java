package io.accesslifecycle.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What an administrator does in the access console, shared by the console's browser tests. */
public final class ConsoleSteps {

    /** Where the tests leave a picture of each view (a build artifact). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ConsoleSteps() {}

    public static String address(KeycloakUrls urls) {
        return urls.getBase() + "/realms/" + AccessApi.REALM + "/access-console/";
    }

    /** Opens the console, signs in on Keycloak's page and waits for the console (or its "no access" page). */
    public static void signIn(ManagedWebDriver browser, KeycloakUrls urls, String username, String password) {
        browser.driver().manage().window().setSize(new Dimension(1440, 1000));
        browser.open(address(urls));
        visible(browser, By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        waiting(browser)
                .until(d -> !d.findElements(By.id("view-title")).isEmpty()
                        || !d.findElements(By.id("no-access")).isEmpty());
    }

    public static WebDriverWait waiting(ManagedWebDriver browser) {
        return BrowserSteps.waiting(browser);
    }

    public static WebElement visible(ManagedWebDriver browser, By target) {
        return waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(target));
    }

    public static void gone(ManagedWebDriver browser, By target) {
        waiting(browser).until(ExpectedConditions.invisibilityOfElementLocated(target));
    }

    public static WebElement clickable(ManagedWebDriver browser, By target) {
        return waiting(browser).until(ExpectedConditions.elementToBeClickable(target));
    }

    /** Waits until the element's text contains {@code part}, and answers the element. */
    public static WebElement showing(ManagedWebDriver browser, By target, String part) {
        waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(target, part));
        return browser.findElement(target);
    }

    /** Opens a view from the menu and waits for its title. */
    public static void open(ManagedWebDriver browser, String view, String title) {
        clickable(browser, By.id("nav-" + view)).click();
        showing(browser, By.id("view-title"), title);
    }

    /** Replaces what a field holds, as a person would: select all, then type. */
    public static void type(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
    }

    /**
     * Pastes text into a field: the whole text arrives at once, in one input event, as from the clipboard (typing a
     * long text key by key in a controlled field is not what people do with a list of addresses).
     */
    public static void paste(ManagedWebDriver browser, WebElement field, String text) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "const f = arguments[0]; const proto = Object.getPrototypeOf(f);"
                                + " Object.getOwnPropertyDescriptor(proto, 'value').set.call(f, arguments[1]);"
                                + " f.dispatchEvent(new Event('input', { bubbles: true }));",
                        field,
                        text);
    }

    public static Path screenshot(ManagedWebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
