package io.accesslifecycle.tests.pages;

import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.Texts;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/**
 * The page an invitation link opens (our login theme's {@code access-invitation.ftl}), as the invited person uses it:
 * register, sign in to accept with an existing account, confirm, or read why the link no longer works. What the page
 * says is checked against the theme's message for that key, in the page's language.
 */
public final class InvitationPage {

    private final ManagedWebDriver browser;
    private final String language;

    /** The page in {@code language} (the language the link was opened in: the invitation's, or kc_locale). */
    public InvitationPage(ManagedWebDriver browser, String language) {
        this.browser = browser;
        this.language = language;
    }

    /** Opens the link. */
    public InvitationPage open(String link) {
        browser.open(link);
        return this;
    }

    /** Waits for the registration form, which proposes this username. */
    public InvitationPage offersRegistrationAs(String username) {
        shows(By.id("access-invitation-username"), "accessInvitationRegisterIntro", username);
        return this;
    }

    /** Chooses the password (twice) and creates the account. */
    public InvitationPage register(String password, String confirmation) {
        BrowserSteps.visible(browser, By.id("password")).sendKeys(password);
        BrowserSteps.visible(browser, By.id("password-confirm")).sendKeys(confirmation);
        BrowserSteps.clickAndWait(browser, By.id("access-invitation-create"));
        return this;
    }

    /** Waits for the page that asks the owner of the address to sign in with their existing account. */
    public InvitationPage asksToSignInAs(String email) {
        shows(By.tagName("body"), "accessInvitationSignInIntro", email);
        return this;
    }

    /** Goes to Keycloak's sign-in page from the invitation and signs in with the password (the username is filled). */
    public InvitationPage signIn(String password) {
        BrowserSteps.clickAndWait(browser, By.id("access-invitation-sign-in"));
        BrowserSteps.visible(browser, By.id("password")).sendKeys(password);
        BrowserSteps.clickAndWait(browser, By.id("kc-login"));
        return this;
    }

    /** Waits for the confirmation page, which names the account the access will go to. */
    public InvitationPage confirmsFor(String username, String email) {
        shows(By.id("access-invitation-account"), "accessInvitationSignedInAs", username, email);
        return this;
    }

    /** Accepts on the confirmation page. */
    public InvitationPage accept() {
        BrowserSteps.clickAndWait(browser, By.id("access-invitation-accept-button"));
        return this;
    }

    /** Waits for the page that says the person is signed in with another account than the invited address. */
    public InvitationPage warnsOfAnotherAccount(String username, String email, String invitedEmail) {
        shows(By.id("access-invitation-wrong-account"), "accessInvitationWrongAccount", username, email, invitedEmail);
        return this;
    }

    /** Waits until the page says the theme's message {@code key} (the welcome, or why the link is dead). */
    public String says(String key, Object... args) {
        return BrowserSteps.waitForText(browser, Texts.login(language, key, args));
    }

    private void shows(By where, String key, Object... args) {
        String expected = Texts.login(language, key, args);
        BrowserSteps.waitForText(browser, expected);
        if (!BrowserSteps.visible(browser, where).getText().contains(expected)) {
            throw new AssertionError("'" + expected + "' is not where the page shows " + key);
        }
    }
}
