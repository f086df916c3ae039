package io.accesslifecycle.bench;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bench client behind {@code bench/invitations.sh}: against one running Keycloak, with the SMTP sink in this JVM,
 * <ol>
 *   <li><b>ours</b>: one {@code POST /admin/realms/lifecycle/access/invitations} of N invitees; time to answer, then
 *   time until the N emails (sent afterwards by the outbox job) reached the sink, both from the request start;</li>
 *   <li><b>stock</b>: N sequential {@code POST /admin/realms/lifecycle/organizations/{id}/members/invite-user} (Keycloak's
 *   organization invitation, which sends its email before answering) for N other addresses; wall time, p50/p95 per
 *   call, and when the last email reached the sink;</li>
 * </ol>
 * then writes the report to stdout and to {@code --results}.
 * <p>
 * {@code run --base=URL --smtp-port=N --results=DIR [--count=1000] [--warmup=10] [--mail-timeout=300] [--db=h2|postgres]
 * [--db-label=TEXT] [--sink-nodelay=false] [facts: --nproc --java-version --kc-version --git --kc-log --script-start --build-seconds
 * --kc-start-seconds]}
 */
public final class InvitationsBench {

    static final String MASTER_ADMIN = "admin";
    static final String MASTER_PASSWORD = "admin";
    static final String ROLE = "analyst";
    /** Targets of the brief: answer in 5 s (10 s at most on 2 cores); all emails in the sink within 60 s. */
    static final double ANSWER_TARGET_S = 5;

    static final double ANSWER_LIMIT_S = 10;
    static final double EMAILS_TARGET_S = 60;

