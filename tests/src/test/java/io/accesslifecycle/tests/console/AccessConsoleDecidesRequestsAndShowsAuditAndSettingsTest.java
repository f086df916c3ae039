package io.accesslifecycle.tests.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.pages.AccessConsole;
import io.accesslifecycle.tests.pages.AccessRequestPage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * From the console an administrator approves an access request, finds the decision in the audit log and downloads
 * it as CSV, and sees the realm settings read only (changing them is realm administration); a realm administrator
 * changes a setting: a wrong value is shown next to its field and nothing is saved.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class AccessConsoleDecidesRequestsAndShowsAuditAndSettingsTest {

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
    void anAdministratorApprovesARequestReadsTheAuditAndChangesASetting() {
        // plain-user asks for access from the request page
        new AccessRequestPage(browser, urls)
                .open()
                .signIn("plain-user", "Plain-Passw0rd!")
                .send("I join the analysis team on Monday.");
        BrowserSteps.signedOut(browser, urls);

        // en-admin's account speaks English: the console follows
        console().signIn("en-admin", "Admin-Passw0rd!");
        console().shows(AccessConsole.View.USERS);
        console().open(AccessConsole.View.REQUESTS);
        String request = console().visible(By.id("request-plain-user")).getText();
        assertTrue(request.contains("I join the analysis team on Monday."), request);
        console().screenshot("requests");
        console().clickable(By.id("approve-plain-user")).click();
        console().clickable(By.id("approve-role-analyst")).click();
        console().visible(By.id("decision-note")).sendKeys("Welcome aboard");
        console().clickable(By.id("decision-confirm")).click();
        console().gone(By.id("approve-request"));
        console().visible(By.id("no-requests"));
        String userId = realm.admin().users().search("plain-user", true).get(0).getId();
        assertTrue(realm.admin().users().get(userId).roles().realmLevel().listAll().stream()
                .map(RoleRepresentation::getName)
                .toList()
                .contains("analyst"));

        // the audit log shows the decision, and gives it as CSV
        console().open(AccessConsole.View.AUDIT);
        new Select(console().visible(By.id("audit-type"))).selectByValue("REQUEST_APPROVED");
        console().clickable(By.id("audit-apply")).click();
        console().showing(By.id("audit-table"), "REQUEST_APPROVED");
        String audit = browser.findElement(By.id("audit-table")).getText();
        assertTrue(
                audit.contains("plain-user") && audit.contains("en-admin") && audit.contains("Welcome aboard"), audit);
        console().screenshot("audit");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("window.__csv = []; const make = URL.createObjectURL;"
                + " URL.createObjectURL = (blob) => { window.__csv.push(blob); return make(blob); };");
        console().clickable(By.id("audit-csv")).click();
        console().waiting().until(d -> ((Number) js.executeScript("return window.__csv.length")).intValue() > 0);
        String csv = (String) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.__csv[0].text().then(done);");
        assertTrue(csv.startsWith("time,type,actorId,actorName,targetId,targetName,before,after,note"), csv);
        assertTrue(csv.contains("\"REQUEST_APPROVED\"") && csv.contains("\"plain-user\""), csv);

        // settings are realm administration: en-admin (manage-users, not manage-realm) reads them, read only
        console().open(AccessConsole.View.SETTINGS);
        String readOnly = console().visible(By.id("settings-read-only")).getText();
        assertTrue(readOnly.contains("Read only for you") && readOnly.contains("manage-realm"), readOnly);
        assertFalse(console().visible(By.id("settings-usernameMaxLength")).isEnabled(), "the form is disabled");
        assertTrue(browser.driver().findElements(By.id("settings-save")).isEmpty(), "no save button");
        console().screenshot("settings-read-only");

        // a realm administrator changes them: a wrong value is named next to its field, nothing is saved; a right one
        // is
        String realmAdmin = Accounts.create(realm, "en-realm-admin", null);
        String management = realm.admin()
                .clients()
                .findByClientId("realm-management")
                .get(0)
                .getId();
        realm.admin()
                .users()
                .get(realmAdmin)
                .roles()
                .clientLevel(management)
                .add(Stream.of(
                                "manage-realm",
                                "view-realm",
                                "manage-users",
                                "view-users",
                                "query-users",
                                "query-groups")
                        .map(role -> realm.admin()
                                .clients()
                                .get(management)
                                .roles()
                                .get(role)
                                .toRepresentation())
                        .toList());
        BrowserSteps.signedOut(browser, urls);
        console().signIn("en-realm-admin", Accounts.PASSWORD);
        console().open(AccessConsole.View.SETTINGS);
        AccessConsole.type(console().visible(By.id("settings-usernameMaxLength")), "3");
        console().clickable(By.id("settings-save")).click();
        String error =
                console().visible(By.id("settings-usernameMaxLength-error")).getText();
        assertTrue(error.contains("between 6 and 255"), error);
        assertEquals(
                20,
                AccessApi.admin(urls.getBase())
                        .get(AccessApi.access("/config"))
                        .json()
                        .get("usernameMaxLength")
                        .asInt());
        console().screenshot("settings");
        AccessConsole.type(browser.findElement(By.id("settings-usernameMaxLength")), "24");
        console().clickable(By.id("settings-save")).click();
        console().gone(By.id("settings-usernameMaxLength-error"));
        console()
                .waiting()
                .until(d -> AccessApi.admin(urls.getBase())
                                .get(AccessApi.access("/config"))
                                .json()
                                .get("usernameMaxLength")
                                .asInt()
                        == 24);
        JsonNode changes = AccessApi.admin(urls.getBase())
                .get(AccessApi.access("/audit?type=SETTINGS_CHANGED"))
                .json();
        assertEquals(List.of("en-realm-admin"), changes.findValuesAsText("actorName"));
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
