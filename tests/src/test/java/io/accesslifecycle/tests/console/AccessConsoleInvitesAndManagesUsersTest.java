package io.accesslifecycle.tests.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.Waits;
import io.accesslifecycle.tests.pages.AccessConsole;
import io.accesslifecycle.tests.pages.InvitationPage;
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
        return console().visible(By.id(id));
    }

    private void search(String text) {
        WebElement search = console().clickable(By.id("users-search"));
        AccessConsole.type(search, text);
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
        console().signIn(AccessApi.ADMIN, AccessApi.ADMIN_PASSWORD);
        console().shows(AccessConsole.View.USERS, "fr");
        console().speak("en").shows(AccessConsole.View.USERS);

        // invite three addresses: the invalid one is rejected before anything is sent
        console().open(AccessConsole.View.INVITE);
        console()
                .paste(
                        console().visible(By.id("invite-addresses")),
                        "Ada Lovelace <" + ADA + ">\njean.dupont@\n" + GRACE + ", Grace, Hopper");
        console().showing(By.id("invite-check"), "checkSummary", Map.of("rows", 3, "ready", 2, "rejected", 1));
        assertEquals("ready", row("invite-row-1").getAttribute("data-check"));
        WebElement rejected = row("invite-row-2");
        assertEquals("rejected", rejected.getAttribute("data-check"));
        assertTrue(rejected.getText().contains("not a valid email address"), rejected.getText());
        assertEquals("ready", row("invite-row-3").getAttribute("data-check"));
        console().screenshot("invite-validation");
        console().clickable(By.id("invite-role-analyst")).click();
        WebElement labels = browser.findElement(By.id("invite-labels"));
        labels.sendKeys("contractors");
        labels.sendKeys(Keys.ENTER);
        console().visible(By.cssSelector("[data-label='contractors']"));
        assertTrue(
                !browser.findElement(By.id("invite-caller")).isEnabled(),
                "a caller is designated only with one invitee");
        console().visible(By.id("invite-message")).sendKeys("Welcome to the analysis team.");
        console().clickable(By.id("invite-send")).click();

        console()
                .showing(
                        By.id("invite-summary"),
                        "inviteResultsSummary",
                        Map.of("invited", 2, "reinvited", 0, "rejected", 1));
        assertEquals("invited", row("result-row-1").getAttribute("data-result"));
        assertEquals("rejected", row("result-row-2").getAttribute("data-result"));
        assertTrue(
                row("result-row-2").getText().contains("not sent"),
                row("result-row-2").getText());
        assertEquals("invited", row("result-row-3").getAttribute("data-result"));
        console().screenshot("invite-results");

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
        console().open(AccessConsole.View.INVITATIONS);
        assertEquals("pending", row("invitation-" + ADA).getAttribute("data-status"));
        console().visible(By.cssSelector("[id='invitation-" + GRACE + "'] [data-delivery='sent']"));
        console().screenshot("pending-invitations");

        // Ada follows the link and registers
        BrowserSteps.signedOut(browser, urls);
        new InvitationPage(browser, "en")
                .open(link + "&kc_locale=en")
                .offersRegistrationAs("alovelace")
                .register("Invited-Passw0rd!", "Invited-Passw0rd!")
                .says("accessInvitationAccepted", "alovelace");

        // the console shows her active with her label
        console().signIn(AccessApi.ADMIN, AccessApi.ADMIN_PASSWORD);
        console().shows(AccessConsole.View.USERS);
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
        console().screenshot("users");

        // an end date in ten days, set in the edit panel
        search("alovelace");
        LocalDate end = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        console().clickable(By.id("edit-alovelace")).click();
        WebElement date = console().visible(By.id("access-expires-on"));
        console().visible(By.id("access-role-analyst"));
        assertTrue(browser.findElement(By.id("access-role-analyst")).isSelected(), "the invited role");
        AccessConsole.type(date, end.toString());
        console().visible(By.id("access-note")).sendKeys("Contract ends in ten days");
        console().screenshot("edit-access");
        console().clickable(By.id("access-save")).click();
        console().gone(By.id("edit-access"));
        waitForStatus("user-alovelace", "expiring");
        assertEquals(end.toString(), access("alovelace").get("accessExpiresOn").asText());

        // extended from the expirations view by thirty days
        console().open(AccessConsole.View.EXPIRATIONS);
        assertEquals(end.toString(), row("expiration-alovelace").getAttribute("data-end"));
        console().visible(By.id("expirations-chart"));
        console().screenshot("expirations");
        console().clickable(By.id("extend-alovelace")).click();
        assertEquals(
                end.plusDays(30).toString(),
                console().visible(By.id("extend-date")).getAttribute("value"));
        console().clickable(By.id("end-date-save")).click();
        console().gone(By.id("extend-access"));
        assertEquals(
                end.plusDays(30).toString(),
                access("alovelace").get("accessExpiresOn").asText());
        // forty days away: out of the next thirty days, in the next ninety
        console().gone(By.id("expiration-alovelace"));
        new Select(browser.findElement(By.id("expirations-within"))).selectByValue("90");
        console()
                .waiting()
                .until(d -> end.plusDays(30)
                        .toString()
                        .equals(d.findElement(By.id("expiration-alovelace")).getAttribute("data-end")));

        // a removal, after a confirmation that says what will happen
        console().open(AccessConsole.View.USERS);
        search("lleaver");
        row("user-lleaver");
        console().clickable(By.id("remove-lleaver")).click();
        String confirmation = console().visible(By.id("remove-user")).getText();
        assertTrue(
                confirmation.contains("The account lleaver (leo.leaver@example.org) will be deleted now"),
                confirmation);
        assertTrue(confirmation.contains("cannot be undone"), confirmation);
        console().visible(By.id("remove-note")).sendKeys("Left the company");
        console().screenshot("remove-confirmation");
        console().clickable(By.id("remove-confirm")).click();
        console().gone(By.id("remove-user"));
        console().gone(By.id("user-lleaver"));
        assertEquals(List.of(), realm.admin().users().search("lleaver", true));
        JsonNode audit = admin.get(AccessApi.access("/audit?type=USER_OFFBOARDED&user=lleaver"))
                .json();
        assertEquals("Left the company", audit.get(0).get("note").asText(), audit.toString());
    }

    private void waitForStatus(String rowId, String status) {
        console().waiting().until(d -> {
            List<WebElement> rows = d.findElements(By.id(rowId));
            return !rows.isEmpty() && status.equals(rows.get(0).getAttribute("data-status"));
        });
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
