package io.accesslifecycle.bench;

import static io.accesslifecycle.bench.Report.f;
import static io.accesslifecycle.bench.Report.ms;
import static io.accesslifecycle.bench.Report.ratio;
import static io.accesslifecycle.bench.Report.sec;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
        Map<String, String> opts = Report.options(args, 1);
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
            return Report.percentile(callMillis, p);
        }
    }

    /** The organization the stock side invites into, and what the setup found out about permissions. */
    record Setup(String orgId, String notes) {}

    static int run(Map<String, String> opts) throws Exception {
        String base = opts.getOrDefault("base", "http://localhost:18080").replaceAll("/$", "");
        int smtpPort = Integer.parseInt(opts.getOrDefault("smtp-port", "12525"));
        int count = Integer.parseInt(opts.getOrDefault("count", "1000"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "10"));
        double mailTimeout = Double.parseDouble(opts.getOrDefault("mail-timeout", "300"));
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        opts.put("run-id", runId);
        opts.put("loadavg-start", Report.loadAverage());
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
            opts.put("loadavg-between", Report.loadAverage());

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
            String db = opts.getOrDefault("db", "h2");
            report(opts, setup, ours, stock, Instant.now())
                    .write(
                            Path.of(opts.getOrDefault("results", "bench/results")),
                            "h2".equals(db) ? "invitations" : "invitations-" + db);
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

    // ------------------------------------------------------------------------------------------------- report

    /** A pause between two arrivals longer than this is a gap between outbox runs (or a stall), not sending. */
    static final long GAP_MILLIS = 1_000;

    /** The report: both sides, the ratios, the targets, where our time goes, how it ran, the machine. */
    static Report report(Map<String, String> opts, Setup setup, Ours o, Stock s, Instant now) {
        Report md = new Report("Invitations benchmark: Access Lifecycle vs stock Keycloak", now);
        String db = opts.getOrDefault("db-label", "H2 in memory (`--db=dev-mem`)");
        md.text(
                "Run %s: %,d invitations each side, database **%s**. Both sides ran in the same run, against the same "
                        + "Keycloak, one after the other, with the SMTP sink in the bench client (run id `%s`).\n\n",
                md.date(), o.count(), db, opts.getOrDefault("run-id", "?"));

        md.section("Results");
        md.text("""
                **ours**: one `POST /admin/realms/lifecycle/access/invitations` with all the invitees (`bench-<run>-<i>@example.org`, \
                role `analyst`, locale `en`, a message), as `realm-admin`; it answers once the invitations are stored and the \
                emails queued; the outbox job (every 3 s, at most 20 s of sending per run, one SMTP connection per message) \
                sends them. **stock**: as many sequential `POST /admin/realms/lifecycle/organizations/{id}/members/invite-user` \
                (form `email`, `firstName`, `lastName`; new addresses `bench-org-<run>-<i>@example.org`), Keycloak's own \
                invitation, which sends its email before it answers. Times run from the request start (ours) or the first \
                call's start (stock).

                """);
        double oursAll = o.allEmailsMillis();
        double stockAll = s.allEmailsMillis();
        String perCall = ms(s.percentile(50)) + " / " + ms(s.percentile(95)) + " / " + ms(s.percentile(100));
        md.table(new Report.Table("figure", "ours (1 bulk request)", "stock (" + s.count() + " sequential calls)")
                .right(1, 2)
                .row("invitations asked for", o.count(), s.count())
                .row(
                        "accepted (ours: rows `invited`; stock: 204)",
                        o.accepted() + (o.reinvited() > 0 ? " (" + o.reinvited() + " reinvited)" : ""),
                        s.ok())
                .row("rejected rows (ours) / failed calls (stock)", o.rejected(), s.count() - s.ok())
                .row("HTTP errors", o.httpStatus() == 200 ? "0" : "1 (" + o.httpStatus() + ")", s.count() - s.ok())
                .row(
                        "**time to answer**",
                        sec(o.answerMillis()) + " (" + verdictAnswer(o.answerMillis()) + ")",
                        sec(s.wallMillis()) + " (all calls)")
                .row("per call p50 / p95 / max", "1 call", perCall)
                .row(
                        "**time until all emails reached the sink**",
                        Double.isNaN(oursAll)
                                ? f(
                                        "not within %.0f s (%d of %d)",
                                        o.mailTimeoutSeconds(), o.arrivalsMillis().length, o.accepted())
                                : sec(oursAll) + " (" + verdictEmails(oursAll) + ")",
                        Double.isNaN(stockAll)
                                ? "not all (" + s.arrivalsMillis().length + " of " + s.ok() + ")"
                                : sec(stockAll))
                .row(
                        "invitations per second, to the last email",
                        perSecond(o.accepted(), oursAll),
                        perSecond(s.ok(), stockAll))
                .row(
                        "messages in the sink / distinct invitee addresses reached",
                        o.sinkMessages() + " / " + o.sinkExpectedRecipients(),
                        s.sinkMessages() + " / " + s.sinkExpectedRecipients())
                .row(
                        "delivery status the API lists (`emailDelivery.status`)",
                        deliveries(o),
                        "n/a (sent before the answer)"));

        md.text("\n**Ratios** (above 1: ours is faster):\n\n");
        md.table(new Report.Table("ratio", "value", "meaning")
                .right(1)
                .row(
                        "stock wall time / our time to all emails",
                        ratio(s.wallMillis(), oursAll),
                        "all " + o.count() + " people have their email sooner with ours by this factor")
                .row(
                        "stock time to all emails / our time to all emails",
                        ratio(stockAll, oursAll),
                        "the same, sink to sink")
                .row(
                        "stock wall time / our answer time",
                        ratio(s.wallMillis(), o.answerMillis()),
                        "the administrator (or the script) gets its answer sooner by this factor"));
        if (o.httpError() != null) {
            md.text("\n- ours error: " + Report.code(o.httpError()) + "\n");
        }
        for (String reason : o.rejectReasons()) {
            md.text("\n- ours rejected row, for example: " + Report.code(reason) + "\n");
        }
        md.errors("stock", s.errors());

        md.section("Targets (ours)");
        md.table(new Report.Table("target", "measured", "verdict")
                .right(1)
                .row("answer in 5 s (10 s at most on 2 cores)", sec(o.answerMillis()), verdictAnswer(o.answerMillis()))
                .row(
                        "all emails in the sink within 60 s of the request start",
                        Double.isNaN(oursAll) ? "not all" : sec(oursAll),
                        Double.isNaN(oursAll) ? "missed (not all delivered)" : verdictEmails(oursAll)));

        md.section("Ours: where the time to all emails goes");
        long[] a = o.arrivalsMillis();
        if (a.length == 0) {
            md.text("No email reached the sink.\n");
        } else {
            long first = a[0];
            long last = a[a.length - 1];
            List<String> shown = new ArrayList<>();
            int pauses = 0;
            long paused = 0;
            for (int i = 1; i < a.length; i++) {
                if (a[i] - a[i - 1] > GAP_MILLIS) {
                    paused += a[i] - a[i - 1];
                    if (pauses++ < 6) {
                        shown.add(f("%.1f→%.1f s", a[i - 1] / 1000.0, a[i] / 1000.0));
                    }
                }
            }
            double sending = last - first - paused;
            md.table(new Report.Table("stretch", "seconds", "what")
                    .right(1)
                    .row(
                            "request start → answer",
                            sec(o.answerMillis()),
                            "invitations stored, emails queued, in one transaction")
                    .row(
                            "answer → first email in the sink",
                            sec(first - o.answerMillis()),
                            "until the next outbox run (every 3 s) sends its first message")
                    .row(
                            "first → last email",
                            sec(last - first),
                            f(
                                    "%,d messages, %.1f per second on average",
                                    a.length, (a.length - 1) / ((last - first) / 1000.0)))
                    .row(
                            "  of which pauses over " + GAP_MILLIS / 1000 + " s between two emails",
                            sec(paused),
                            pauses + " pause(s)"
                                    + (pauses == 0 ? "" : ": " + String.join(", ", shown) + (pauses > 6 ? ", ..." : ""))
                                    + " (between outbox runs: a run stops picking batches after 20 s, the next starts at"
                                    + " most 3 s later)")
                    .row(
                            "  of which sending",
                            sec(sending),
                            f(
                                    "%.1f messages per second while sending (%.1f ms each: template, SMTP connection, "
                                            + "transaction)",
                                    a.length / (sending / 1000.0), sending / a.length)));
            md.text("\nEmails in the sink by time since the request start:\n\n");
            Report.Table by = new Report.Table("after", "emails", "share").right(0, 1, 2);
            for (int t : new int[] {5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300}) {
                long n = Arrays.stream(a).filter(m -> m <= t * 1000L).count();
                by.row(t + " s", n, f("%.0f %%", 100.0 * n / Math.max(1, o.accepted())));
                if (n >= o.accepted() || t * 1000L > last + 30_000) {
                    break;
                }
            }
            double[] arrivals = Arrays.stream(a).asDoubleStream().toArray();
            md.table(by)
                    .text(
                            "\nArrival percentiles: first %s, 25 %% %s, 50 %% %s, 75 %% %s, 95 %% %s, last %s (sink "
                                    + "polled every %d ms).\n",
                            sec(first),
                            sec(Report.percentile(arrivals, 25)),
                            sec(Report.percentile(arrivals, 50)),
                            sec(Report.percentile(arrivals, 75)),
                            sec(Report.percentile(arrivals, 95)),
                            sec(last),
                            SinkClock.POLL_MILLIS);
        }

        md.section("Stock: the sequential calls");
        md.table(new Report.Table("figure", "value")
                .right(1)
                .row("calls", s.count())
                .row("204 (invitation stored and email sent)", s.ok())
                .row(
                        "latency p50 / p95 / max / mean (ms)",
                        perCall + " / "
                                + f(
                                        "%.1f",
                                        Arrays.stream(s.callMillis()).average().orElse(Double.NaN)))
                .row("wall time, first call's start → last answer", sec(s.wallMillis()))
                .row(
                        "  of which master token renewals between calls",
                        s.tokenRenewals() + " × , " + f("%.0f", s.renewalMillis()) + " ms")
                .row("calls per second", perSecond(s.count(), s.wallMillis()))
                .row(
                        "last email in the sink (from the first call's start)",
                        Double.isNaN(stockAll) ? "not all" : sec(stockAll)));

        String kcOpts = opts.getOrDefault("kc-opts", "start-dev").strip();
        md.section("How it ran");
        md.text("- Setup: organizations enabled on the realm (`PUT /admin/realms/lifecycle` "
                + "`{\"organizationsEnabled\":true}`), one organization created (`POST /admin/realms/lifecycle/organizations`"
                + " `{\"name\":\"bench-<run>\",\"domains\":[{\"name\":\"example.org\"}]}`), id `" + setup.orgId()
                + "`.\n");
        if (!setup.notes().isBlank()) {
            md.text("- " + setup.notes() + ".\n");
        }
        md.text(
                "- Warm-up before the measures: one request of " + opts.getOrDefault("warmup", "10")
                        + " invitees (ours) and as many invite-user calls (stock), their emails awaited, then the sink emptied.\n");
        md.text(
                "- Ours first, then stock once all of ours had reached the sink (or the wait gave up), so the two never "
                        + "overlap.\n");
        md.text(
                "- One HTTP/1.1 client per side (java.net.http; stock reuses its connection). Keycloak opens one SMTP "
                        + "connection per message on both sides, to GreenMail in the bench client (same machine, same cores), ");
        md.text(
                !"false".equals(opts.getOrDefault("sink-nodelay", "true"))
                        ? "with `TCP_NODELAY` on its connections: otherwise its two-line EHLO reply stalls ~43 ms per "
                                + "message on Nagle's algorithm and delayed ACKs, a cost of the sink that a real MTA does not "
                                + "have (`BENCH_SINK_NODELAY=0` brings the stall back).\n"
                        : "**with Nagle's algorithm on** (`BENCH_SINK_NODELAY=0`): its two-line EHLO reply stalls ~43 ms "
                                + "per message on both sides, which the figures include.\n");
        md.text("- Keycloak `kc.sh " + kcOpts + "` (default pools"
                + (kcOpts.contains("cache-templates=true") || !kcOpts.startsWith("start-dev")
                        ? "; theme and template caches on, as in production"
                        : "; theme and template caches off, as `start-dev` sets them: every email reloads its templates")
                + ").\n");

        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("Keycloak", opts.getOrDefault("kc-version", "?") + " (`" + kcOpts.split(" ")[0] + "`)");
        machine.put("database", db);
        machine.put("project (commit; bundle jar benched)", opts.getOrDefault("git", "?"));
        machine.put("load average 1/5/15 min, before the phases", opts.getOrDefault("loadavg-start", "?"));
        machine.put("load average 1/5/15 min, between ours and stock", opts.getOrDefault("loadavg-between", "?"));
        md.machine(opts, machine).keycloakErrors(opts.get("kc-log"));

        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("build (mvn, when needed) and bench client", opts.get("build-seconds"));
        steps.put("PostgreSQL cluster created and started", opts.get("db-start-seconds"));
        steps.put("Keycloak start (until /realms/lifecycle answers)", opts.get("kc-start-seconds"));
        steps.put("setup, warm-up and both phases", opts.getOrDefault("phases-seconds", "?"));
        return md.timings(steps, opts.get("script-start"));
    }

    private static String deliveries(Ours o) {
        if (o.deliveryStatuses().isEmpty()) {
            return o.listed() + " listed, no delivery status";
        }
        StringJoiner statuses = new StringJoiner(", ", "", " (of " + o.listed() + " pending listed)");
        o.deliveryStatuses().forEach((status, n) -> statuses.add(status + " " + n));
        return statuses.toString();
    }

    private static String verdictAnswer(double millis) {
        if (millis <= ANSWER_TARGET_S * 1000) {
            return "target met";
        }
        if (millis <= ANSWER_LIMIT_S * 1000) {
            return "over the 5 s target, within the 10 s limit";
        }
        return "over the 10 s limit by " + sec(millis - ANSWER_LIMIT_S * 1000);
    }

    private static String verdictEmails(double millis) {
        return millis <= EMAILS_TARGET_S * 1000 ? "target met" : "missed by " + sec(millis - EMAILS_TARGET_S * 1000);
    }

    private static String perSecond(int n, double millis) {
        return Double.isNaN(millis) || millis <= 0 ? "n/a" : f("%.1f", n / (millis / 1000));
    }
}
