package io.accesslifecycle.tests.invitations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accesslifecycle.tests.AccessApi;
import io.accesslifecycle.tests.FastJobsServerConfig;
import io.accesslifecycle.tests.Jobs;
import io.accesslifecycle.tests.Mail;
import io.accesslifecycle.tests.Waits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Invitations never accepted are deleted once their six weeks are over; accepted ones stay. The purge job runs
 * every second here (hourly by default) and the clock is moved with the test framework's time offset.
 */
@KeycloakIntegrationTest(config = FastJobsServerConfig.class)
class UnusedInvitationsArePurgedTest {

    @InjectRealm(fromJson = "/lifecycle-realm.json")
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectMailServer
    MailServer mail;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void pendingAndRevokedInvitationsAreDeletedAfterTheirLifespan() {
        AccessApi api = AccessApi.admin(urls.getBase());
        AccessApi.Response r = api.post(
                AccessApi.access("/invitations"),
                Map.of(
                        "invitees",
                        List.of(
                                Map.of("email", "old1@example.org"),
                                Map.of("email", "old2@example.org"),
                                Map.of("email", "old3@example.org"))));
        String revoked = r.json().get("results").get(2).get("invitationId").asText();
        api.delete(AccessApi.access("/invitations/" + revoked));
        Mail.awaitTotal(mail, 3);
        String link = Mail.invitationLink(
                Mail.to(mail.getReceivedMessages(), "old1@example.org").get(0));

        timeOffSet.set(41 * 86_400);
        Jobs.ranTwiceMore(urls.getBase(), Jobs.INVITATION_PURGE);
        // a token issued before the clock moved has expired: sign in again
        assertEquals(
                3,
                AccessApi.admin(urls.getBase())
                        .get(AccessApi.access("/invitations"))
                        .json()
                        .size(),
                "within six weeks nothing is purged");

        timeOffSet.set(42 * 86_400 + 3_600);
        Waits.until(
                "all three unused invitations are purged",
                () -> AccessApi.admin(urls.getBase())
                        .get(AccessApi.access("/invitations"))
                        .json()
                        .isEmpty());
        assertEquals(400, AccessApi.anonymous(urls.getBase()).page(link).status(), "a purged link is simply not valid");
        timeOffSet.set(0);
    }
}
