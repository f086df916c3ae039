package io.accesslifecycle.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One invitation link, twenty registrations racing on it, half sent to node A and half to node B (the form a
 * newcomer posts from the invitation page): one account, one accepted invitation, one audit entry; the others are
 * told the link was already used.
 */
@Order(2)
class TwentyAcceptancesAcrossNodesGiveOneAccountTest {

    private static final Pattern KEY = Pattern.compile("/access-invitation\\?key=([^&\\s]+)");
    private static final String PASSWORD = "Invited-Passw0rd!";

    @Test
    void twentyRegistrationsOnBothNodesGiveOneAccount() throws Exception {
        String email = "race-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36) + "@example.org";
        Node a = Cluster.a().client().asAdmin();
        Node.Response invited = a.post(
                Node.access("/invitations"),
                Map.of(
                        "invitees",
                        List.of(Map.of("email", email, "firstName", "Rae", "lastName", "Ce")),
                        "locale",
                        "en"));
        assertEquals(
                "invited", invited.json().get("results").get(0).get("status").asText(), invited.body());
        String invitationId =
                invited.json().get("results").get(0).get("invitationId").asText();
        Sink sink = Cluster.sink();
        Cluster.await(
                Duration.ofSeconds(60),
                "the invitation email",
                () -> !sink.to(email).isEmpty());
        Matcher key = KEY.matcher(sink.to(email).get(0).text());
        if (!key.find()) {
            throw new AssertionError("no link in " + sink.to(email).get(0).text());
        }
        String k = java.net.URLDecoder.decode(key.group(1), java.nio.charset.StandardCharsets.UTF_8);

        List<Cluster.NodeInfo> nodes = Cluster.nodes();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Node.Response>> clicks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Node visitor = nodes.get(i % 2).client(); // a browser of its own: its own cookies
            clicks.add(pool.submit(() -> {
                gate.await();
                return visitor.form(
                        "/realms/" + Cluster.REALM + "/access-invitation/register",
                        Map.of(
                                "key",
                                k,
                                "firstName",
                                "Rae",
                                "lastName",
                                "Ce",
                                "password",
                                PASSWORD,
                                "password-confirm",
                                PASSWORD));
            }));
        }
        gate.countDown();
        int accepted = 0;
        int refused = 0;
        List<String> other = new ArrayList<>();
        for (Future<Node.Response> click : clicks) {
            Node.Response r = click.get();
            if (r.status() == 200 && r.body().contains("invitation is accepted")) {
                accepted++;
            } else if (r.status() == 410) {
                refused++;
            } else {
                other.add(r.status() + ": "
                        + r.body().substring(0, Math.min(300, r.body().length())));
            }
        }
        pool.shutdown();
        assertEquals(List.of(), other, "every answer is either the welcome page or 'already used'");
        assertEquals(1, accepted);
        assertEquals(19, refused);

        String realmId = Cluster.realmId();
        assertEquals(
                1, Cluster.count("select count(*) from user_entity where realm_id = ? and email = ?", realmId, email));
        assertEquals(
                List.of(List.of("ACCEPTED")),
                Cluster.rows("select status from access_invitation where email = ?", email));
        assertEquals(
                1,
                Cluster.count(
                        "select count(*) from access_audit where type = 'INVITATION_ACCEPTED' and note like ?",
                        "invitation " + invitationId + "%"));
        // and the account is usable from either node
        for (Cluster.NodeInfo node : nodes) {
            String username = Cluster.rows(
                            "select username from user_entity where realm_id = ? and email = ?", realmId, email)
                    .get(0)
                    .get(0);
            Node.Response token = node.client()
                    .form(
                            "/realms/" + Cluster.REALM + "/protocol/openid-connect/token",
                            Map.of(
                                    "grant_type",
                                    "password",
                                    "client_id",
                                    "demo-app",
                                    "username",
                                    username,
                                    "password",
                                    PASSWORD));
            assertEquals(200, token.status(), node.name() + ": " + token.body());
        }
    }
}
