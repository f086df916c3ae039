package io.accesslifecycle.tests.pages;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

/**
 * The access console as an administrator uses it (the page object of its views): signing in, going to a view by its
 * menu entry, reading and filling its elements by their ids. A view is recognised by its title in the language the
 * console speaks, looked up by key in the console's own locale files ({@link Texts#console}), never written out.
 */
public final class AccessConsole {

    /** Where the tests leave a picture of each view (a build artifact). */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The console's views: the menu entry's id and the key of the view's title. */
    public enum View {
        USERS("users", "usersTitle"),
        INVITE("invite", "inviteTitle"),
        INVITATIONS("invitations", "invitationsTitle"),
        EXPIRATIONS("expirations", "expirationsTitle"),
        REQUESTS("requests", "requestsTitle"),
        AUDIT("audit", "auditTitle"),
        SETTINGS("settings", "settingsTitle");

        private final String nav;
        private final String titleKey;

        View(String nav, String titleKey) {
            this.nav = nav;
            this.titleKey = titleKey;
        }
    }

    private final ManagedWebDriver browser;
    private final KeycloakUrls urls;
    private String language = "en";

    public AccessConsole(ManagedWebDriver browser, KeycloakUrls urls) {
        this.browser = browser;
        this.urls = urls;
    }

    public static String address(KeycloakUrls urls) {
        return urls.getBase() + "/realms/" + AccessApi.REALM + "/access-console/";
    }

    /** Opens the console, signs in on Keycloak's page and waits for the console (or its "no access" page). */
    public AccessConsole signIn(String username, String password) {
        browser.driver().manage().window().setSize(new Dimension(1440, 1000));
        browser.open(address(urls));
        BrowserSteps.submitSignIn(browser, username, password);
        waiting()
                .until(d -> !d.findElements(By.id("view-title")).isEmpty()
                        || !d.findElements(By.id("no-access")).isEmpty());
        return this;
    }

    /** Waits until the console shows the view, in the language given (as the account's locale chose it). */
    public AccessConsole shows(View view, String inLanguage) {
        language = inLanguage;
        return shows(view);
    }

    /** Waits until the console shows the view. */
    public AccessConsole shows(View view) {
        showing(By.id("view-title"), Texts.console(language, view.titleKey));
        return this;
    }

    /** Switches the console's language with its language buttons. */
    public AccessConsole speak(String newLanguage) {
        clickable(By.id("language-" + newLanguage)).click();
        language = newLanguage;
        return this;
    }

    /** Opens a view from the menu and waits for its title. */
    public AccessConsole open(View view) {
        clickable(By.id("nav-" + view.nav)).click();
        return shows(view);
    }

    /** A text of the console in the language it speaks now. */
    public String text(String key, Map<String, ?> values) {
        return Texts.console(language, key, values);
    }

    public WebDriverWait waiting() {
        return BrowserSteps.waiting(browser);
    }

    public WebElement visible(By target) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(target));
    }

    public void gone(By target) {
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(target));
    }

    public WebElement clickable(By target) {
        return waiting().until(ExpectedConditions.elementToBeClickable(target));
    }

    /** Waits until the element's text contains {@code part}, and answers the element. */
    public WebElement showing(By target, String part) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(target, part));
        return browser.findElement(target);
    }

    /** Waits until the element shows the console's text {@code key} with these values. */
    public WebElement showing(By target, String key, Map<String, ?> values) {
        return showing(target, text(key, values));
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
    public void paste(WebElement field, String text) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "const f = arguments[0]; const proto = Object.getPrototypeOf(f);"
                                + " Object.getOwnPropertyDescriptor(proto, 'value').set.call(f, arguments[1]);"
                                + " f.dispatchEvent(new Event('input', { bubbles: true }));",
                        field,
                        text);
    }

    public Path screenshot(String name) {
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