    private InvitationsBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("run")) {
            throw new IllegalArgumentException("usage: run --base=URL --smtp-port=N --results=DIR [--count=1000]");
        }
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int rc = run(opts);
        System.exit(rc); // HttpClient and GreenMail threads must not keep the JVM alive
    }

    /** What our single bulk request did. */
    record Ours(
            int count,
            int httpStatus,
            String httpError,
            double answerMillis,
            int invited,
            int reinvited,
            int rejected,
            List<String> rejectReasons,
            long[] arrivalsMillis,
            int sinkMessages,
            int sinkExpectedRecipients,
            Map<String, Integer> deliveryStatuses,
            int listed,
            double mailTimeoutSeconds) {

        int accepted() {
            return invited + reinvited;
        }

        boolean allDelivered() {
            return accepted() > 0 && arrivalsMillis.length >= accepted();
        }

        /** From the request start to the last expected email in the sink; NaN when not all arrived. */
        double allEmailsMillis() {
            return allDelivered() ? arrivalsMillis[accepted() - 1] : Double.NaN;
        }
    }

    /** What the N sequential stock calls did. */
    record Stock(
            int count,
            double[] callMillis,
            int ok,
            Map<String, Integer> errors,
            double wallMillis,
            long[] arrivalsMillis,
            int sinkMessages,
            int sinkExpectedRecipients,
            int tokenRenewals,
            double renewalMillis) {

        boolean allDelivered() {
            return ok > 0 && arrivalsMillis.length >= ok;
        }

        double allEmailsMillis() {
            return allDelivered() ? arrivalsMillis[ok - 1] : Double.NaN;
        }

        double percentile(double p) {
            double[] sorted = callMillis.clone();
            java.util.Arrays.sort(sorted);
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        double max() {
            return java.util.Arrays.stream(callMillis).max().orElse(Double.NaN);
        }
    }

    record Setup(String orgId, String notes) {}

    static int run(Map<String, String> opts) throws Exception {
        String base = opts.getOrDefault("base", "http://localhost:18080").replaceAll("/$", "");
        int smtpPort = Integer.parseInt(opts.getOrDefault("smtp-port", "12525"));
        int count = Integer.parseInt(opts.getOrDefault("count", "1000"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "10"));
        double mailTimeout = Double.parseDouble(opts.getOrDefault("mail-timeout", "300"));
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        opts.put("run-id", runId);
        opts.put("loadavg-start", UsernamesBench.loadAverage());
        long clientStart = System.nanoTime();

        boolean noDelay = !"false".equals(opts.getOrDefault("sink-nodelay", "true"));
        GreenMail sink = BenchSink.smtp(smtpPort, noDelay);
        sink.start();
        try {
            SinkClock clock = new SinkClock(sink);
            System.out.println("SMTP sink on 127.0.0.1:" + smtpPort
                    + (noDelay ? " (TCP_NODELAY)" : " (Nagle on: ~43 ms per message in EHLO)") + "; run id " + runId);

            Http realmAdmin = Http.signedIn(base);
            Http master = Http.signedIn(base, "master", MASTER_ADMIN, MASTER_PASSWORD);
            Setup setup = organizations(realmAdmin, master, runId);
            System.out.println("organizations enabled on the realm; organization " + setup.orgId());

            warmUp(realmAdmin, master, setup.orgId(), clock, sink, runId, warmup);

            System.out.printf("ours: one request inviting %d addresses...%n", count);
            Ours ours = ours(realmAdmin, clock, sink, runId, count, mailTimeout);
            System.out.printf(
                    Locale.ROOT,
                    "  ours: answered %d in %.0f ms (%d invited, %d rejected); %d/%d emails in the sink, last at %s%n",
                    ours.httpStatus(),
                    ours.answerMillis(),
                    ours.accepted(),
                    ours.rejected(),
                    ours.arrivalsMillis().length,
                    ours.accepted(),
                    ours.allDelivered()
                            ? String.format(Locale.ROOT, "%.1f s", ours.allEmailsMillis() / 1000)
                            : "never");
            opts.put("loadavg-between", UsernamesBench.loadAverage());

            System.out.printf("stock: %d sequential organization invite-user calls...%n", count);
            Stock stock = stock(master, setup.orgId(), clock, sink, runId, count);
            System.out.printf(
                    Locale.ROOT,
                    "  stock: %d ok, %d errors, wall %.1f s, p50 %.0f ms, p95 %.0f ms; %d emails in the sink%n",
                    stock.ok(),
                    stock.count() - stock.ok(),
                    stock.wallMillis() / 1000,
                    stock.percentile(50),
                    stock.percentile(95),
                    stock.arrivalsMillis().length);

            opts.put("phases-seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - clientStart) / 1e9));
            String report = InvitationsReport.render(opts, setup, ours, stock);
            System.out.println();
            System.out.println(report);
            write(report, Path.of(opts.getOrDefault("results", "bench/results")), opts.getOrDefault("db", "h2"));
            return 0;
        } finally {
            sink.stop();
        }
    }

    // ---------------------------------------------------------------------------------------------------- setup

    /** Organizations on (the realm's administrator may not: it takes manage-realm), and one organization. */
    private static Setup organizations(Http realmAdmin, Http master, String runId) {
        List<String> notes = new ArrayList<>();
        Http.Response probe = realmAdmin.put(Http.adminPath(""), "{\"organizationsEnabled\":true}");
        Http.Response enabled = probe;
        if (probe.status() != 204) {
            notes.add("`realm-admin` may not enable organizations (" + probe.status()
                    + "): the stock side uses the master "
                    + "realm's bootstrap administrator (`admin`, `admin-cli`, password grant), whose token lives 60 s "
                    + "and is renewed between calls, outside the timings");
            enabled = master.put(Http.adminPath(""), "{\"organizationsEnabled\":true}");
        }
        if (enabled.status() != 204) {
            throw new IllegalStateException("cannot enable organizations: " + enabled.status() + " " + enabled.body());
        }
        String body = "{\"name\":" + Http.quote("bench-" + runId) + ",\"domains\":[{\"name\":\"example.org\"}]}";
        Http.Response created = master.post(Http.adminPath("/organizations"), body);
        if (created.status() != 201 || created.location().isEmpty()) {
            throw new IllegalStateException(
                    "cannot create the organization: " + created.status() + " " + created.body());
        }
        String location = created.location().get();
        String orgId = location.substring(location.lastIndexOf('/') + 1);
        Http.Response asRealmAdmin = realmAdmin.postForm(
                Http.adminPath("/organizations/" + orgId + "/members/invite-user"),
                Map.of(
                        "email",
                        "bench-probe-" + runId + "@example.org",
                        "firstName",
                        "Probe",
                        "lastName",
                        "Realm-Admin"));
        notes.add("`realm-admin` calling invite-user: " + asRealmAdmin.status()
                + (asRealmAdmin.status() == 403 ? " (forbidden: organizations need manage-realm)" : ""));
        return new Setup(orgId, String.join("; ", notes));
    }

    private static void warmUp(
            Http realmAdmin, Http master, String orgId, SinkClock clock, GreenMail sink, String runId, int n)
            throws Exception {
        if (n <= 0) {
            return;
        }
        System.out.printf("warm-up: one request of %d invitees (ours), %d invite-user calls (stock)...%n", n, n);
        SinkClock.Phase phase = clock.start(n);
        Http.Response r =
                realmAdmin.post(Http.adminPath("/access/invitations"), inviteBody("bench-warm-" + runId + "-", n));
        if (r.status() != 200) {
            throw new IllegalStateException("warm-up invitation failed: " + r.status() + " " + r.body());
        }
        if (phase.await(System.nanoTime() + 120_000_000_000L, 0, null) < n) {
            throw new IllegalStateException(
                    "warm-up: only " + phase.seen() + " of " + n + " invitation emails in 120 s");
        }
        phase = clock.start(n);
        for (int i = 0; i < n; i++) {
            Http.Response s = master.postForm(
                    Http.adminPath("/organizations/" + orgId + "/members/invite-user"),
                    Map.of(
                            "email",
                            "bench-org-warm-" + runId + "-" + i + "@example.org",
                            "firstName",
                            "Warm",
                            "lastName",
                            "Up" + i));
            if (s.status() != 204) {
                throw new IllegalStateException("warm-up invite-user failed: " + s.status() + " " + s.body());
            }
        }
        if (phase.await(System.nanoTime() + 30_000_000_000L, 0, null) < n) {
            throw new IllegalStateException(
                    "warm-up: only " + phase.seen() + " of " + n + " organization emails in 30 s");
        }
        sink.purgeEmailFromAllMailboxes();
    }

    // ----------------------------------------------------------------------------------------------------- ours

    static String address(String prefix, int i) {
        return prefix + i + "@example.org";
    }

    private static String inviteBody(String prefix, int n) {
        StringJoiner invitees = new StringJoiner(",", "[", "]");
        for (int i = 0; i < n; i++) {
            invitees.add(Http.json("email", address(prefix, i), "firstName", "Bench", "lastName", "Invitee " + i));
        }
        return "{\"invitees\":" + invitees + ",\"roles\":[" + Http.quote(ROLE) + "],\"locale\":\"en\","
                + "\"message\":\"Benchmark invitation: please ignore.\"}";
    }

    private static Ours ours(Http api, SinkClock clock, GreenMail sink, String runId, int count, double mailTimeout)
            throws Exception {
        String prefix = "bench-" + runId + "-";
        String body = inviteBody(prefix, count);
        api.ensureFreshToken();
        SinkClock.Phase phase = clock.start(count);
        long start = System.nanoTime();
        Http.Response r = api.post(Http.adminPath("/access/invitations"), body);
        long answered = System.nanoTime();
        double answerMillis = (answered - start) / 1e6;

        int invited = countOf(r.body(), "\"status\"\\s*:\\s*\"invited\"");
        int reinvited = countOf(r.body(), "\"status\"\\s*:\\s*\"reinvited\"");
        int rejected = countOf(r.body(), "\"status\"\\s*:\\s*\"rejected\"");
        List<String> reasons = new ArrayList<>();
        Matcher m = Pattern.compile("\"reason\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(r.body() == null ? "" : r.body());
        while (m.find() && reasons.size() < 5) {
            reasons.add(m.group(1));
        }
        String error = r.status() == 200 ? null : ConcurrentPhase.error(r, "POST access/invitations");
        System.out.printf(
                Locale.ROOT,
                "  answered %d in %.0f ms; waiting for the emails (at most %.0f s from the request start)%n",
                r.status(),
                answerMillis,
                mailTimeout);

        int accepted = invited + reinvited;
        if (accepted > 0) {
            phase.await(
                    start + (long) (mailTimeout * 1e9),
                    5_000,
                    n -> System.out.printf(
                            Locale.ROOT,
                            "  %5.1f s: %d/%d emails in the sink%n",
                            (System.nanoTime() - start) / 1e9,
                            n,
                            accepted));
        }
        long[] arrivals = relative(phase.arrivals(), start);

        // the API's own view of the deliveries, once the waiting is over
        Map<String, Integer> statuses = new LinkedHashMap<>();
        int listed = 0;
        Http.Response list =
                api.get(Http.adminPath("/access/invitations?status=pending&max=1000&q=" + Http.encode(prefix)));
        if (list.status() == 200) {
            listed = countOf(list.body(), "\"id\"\\s*:");
            Matcher d = Pattern.compile("\"emailDelivery\"\\s*:\\s*\\{\\s*\"status\"\\s*:\\s*\"([a-z]+)\"")
                    .matcher(list.body());
            while (d.find()) {
                statuses.merge(d.group(1), 1, Integer::sum);
            }
        } else {
            statuses.put("list failed: " + list.status(), 0);
        }
        int expected = recipientsMatching(sink, prefix, count);
        int messages = sink.getReceivedMessages().length;
        sink.purgeEmailFromAllMailboxes();
        return new Ours(
                count,
                r.status(),
                error,
                answerMillis,
                invited,
                reinvited,
                rejected,
                reasons,
                arrivals,
                messages,
                expected,
                statuses,
                listed,
                mailTimeout);
    }

    // ---------------------------------------------------------------------------------------------------- stock

    private static Stock stock(Http master, String orgId, SinkClock clock, GreenMail sink, String runId, int count)
            throws Exception {
        String prefix = "bench-org-" + runId + "-";
        String path = Http.adminPath("/organizations/" + orgId + "/members/invite-user");
        double[] calls = new double[count];
        Map<String, Integer> errors = new LinkedHashMap<>();
        int ok = 0;
        int renewals = 0;
        long renewalNanos = 0;
        SinkClock.Phase phase = clock.start(count);
        long first = 0;
        long last = 0;
        long nextProgress = System.nanoTime() + 10_000_000_000L;
        for (int i = 0; i < count; i++) {
            long before = System.nanoTime();
            master.ensureFreshToken(); // the master realm's token lives 60 s: renewed here, outside the call's timing
            long start = System.nanoTime();
            if (start - before > 1_000_000L) {
                renewals++;
                renewalNanos += start - before;
            }
            if (i == 0) {
                first = start;
            }
            Http.Response r = master.postForm(
                    path, Map.of("email", address(prefix, i), "firstName", "Bench", "lastName", "Invitee " + i));
            long end = System.nanoTime();
            last = end;
            calls[i] = (end - start) / 1e6;
            if (r.status() == 204) {
                ok++;
            } else {
                errors.merge(ConcurrentPhase.error(r, "POST invite-user"), 1, Integer::sum);
            }
            phase.poll();
            if (end - nextProgress >= 0) {
                System.out.printf(
                        Locale.ROOT,
                        "  %5.1f s: %d/%d calls, %d emails in the sink%n",
                        (end - first) / 1e9,
                        i + 1,
                        count,
                        phase.seen());
                nextProgress += 10_000_000_000L;
            }
        }
        if (renewals > 0) {
            // not in any call's timing, but in the wall time (the report says how much)
            System.out.printf(
                    Locale.ROOT,
                    "  (master token renewed %d times between calls, %.0f ms in all)%n",
                    renewals,
                    renewalNanos / 1e6);
        }
        int okCalls = ok;
        phase.await(System.nanoTime() + 60_000_000_000L, 0, null);
        long[] arrivals = relative(phase.arrivals(), first);
        int expected = recipientsMatching(sink, prefix, count);
        int messages = sink.getReceivedMessages().length;
        sink.purgeEmailFromAllMailboxes();
        return new Stock(
                count,
                calls,
                okCalls,
                errors,
                (last - first) / 1e6,
                arrivals,
                messages,
                expected,
                renewals,
                renewalNanos / 1e6);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static long[] relative(long[] nanos, long origin) {
        long[] out = new long[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            out[i] = Math.round((nanos[i] - origin) / 1e6);
        }
        return out;
    }

    private static int countOf(String text, String regex) {
        if (text == null) {
            return 0;
        }
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** How many of the phase's distinct addresses ({@code prefix0..prefix<count-1>@example.org}) the sink holds mail for. */
    private static int recipientsMatching(GreenMail sink, String prefix, int count) throws MessagingException {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < count; i++) {
            expected.add(address(prefix, i));
        }
        Set<String> reached = new HashSet<>();
        for (Message message : sink.getReceivedMessages()) {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            if (to == null) {
                continue;
            }
            for (Address a : to) {
                String s = a.toString().replaceFirst("^.*<(.*)>$", "$1").toLowerCase(Locale.ROOT);
                if (expected.contains(s)) {
                    reached.add(s);
                }
            }
        }
        return reached.size();
    }

    private static void write(String report, Path dir, String db) throws IOException {
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        String name = "h2".equals(db) ? "invitations" : "invitations-" + db;
        Path file = dir.resolve(name + "-" + stamp + ".md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        Path latest = dir.resolve("latest-" + name + ".md");
        Files.copy(file, latest, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Written: " + file + " (and " + latest + ")");
    }
}
