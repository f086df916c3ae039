package io.accesslifecycle.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * A browser-flow sign-in as a person does it, without the browser: open the authorization endpoint of
 * {@code demo-app} (the login page of the realm's theme: ours on our server, Keycloak's on stock), post the form
 * with a random bulk-loaded user, and receive the redirect with the authorization code. Cookies per virtual user;
 * the last redirect not followed (the redirect URI has no server behind it).
 */
public class BrowserLoginSimulation extends Simulation {

    private static final String REDIRECT = "http://localhost:1/callback";

    static ScenarioBuilder login(String name) {
        return scenario(name).feed(BenchSettings.randomUsers())
                .exec(http(name + ": login page").get("/realms/" + BenchSettings.REALM + "/protocol/openid-connect/auth")
                        .queryParam("client_id", "demo-app").queryParam("redirect_uri", REDIRECT)
                        .queryParam("response_type", "code").queryParam("scope", "openid")
                        .check(status().is(200), css("#kc-form-login", "action").saveAs("action")))
                .exec(http(name + ": credentials").post("#{action}")
                        .formParam("username", "#{username}").formParam("password", BenchSettings.userPassword())
                        .formParam("credentialId", "")
                        .disableFollowRedirect()
                        .check(status().is(302), header("Location").transform(l -> l.contains("code=")).is(true)));
    }

    {
        setUp(login("warm-up").injectClosed(constantConcurrentUsers(BenchSettings.concurrency()).during(BenchSettings.warmUp()))
                .andThen(login("browser login").injectClosed(constantConcurrentUsers(BenchSettings.concurrency()).during(BenchSettings.measured()))))
                .protocols(http.baseUrl(BenchSettings.base()).acceptLanguageHeader("en").disableCaching())
                .maxDuration(BenchSettings.warmUp().plus(BenchSettings.measured()).plusSeconds(60));
    }
}
