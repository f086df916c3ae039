package io.accesslifecycle.tests.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Texts;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * Access ends at the start of the end date in the realm's time zone, at once: the sign-in is refused with a clear
 * message in the browser and through the direct grant, and a refresh token issued the day before stops working,
 * before the expiry job has run (here it runs every 10 minutes, and the account is still enabled afterwards).
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class SignInStopsOnTheEndDateTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @InjectWebDriver
    ManagedWebDriver browser;

    @Test
    void theDayBeforeEverythingWorksAndOnTheDayItIsRefused() {
        // sessions that outlive the night, so that only the end date can stop the refresh
        realm.updateWithCleanup(r -> r.ssoSessionIdleTimeout(3 * 86_400).ssoSessionMaxLifespan(10 * 86_400));
        String end = Accounts.today().plusDays(1).toString();
        String id = Accounts.create(realm, "ends.tomorrow", end);
        int toMidnight = Accounts.secondsToNextDay();

        timeOffSet.set(toMidnight - 120);
        AccessApi.Response before = Accounts.signIn(urls.getBase(), "ends.tomorrow", "openid");
        assertEquals(200, before.status(), "the day before, the sign-in works: " + before.body());
        String refreshToken = before.json().get("refresh_token").asText();
        assertEquals(200, Accounts.refresh(urls.getBase(), refreshToken).status(), "and so does a refresh");
        BrowserSteps.signedOut(browser, urls);
        browser.open(urls.getBase() + "/realms/lifecycle/account/");
        BrowserSteps.signIn(browser, "ends.tomorrow", Accounts.PASSWORD);
        BrowserSteps.waitForUrl(browser, "/realms/lifecycle/account");

        timeOffSet.set(toMidnight + 60);
        AccessApi.Response refused = Accounts.signIn(urls.getBase(), "ends.tomorrow", "openid");
        assertEquals(400, refused.status());
        assertEquals("invalid_grant", refused.json().get("error").asText());
        assertEquals(
                "Your access ended on " + end + ". Please contact your administrator.",
                refused.json().get("error_description").asText());

        AccessApi.Response refresh = Accounts.refresh(urls.getBase(), refreshToken);
        assertEquals(400, refresh.status(), "the refresh token of the day before no longer works: " + refresh.body());
        assertTrue(refresh.json().get("error_description").asText().contains(end), refresh.body());

        // the browser still has its single sign-on session of the day before: it is refused all the same
        browser.open(urls.getBase() + "/realms/lifecycle/account/");
        String page = BrowserSteps.waitForText(
                browser, Texts.login("en", "accessEndedMessage", end), Texts.login("fr", "accessEndedMessage", end));
        assertTrue(page.contains(end), "the browser shows why: " + page);

        assertTrue(
                Accounts.read(realm, id).isEnabled(), "all this without the expiry job: the account is still enabled");
        timeOffSet.set(0);
    }
}
