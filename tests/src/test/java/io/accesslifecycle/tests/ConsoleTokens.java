package io.accesslifecycle.tests;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * The access console's own sign-in, done by hand to look at the token it gets: authorization code with PKCE S256 in
 * the browser, through the {@code access-console} client of {@code realm}, back to {@code redirect} (an allowed
 * address of that client that serves no script, so nothing else consumes the code); the code is exchanged here.
 */
public final class ConsoleTokens {

    private ConsoleTokens() {}

    public static String signIn(
            ManagedWebDriver browser,
            KeycloakUrls urls,
            String realm,
            String redirect,
            String username,
            String password) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        browser.open(urls.getBase() + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=access-console"
                + "&response_type=code&scope=openid&state=s1&code_challenge_method=S256&code_challenge=" + challenge
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8));
        BrowserSteps.submitSignIn(browser, username, password);
        BrowserSteps.waiting(browser).until(d -> d.getCurrentUrl().contains("code="));
        String code = null;
        for (String part :
                URI.create(browser.driver().getCurrentUrl()).getRawQuery().split("&")) {
            if (part.startsWith("code=")) {
                code = URLDecoder.decode(part.substring(5), StandardCharsets.UTF_8);
            }
        }
        AccessApi.Response r = AccessApi.anonymous(urls.getBase())
                .form(
                        "/realms/" + realm + "/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "authorization_code",
                                "client_id",
                                "access-console",
                                "code",
                                code,
                                "redirect_uri",
                                redirect,
                                "code_verifier",
                                verifier));
        if (r.status() != 200 || !r.json().has("access_token")) {
            throw new AssertionError("the code was not exchanged: " + r.status() + " " + r.body());
        }
        return r.json().get("access_token").asText();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
