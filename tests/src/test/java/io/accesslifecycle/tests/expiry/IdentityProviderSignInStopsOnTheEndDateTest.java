package io.accesslifecycle.tests.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accesslifecycle.tests.Accounts;
import io.accesslifecycle.tests.BrowserSteps;
import io.accesslifecycle.tests.LifecycleServerConfig;
import io.accesslifecycle.tests.Texts;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/**
 * A sign-in through an identity provider is refused once the user's access has ended, with the same message as a
 * password sign-in: a second realm of the same server ({@code partner}) is an OIDC identity provider of
 * {@code lifecycle}, wired as the sample realm documents it (its post login flow is {@code access post broker login}).
 * A partner user linked to a lifecycle account whose end date has passed is refused; a partner user without an end
 * date gets in, at the first sign-in (which creates the account) and later.
 */
@KeycloakIntegrationTest(config = LifecycleServerConfig.class)
class IdentityProviderSignInStopsOnTheEndDateTest {

    private static final String PARTNER = "partner";
    private static final String PARTNER_PASSWORD = "Partner-Passw0rd!";

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectWebDriver
    ManagedWebDriver browser;

    @BeforeEach
    void partnerIsAnIdentityProviderOfLifecycle() {
        RealmRepresentation partner = new RealmRepresentation();
        partner.setRealm(PARTNER);
        partner.setEnabled(true);
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("lifecycle-broker");
        client.setSecret("lifecycle-broker-secret");
        client.setPublicClient(false);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of(urls.getBase() + "/realms/lifecycle/broker/" + PARTNER + "/endpoint"));
        partner.setClients(List.of(client));
        partner.setUsers(List.of(partnerUser("ended.partner"), partnerUser("pat.partner")));
        admin.realms().create(partner);

        IdentityProviderRepresentation idp = new IdentityProviderRepresentation();
        idp.setAlias(PARTNER);
        idp.setDisplayName("Partner");
        idp.setProviderId("oidc");
        idp.setEnabled(true);
        idp.setTrustEmail(true);
        idp.setPostBrokerLoginFlowAlias("access post broker login");
        String issuer = urls.getBase() + "/realms/" + PARTNER;
        idp.setConfig(Map.of(
                "clientId", "lifecycle-broker",
                "clientSecret", "lifecycle-broker-secret",
                "clientAuthMethod", "client_secret_post",
                "authorizationUrl", issuer + "/protocol/openid-connect/auth",
                "tokenUrl", issuer + "/protocol/openid-connect/token",
                "userInfoUrl", issuer + "/protocol/openid-connect/userinfo",
                "issuer", issuer,
                "defaultScope", "openid profile email",
                "syncMode", "IMPORT"));
        try (Response r = realm.admin().identityProviders().create(idp)) {
            assertEquals(201, r.getStatus(), r.readEntity(String.class));
        }
        BrowserSteps.signedOut(browser, urls);
    }

    @AfterEach
    void removePartner() {
        realm.admin().identityProviders().get(PARTNER).remove();
        admin.realms().realm(PARTNER).remove();
        realm.admin()
                .users()
                .search("pat.partner", true)
                .forEach(u -> realm.admin().users().get(u.getId()).remove());
    }

    @Test
    void aLinkedUserWhoseAccessEndedIsRefusedAndOthersGetIn() {
        String ended = Accounts.today().toString();
        String linked = Accounts.create(realm, "ended.contractor", ended);
        FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
        link.setIdentityProvider(PARTNER);
        link.setUserId(admin.realms()
                .realm(PARTNER)
                .users()
                .search("ended.partner", true)
                .get(0)
                .getId());
        link.setUserName("ended.partner");
        try (Response r = realm.admin().users().get(linked).addFederatedIdentity(PARTNER, link)) {
            assertEquals(204, r.getStatus());
        }

        signInThroughPartner("ended.partner");
        String page = waitForText(ended);
        assertTrue(
                page.contains(Texts.login("en", "accessEndedMessage", ended))
                        || page.contains(Texts.login("fr", "accessEndedMessage", ended)),
                "refused with the password sign-in's message: " + page);
        assertTrue(!browser.getCurrentUrl().contains("/account"), "no account console: " + browser.getCurrentUrl());

        // a partner user without an end date: the first sign-in creates the lifecycle account, and gets in
        signedOutOfBothRealms();
        signInThroughPartner("pat.partner");
        waitForUrl("/realms/lifecycle/account");
        List<UserRepresentation> created = realm.admin().users().search("pat.partner", true);
        assertEquals(1, created.size(), "the first broker login created the account");

        // a later sign-in gets in too
        signedOutOfBothRealms();
        signInThroughPartner("pat.partner");
        waitForUrl("/realms/lifecycle/account");
    }

    /** Signed out of lifecycle and of partner (a browser forgets only the cookies of the realm it is on). */
    private void signedOutOfBothRealms() {
        BrowserSteps.signedOut(browser, urls);
        browser.open(urls.getBase() + "/realms/" + PARTNER + "/");
        browser.cookies().deleteAll();
    }

    private void signInThroughPartner(String username) {
        browser.open(urls.getBase() + "/realms/lifecycle/account/");
        BrowserSteps.waiting(browser)
                .until(d -> !d.findElements(By.id("social-" + PARTNER)).isEmpty());
        BrowserSteps.clickAndWait(browser, By.id("social-" + PARTNER));
        BrowserSteps.signIn(browser, username, PARTNER_PASSWORD);
    }

    private String waitForText(String text) {
        BrowserSteps.waiting(browser).until(d -> BrowserSteps.text(browser).contains(text));
        return BrowserSteps.text(browser);
    }

    private void waitForUrl(String part) {
        BrowserSteps.waiting(browser)
                .withMessage(() -> "at " + browser.getCurrentUrl() + ": " + BrowserSteps.text(browser))
                .until(d -> d.getCurrentUrl().contains(part));
    }

    private static UserRepresentation partnerUser(String username) {
        UserRepresentation u = new UserRepresentation();
        u.setUsername(username);
        u.setEmail(username + "@partner.test");
        u.setFirstName("Partner");
        u.setLastName(username.startsWith("pat") ? "Pat" : "Ended");
        u.setEnabled(true);
        u.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PARTNER_PASSWORD);
        password.setTemporary(false);
        u.setCredentials(List.of(password));
        return u;
    }
}
