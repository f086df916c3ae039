package io.accesslifecycle.tests.invitations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.pages.InvitationPage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
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

/**
 * Invitees accept in the browser: a newcomer registers with the username chosen by rule, an existing user signs
 * in and gets exactly the invited access, a user signed in with the wrong account is told so, and a link raced by
 * twenty clicks gives one account.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class InvitationAcceptanceTest {

    private static final String PASSWORD = "Invited-Passw0rd!";

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectWebDriver
    ManagedWebDriver browser;

    /** Each test starts as a visitor who is not signed in. */
    @BeforeEach
    void signedOut() {
        BrowserSteps.signedOut(browser, urls);
    }

    private void clickAndWait(By target) {
        BrowserSteps.clickAndWait(browser, target);
    }

    private String inviteAndGetLink(Map<String, Object> request, String email) {
        AccessApi.Response r = AccessApi.admin(urls.getBase()).post(AccessApi.access("/invitations"), request);
        assertEquals(200, r.status(), r.body());
        assertEquals("invited", r.json().get("results").get(0).get("status").asText(), r.body());
        return Mail.invitationLink(Mail.await(mail, email, ""));
    }

    private UserRepresentation userByEmail(String email) {
        List<UserRepresentation> found = realm.admin().users().searchByEmail(email, true);
        assertEquals(1, found.size(), "exactly one account for " + email);
        return found.get(0);
    }

    private List<String> realmRoles(String id) {
        return realm.admin().users().get(id).roles().realmLevel().listAll().stream()
                .map(RoleRepresentation::getName)
                .toList();
    }

    private List<String> groups(String id) {
        return realm.admin().users().get(id).groups().stream()
                .map(GroupRepresentation::getPath)
                .toList();
    }

    @Test
    void aNewcomerRegistersWithTheGeneratedUsernameAndGetsTheInvitedAccess() {
        String link = inviteAndGetLink(
                Map.of(
                        "invitees",
                        List.of(Map.of(
                                "email", "jl.picard@example.org", "firstName", "Jean-Luc", "lastName", "Picard")),
                        "roles",
                        List.of("analyst"),
                        "groups",
                        List.of("/partners"),
                        "labels",
                        List.of("enterprise"),
                        "accessExpiresOn",
                        "2031-01-31",
                        "locale",
                        "en"),
                "jl.picard@example.org");

        // an administrator edits the pending invitation: the edit is what the acceptance applies
        AccessApi admin = AccessApi.admin(urls.getBase());
        String id = admin.get(AccessApi.access("/invitations?q=jl.picard"))
                .json()
                .get(0)
                .get("id")
                .asText();
        assertEquals(
                200,
                admin.put(
                                AccessApi.access("/invitations/" + id),
                                Map.of("roles", List.of("reviewer"), "notifyInvitee", false))
                        .status());

        InvitationPage page = new InvitationPage(browser, "en").open(link).offersRegistrationAs("jlpicard");
        page.register("short", "short").offersRegistrationAs("jlpicard");
        assertEquals(
                0,
                realm.admin()
                        .users()
                        .searchByEmail("jl.picard@example.org", true)
                        .size(),
                "nothing was created");

        page.register(PASSWORD, PASSWORD).says("accessInvitationAccepted", "jlpicard");

        UserRepresentation user = userByEmail("jl.picard@example.org");
        assertEquals("jlpicard", user.getUsername());
        assertTrue(user.isEmailVerified());
        assertEquals(List.of("enterprise"), user.getAttributes().get("labels"));
        assertEquals(List.of("2031-01-31"), user.getAttributes().get("accessExpiresOn"));
        assertTrue(realmRoles(user.getId()).contains("reviewer"), "the edited role");
        assertFalse(realmRoles(user.getId()).contains("analyst"), "the role the edit removed");
        assertEquals(List.of("/partners"), groups(user.getId()));

        AccessApi.Response token = AccessApi.anonymous(urls.getBase())
                .form(
                        "/realms/lifecycle/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "demo-app",
                                "username",
                                "jlpicard",
                                "password",
                                PASSWORD));
        assertEquals(200, token.status(), token.body());

        browser.cookies().deleteAll();
        page.open(link).says("accessInvitationUsed");
    }

    @Test
    void anExistingUserSignsInAndTheirPermissionsAreReplaced() {
        String userId = realm.admin().users().search("plain-user", true).get(0).getId();
        realm.admin()
                .users()
                .get(userId)
                .roles()
                .realmLevel()
                .add(List.of(realm.admin().roles().get("reviewer").toRepresentation()));
        String staff = realm.admin().groups().groups().stream()
                .filter(g -> g.getName().equals("staff"))
                .findFirst()
                .orElseThrow()
                .getId();
        realm.admin().users().get(userId).joinGroup(staff);

        String link = inviteAndGetLink(
                Map.of(
                        "invitees",
                        List.of(Map.of("email", "plain-user@lifecycle.test")),
                        "roles",
                        List.of("analyst"),
                        "groups",
                        List.of("/partners"),
                        "locale",
                        "en"),
                "plain-user@lifecycle.test");
        new InvitationPage(browser, "en")
                .open(link)
                .asksToSignInAs("plain-user@lifecycle.test")
                .signIn("Plain-Passw0rd!")
                .confirmsFor("plain-user", "plain-user@lifecycle.test")
                .accept()
                .says("accessInvitationAccepted", "plain-user");

        List<String> roles = realmRoles(userId);
        assertTrue(roles.contains("analyst"), roles.toString());
        assertFalse(roles.contains("reviewer"), "replaced, not merged: " + roles);
        assertEquals(List.of("/partners"), groups(userId));

        var audit = AccessApi.admin(urls.getBase())
                .get(AccessApi.access("/audit?type=INVITATION_ACCEPTED&user=plain-user"))
                .json();
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).get("before").get("roles").toString().contains("reviewer"), audit.toString());
        assertTrue(audit.get(0).get("after").get("roles").toString().contains("analyst"), audit.toString());
        // applied with the rights of the administrator who issued the link: they are the actor, the invitee is named
        assertEquals("realm-admin", audit.get(0).get("actorName").asText(), audit.toString());
        assertTrue(audit.get(0).get("note").asText().contains("accepted by plain-user"), audit.toString());
    }

    @Test
    void someoneSignedInWithAnotherAccountIsToldWhichAccountAndMaySwitch() {
        String link = inviteAndGetLink(
                Map.of("invitees", List.of(Map.of("email", "newcomer@example.org")), "locale", "en"),
                "newcomer@example.org");
        browser.open(urls.getBase() + "/realms/lifecycle/account/");
        BrowserSteps.signIn(browser, "viewer", "Viewer-Passw0rd!");
        BrowserSteps.waitForUrl(browser, "/account");

        new InvitationPage(browser, "en")
                .open(link)
                .warnsOfAnotherAccount("viewer", "viewer@lifecycle.test", "newcomer@example.org");
        String switchUrl =
                browser.findElement(By.id("access-invitation-switch")).getAttribute("href");
        assertTrue(
                URLDecoder.decode(switchUrl, StandardCharsets.UTF_8)
                        .contains("post_logout_redirect_uri=" + link.split("&")[0]),
                switchUrl);
        assertEquals(
                0,
                realm.admin()
                        .users()
                        .searchByEmail("newcomer@example.org", true)
                        .size());
    }

    @Test
    void twentyClicksRacingOnOneLinkGiveOneAccount() throws Exception {
        String link = inviteAndGetLink(
                Map.of(
                        "invitees",
                        List.of(Map.of("email", "race@example.org", "firstName", "Rae", "lastName", "Ce")),
                        "locale",
                        "en"),
                "race@example.org");
        String key = link.replaceAll(".*[?&]key=([^&]+).*", "$1");
        AccessApi visitor = AccessApi.anonymous(urls.getBase());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<AccessApi.Response>> clicks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clicks.add(pool.submit(() -> visitor.form(
                    "/realms/lifecycle/access-invitation/register",
                    Map.of(
                            "key",
                            key,
                            "firstName",
                            "Rae",
                            "lastName",
                            "Ce",
                            "password",
                            PASSWORD,
                            "password-confirm",
                            PASSWORD))));
        }
        int accepted = 0;
        int refused = 0;
        for (Future<AccessApi.Response> click : clicks) {
            AccessApi.Response r = click.get();
            if (r.status() == 200 && r.body().contains("invitation is accepted")) {
                accepted++;
            } else if (r.status() == 410) {
                refused++;
            } else {
                throw new AssertionError("unexpected answer " + r.status() + ": " + r.body());
            }
        }
        pool.shutdown();
        assertEquals(1, accepted);
        assertEquals(19, refused);
        userByEmail("race@example.org");
        AccessApi.Response invitations =
                AccessApi.admin(urls.getBase()).get(AccessApi.access("/invitations?q=race@example.org"));
        assertEquals("accepted", invitations.json().get(0).get("status").asText());
    }
}
