package io.accesslifecycle.tests;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.page.AbstractPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does in the browser, shared by the browser tests. Nothing here reads a page at once after an action:
 * every read waits until the page the person will see is there (a page may still be loading, or replacing itself
 * through a redirect or a script, when the test looks), and a page replaced under a read is read again.
 */
public final class BrowserSteps {

    /** Long enough for a loaded two-core machine; the waits end as soon as the page is there. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private BrowserSteps() {}

    /** A visitor who is not signed in: the realm's cookies are gone. */
    public static void signedOut(ManagedWebDriver browser, KeycloakUrls urls) {
        browser.open(urls.getBase() + "/realms/" + AccessApi.REALM + "/");
        browser.cookies().deleteAll();
    }

    /** Fills Keycloak's sign-in form and submits it, waiting for the page that follows. */
    public static void signIn(ManagedWebDriver browser, String username, String password) {
        fillSignIn(browser, username, password);
        clickAndWait(browser, By.id("kc-login"));
    }

    /**
     * Fills Keycloak's sign-in form and submits it without waiting for the next page: for a page that builds itself
     * afterwards (a console), whose caller waits for its elements.
     */
    public static void submitSignIn(ManagedWebDriver browser, String username, String password) {
        fillSignIn(browser, username, password);
        visible(browser, By.id("kc-login")).click();
    }

    private static void fillSignIn(ManagedWebDriver browser, String username, String password) {
        visible(browser, By.id("username")).sendKeys(username);
        visible(browser, By.id("password")).sendKeys(password);
    }

    /** Clicks and waits for the next page, so that nothing is read from the page being left. */
    public static void clickAndWait(ManagedWebDriver browser, By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        waiting(browser).until(ExpectedConditions.elementToBeClickable(target)).click();
        waiting(browser).until(ExpectedConditions.stalenessOf(page));
    }

    /**
     * Waits until the page shows one of {@code anyOf} and answers the page's text; fails with what the page showed
     * instead.
     */
    public static String waitForText(ManagedWebDriver browser, String... anyOf) {
        AtomicReference<String> seen = new AtomicReference<>("");
        try {
            return waiting(browser).until(d -> {
                String text = d.findElement(By.tagName("body")).getText();
                seen.set(text);
                return Arrays.stream(anyOf).anyMatch(text::contains) ? text : null;
            });
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "the page never showed any of " + Arrays.toString(anyOf) + " at " + browser.getCurrentUrl()
                            + "; it shows:\n" + seen.get(),
                    e);
        }
    }

    /** Waits until the browser is at an address containing {@code part}, and answers the address. */
    public static String waitForUrl(ManagedWebDriver browser, String part) {
        try {
            waiting(browser).until(d -> d.getCurrentUrl().contains(part));
            return browser.getCurrentUrl();
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "the browser never reached an address with '" + part + "'; it is at " + browser.getCurrentUrl()
                            + " showing:\n" + text(browser),
                    e);
        }
    }

    /** Waits until Keycloak's page {@code page} (by its page id) is the one shown. */
    public static void waitForPage(ManagedWebDriver browser, AbstractPage page) {
        try {
            waiting(browser)
                    .until(d -> page.getExpectedPageId().equals(browser.page().getCurrentPageId()));
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "expected the page '" + page.getExpectedPageId() + "' at " + browser.getCurrentUrl()
                            + "; it shows:\n" + text(browser),
                    e);
        }
    }

    /** Waits until {@code target} is on the page and visible, and answers it. */
    public static WebElement visible(ManagedWebDriver browser, By target) {
        return waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(target));
    }

    /**
     * The text the person reads on the page now. Use it only once the page is known to be there (after
     * {@link #waitForText}, {@link #waitForUrl} or {@link #waitForPage}).
     */
    public static String text(ManagedWebDriver browser) {
        return new FluentWait<>(browser.driver())
                .withTimeout(WAIT)
                .pollingEvery(Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> d.findElement(By.tagName("body")).getText());
    }

    /** A wait that reads again when the page is replaced under it. */
    public static WebDriverWait waiting(ManagedWebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), WAIT, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(NoSuchElementException.class);
        return wait;
    }
}
