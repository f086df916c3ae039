package io.accesslifecycle.tests.console;

import static io.accesslifecycle.tests.ConsoleSteps.clickable;
import static io.accesslifecycle.tests.ConsoleSteps.gone;
import static io.accesslifecycle.tests.ConsoleSteps.screenshot;
import static io.accesslifecycle.tests.ConsoleSteps.showing;
import static io.accesslifecycle.tests.ConsoleSteps.type;
import static io.accesslifecycle.tests.ConsoleSteps.visible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.ConsoleSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.Waits;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator works from the access console in the browser: invites three addresses (the invalid one is
 * rejected before anything is sent), the two emails arrive, one invitee registers through the link, the console
 * shows them active with their label; an end date is set, then extended from the expirations view; someone is
 * removed after a confirmation that says what will happen.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class AccessConsoleInvitesAndManagesUsersTest {

    private static final String ADA = "ada.lovelace@example.org";
    private static final String GRACE = "grace.hopper@example.org";

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver browser;

    @BeforeEach
    void signedOut() {
        BrowserSteps.signedOut(browser, urls);
    }

    private JsonNode access(String username) {
        AccessApi admin = AccessApi.admin(urls.getBase());
        String id = admin.get(AccessApi.access("/users?q=" + username))
                .json()
                .get(0)
                .get("id")
                .asText();
        return admin.get(AccessApi.access("/users/" + id + "/access")).json();
    }

    private WebElement row(String id) {
        return visible(browser, By.id(id));
    }

    private void search(String text) {
        WebElement search = clickable(browser, By.id("users-search"));
        type(search, text);
        search.sendKeys(Keys.ENTER);
    }

    @Test
    void anAdministratorInvitesManagesAndRemovesPeopleFromTheConsole() {
        AccessApi admin = AccessApi.admin(urls.getBase());
        assertEquals(
                201,
                admin.post(
                                AccessApi.access("/users"),
                                Map.of(
                                        "email",
                                        "leo.leaver@example.org",
                                        "firstName",
                                        "Leo",
                                        "lastName",
                                        "Leaver",
                                        "locale",
                                        "en"))
                        .status());

        // realm-admin's account speaks French: so does the console, until the switch says otherwise
        ConsoleSteps.signIn(browser, urls, AccessApi.ADMIN, AccessApi.ADMIN_PASSWORD);
        showing(browser, By.id("view-title"), "Utilisateurs");
        clickable(browser, By.id("language-en")).click();
        showing(browser, By.id("view-title"), "Users");

        // invite three addresses: the invalid one is rejected before anything is sent
        ConsoleSteps.open(browser, "invite", "Invite people");
        ConsoleSteps.paste(
                browser,
                visible(browser, By.id("invite-addresses")),
                "Ada Lovelace <" + ADA + ">\njean.dupont@\n" + GRACE + ", Grace, Hopper");
        showing(browser, By.id("invite-check"), "3 rows: 2 ready, 1 rejected");
        assertEquals("ready", row("invite-row-1").getAttribute("data-check"));
        WebElement rejected = row("invite-row-2");
        assertEquals("rejected", rejected.getAttribute("data-check"));
        assertTrue(rejected.getText().contains("not a valid email address"), rejected.getText());
        assertEquals("ready", row("invite-row-3").getAttribute("data-check"));
        screenshot(browser, "invite-validation");
        clickable(browser, By.id("invite-role-analyst")).click();
        WebElement labels = browser.findElement(By.id("invite-labels"));
        labels.sendKeys("contractors");
        labels.sendKeys(Keys.ENTER);
        visible(browser, By.cssSelector("[data-label='contractors']"));
        assertTrue(
                !browser.findElement(By.id("invite-caller")).isEnabled(),
                "a caller is designated only with one invitee");
        visible(browser, By.id("invite-message")).sendKeys("Welcome to the analysis team.");
        clickable(browser, By.id("invite-send")).click();

        showing(browser, By.id("invite-summary"), "2 invited, 0 invited again, 1 rejected");
        assertEquals("invited", row("result-row-1").getAttribute("data-result"));
        assertEquals("rejected", row("result-row-2").getAttribute("data-result"));
        assertTrue(
                row("result-row-2").getText().contains("not sent"),
                row("result-row-2").getText());
        assertEquals("invited", row("result-row-3").getAttribute("data-result"));
        screenshot(browser, "invite-results");

        // the two emails arrive; the pending invitations show them sent
        String link = Mail.invitationLink(Mail.await(mail, ADA, "invites you"));
        Mail.await(mail, GRACE, "invites you");
        Waits.until(
                "both invitations show their email sent",
                () ->
                        admin
                                .get(AccessApi.access("/invitations?status=pending"))
                                .json()
                                .findValues("emailDelivery")
                                .stream()
                                .allMatch(d -> "sent".equals(d.get("status").asText())));
        ConsoleSteps.open(browser, "invitations", "Invitations");
        assertEquals("pending", row("invitation-" + ADA).getAttribute("data-status"));
        visible(browser, By.cssSelector("[id='invitation-" + GRACE + "'] [data-delivery='sent']"));
        screenshot(browser, "pending-invitations");

        // Ada follows the link and registers
        BrowserSteps.signedOut(browser, urls);
        browser.open(link + "&kc_locale=en");
        BrowserSteps.waitForText(browser, "Your username will be alovelace");
        BrowserSteps.visible(browser, By.id("password")).sendKeys("Invited-Passw0rd!");
        BrowserSteps.visible(browser, By.id("password-confirm")).sendKeys("Invited-Passw0rd!");
        BrowserSteps.clickAndWait(browser, By.id("access-invitation-create"));
        BrowserSteps.waitForText(browser, "The invitation is accepted");

        // the console shows her active with her label
        ConsoleSteps.signIn(browser, urls, AccessApi.ADMIN, AccessApi.ADMIN_PASSWORD);
        showing(browser, By.id("view-title"), "Users");
        search("alovelace");
        WebElement ada = row("user-alovelace");
        waitForStatus("user-alovelace", "active");
        assertTrue(ada.findElement(By.cssSelector("[data-label='contractors']")).isDisplayed());
        assertTrue(
                ada.findElement(By.cssSelector("svg[aria-label='Active: may sign in']"))
                        .isDisplayed(),
                "the active checkmark");
        search("");
        row("user-alovelace");
        screenshot(browser, "users");

        // an end date in ten days, set in the edit panel
        search("alovelace");
        LocalDate end = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        clickable(browser, By.id("edit-alovelace")).click();
        WebElement date = visible(browser, By.id("access-expires-on"));
        visible(browser, By.id("access-role-analyst"));
        assertTrue(browser.findElement(By.id("access-role-analyst")).isSelected(), "the invited role");
        type(date, end.toString());
        visible(browser, By.id("access-note")).sendKeys("Contract ends in ten days");
        screenshot(browser, "edit-access");
        clickable(browser, By.id("access-save")).click();
        gone(browser, By.id("edit-access"));
        waitForStatus("user-alovelace", "expiring");
        assertEquals(end.toString(), access("alovelace").get("accessExpiresOn").asText());

        // extended from the expirations view by thirty days
        ConsoleSteps.open(browser, "expirations", "Expirations");
        assertEquals(end.toString(), row("expiration-alovelace").getAttribute("data-end"));
        visible(browser, By.id("expirations-chart"));
        screenshot(browser, "expirations");
        clickable(browser, By.id("extend-alovelace")).click();
        assertEquals(
                end.plusDays(30).toString(),
                visible(browser, By.id("extend-date")).getAttribute("value"));
        clickable(browser, By.id("end-date-save")).click();
        gone(browser, By.id("extend-access"));
        assertEquals(
                end.plusDays(30).toString(),
                access("alovelace").get("accessExpiresOn").asText());
        // forty days away: out of the next thirty days, in the next ninety
        gone(browser, By.id("expiration-alovelace"));
        new Select(browser.findElement(By.id("expirations-within"))).selectByValue("90");
        ConsoleSteps.waiting(browser)
                .until(d -> end.plusDays(30)
                        .toString()
                        .equals(d.findElement(By.id("expiration-alovelace")).getAttribute("data-end")));

        // a removal, after a confirmation that says what will happen
        ConsoleSteps.open(browser, "users", "Users");
        search("lleaver");
        row("user-lleaver");
        clickable(browser, By.id("remove-lleaver")).click();
        String confirmation = visible(browser, By.id("remove-user")).getText();
        assertTrue(
                confirmation.contains("The account lleaver (leo.leaver@example.org) will be deleted now"),
                confirmation);
        assertTrue(confirmation.contains("cannot be undone"), confirmation);
        visible(browser, By.id("remove-note")).sendKeys("Left the company");
        screenshot(browser, "remove-confirmation");
        clickable(browser, By.id("remove-confirm")).click();
        gone(browser, By.id("remove-user"));
        gone(browser, By.id("user-lleaver"));
        assertEquals(List.of(), realm.admin().users().search("lleaver", true));
        JsonNode audit = admin.get(AccessApi.access("/audit?type=USER_OFFBOARDED&user=lleaver"))
                .json();
        assertEquals("Left the company", audit.get(0).get("note").asText(), audit.toString());
    }

    private void waitForStatus(String rowId, String status) {
        ConsoleSteps.waiting(browser).until(d -> {
            List<WebElement> rows = d.findElements(By.id(rowId));
            return !rows.isEmpty() && status.equals(rows.get(0).getAttribute("data-status"));
        });
    }
}
