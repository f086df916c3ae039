package io.accesslifecycle.bench;

import static io.accesslifecycle.bench.Report.f;
import static io.accesslifecycle.bench.Report.ms;
import static io.accesslifecycle.bench.Report.ratio;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The bench client behind {@code bench/usernames.sh}.
 * <ul>
 *   <li>{@code jmh --out=FILE [--log=FILE]}: the in-process username generation benchmark; scores go to FILE.</li>
 *   <li>{@code server --base=URL --smtp-port=N --jmh=FILE --results=DIR [--sizes=50,200] [facts]}: starts the SMTP
 *   sink, runs the concurrent phases against the running Keycloak (ours, then stock, for each size), and writes the
 *   report (with the JMH scores) to stdout and to DIR.</li>
 * </ul>
 */
public final class UsernamesBench {

    private static final String HOMONYM_FIRST = "Jean";
    private static final String HOMONYM_LAST = "Dupont";
    private static final int WARMUP_USERS = 10;

    private UsernamesBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException(
                    "usage: jmh --out=FILE | server --base=URL --smtp-port=N --jmh=FILE --results=DIR");
        }
        Map<String, String> opts = Report.options(args, 1);
        switch (args[0]) {
            case "jmh" -> jmh(opts);
            case "server" -> server(opts);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.exit(0); // HttpClient and GreenMail threads must not keep the JVM alive
    }

    // ---------------------------------------------------------------------------------------------------- JMH

    private static void jmh(Map<String, String> opts) throws Exception {
        OptionsBuilder builder = new OptionsBuilder();
        builder.include(UsernameGenerationBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(5)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .threads(1)
                .shouldFailOnError(true);
        if (opts.containsKey("log")) {
            builder.output(opts.get("log"));
        }
        Options options = builder.build();
        Properties out = new Properties();
        out.setProperty("loadavg", Report.loadAverage());
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().replaceFirst(".*\\.", "");
            out.setProperty(
                    method + ".score", Double.toString(r.getPrimaryResult().getScore()));
            out.setProperty(
                    method + ".error", Double.toString(r.getPrimaryResult().getScoreError()));
            out.setProperty(
                    "config",
                    r.getParams().getForks() + " fork, "
                            + r.getParams().getWarmup().getCount() + " x "
                            + r.getParams().getWarmup().getTime() + " warm-up, "
                            + r.getParams().getMeasurement().getCount() + " x "
                            + r.getParams().getMeasurement().getTime() + " measured, "
                            + r.getParams().getThreads() + " thread");
        }
        try (Writer w = Files.newBufferedWriter(Path.of(opts.get("out")), StandardCharsets.UTF_8)) {
            out.store(w, "UsernameGenerationBenchmark");
        }
        System.out.printf(
                Locale.ROOT,
                "JMH: ours %,.0f names/s, stock %,.0f names/s%n",
                Double.parseDouble(out.getProperty("ours.score")),
                Double.parseDouble(out.getProperty("stock.score")));
    }

    // ------------------------------------------------------------------------------------------------- server

    private static void server(Map<String, String> opts) throws Exception {
        String base = opts.getOrDefault("base", "http://localhost:18080").replaceAll("/$", "");
        int smtpPort = Integer.parseInt(opts.getOrDefault("smtp-port", "12525"));
        List<Integer> sizes = new ArrayList<>();
        for (String s : opts.getOrDefault("sizes", "50,200").split(",")) {
            sizes.add(Integer.parseInt(s.strip()));
        }
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        long clientStart = System.nanoTime();
        opts.put("loadavg-server", Report.loadAverage());

        GreenMail sink = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        sink.start();
        try {
            System.out.println("SMTP sink on 127.0.0.1:" + smtpPort + "; warming up (" + WARMUP_USERS
                    + " sequential users each side)...");
            warmUp(base, run);
            waitForMail(sink, 2L * WARMUP_USERS);
            sink.purgeEmailFromAllMailboxes();

            List<Comparison> comparisons = new ArrayList<>();
            int existingHomonyms = 0;
            for (int size : sizes) {
                System.out.printf("%d concurrent declarations of %s %s (ours)...%n", size, HOMONYM_FIRST, HOMONYM_LAST);
                Http api = Http.signedIn(base);
                String preview = api.get(Http.adminPath("/access/usernames/preview?firstName="
                                + Http.encode(HOMONYM_FIRST) + "&lastName=" + Http.encode(HOMONYM_LAST)))
                        .field("username");
                ConcurrentPhase.Result ours = ConcurrentPhase.run(
                        "ours",
                        size,
                        i -> declare(api, run, size, i),
                        existingHomonyms + " " + HOMONYM_FIRST + " " + HOMONYM_LAST
                                + " already in the realm; preview said " + preview);
                int oursMail = waitForMail(sink, ours.emailsReportedSent());
                sink.purgeEmailFromAllMailboxes();
                existingHomonyms += (int) ours.ok();
                System.out.printf(
                        Locale.ROOT,
                        "  ours: %d ok, %d errors, wall %.0f ms%n",
                        ours.ok(),
                        ours.errors(),
                        ours.wallMillis());

                System.out.printf("%d concurrent stock creations + execute-actions-email...%n", size);
                Http stockApi = Http.signedIn(base);
                ConcurrentPhase.Result stock = ConcurrentPhase.run(
                        "stock", size, i -> stockCreate(stockApi, run, size, i), "explicit usernames");
                int stockMail = waitForMail(sink, stock.emailsReportedSent());
                sink.purgeEmailFromAllMailboxes();
                System.out.printf(
                        Locale.ROOT,
                        "  stock: %d ok, %d errors, wall %.0f ms%n",
                        stock.ok(),
                        stock.errors(),
                        stock.wallMillis());
                comparisons.add(new Comparison(ours, oursMail, stock, stockMail));
            }
            double serverSeconds = (System.nanoTime() - clientStart) / 1e9;
            report(opts, readJmh(opts.get("jmh")), comparisons, serverSeconds, Instant.now())
                    .write(Path.of(opts.getOrDefault("results", "bench/results")), "usernames");
        } finally {
            sink.stop();
        }
    }

    /** One size's two phases, ours and stock, and the emails the sink received for each. */
    record Comparison(ConcurrentPhase.Result ours, int oursMail, ConcurrentPhase.Result stock, int stockMail) {

        /** The latency percentile (100: the maximum), ours/stock. */
        String ratio(double p) {
            return Report.ratio(ours.percentileMillis(p), stock.percentileMillis(p));
        }
    }

    private static void warmUp(String base, String run) {
        Http api = Http.signedIn(base);
        for (int i = 0; i < WARMUP_USERS; i++) {
            ConcurrentPhase.Outcome o = declare(api, run, 0, i).run(System.nanoTime());
            if (!o.ok()) {
                throw new IllegalStateException("warm-up declaration failed: " + o.error());
            }
            o = stockCreate(api, run, 0, i).run(System.nanoTime());
            if (!o.ok()) {
                throw new IllegalStateException("warm-up stock creation failed: " + o.error());
            }
        }
    }

    /** Our API: one call; size 0 is the warm-up, with another name so the homonym count starts at zero. */
    private static ConcurrentPhase.Task declare(Http api, String run, int size, int i) {
        String email = String.format(Locale.ROOT, "ours%d.%03d.%s@bench.example.org", size, i, run);
        String body = size == 0
                ? Http.json("email", email, "firstName", "Warm", "lastName", "Up")
                : Http.json("email", email, "firstName", HOMONYM_FIRST, "lastName", HOMONYM_LAST);
        return start -> {
            Http.Response r = api.post(Http.adminPath("/access/users"), body);
            long end = System.nanoTime();
            boolean ok = r.status() == 201;
            return new ConcurrentPhase.Outcome(
                    ok,
                    end - start,
                    end,
                    ok ? r.field("username") : null,
                    ok ? null : ConcurrentPhase.error(r, "POST access/users"),
                    ok && "sent".equals(r.field("setPasswordEmail")));
        };
    }

    /** Stock Keycloak: create with an explicit username, then the stock set-password email (two calls). */
    private static ConcurrentPhase.Task stockCreate(Http api, String run, int size, int i) {
        String username = String.format(Locale.ROOT, "stock%d.%03d.%s", size, i, run);
        String body = Http.json(
                "username",
                username,
                "email",
                username + "@bench.example.org",
                "firstName",
                HOMONYM_FIRST,
                "lastName",
                HOMONYM_LAST,
                "enabled",
                "true");
        return start -> {
            Http.Response created = api.post(Http.adminPath("/users"), body);
            if (created.status() != 201 || created.location().isEmpty()) {
                long end = System.nanoTime();
                return new ConcurrentPhase.Outcome(
                        false, end - start, end, null, ConcurrentPhase.error(created, "POST users"), false);
            }
            String location = created.location().get();
            String id = location.substring(location.lastIndexOf('/') + 1);
            Http.Response mail =
                    api.put(Http.adminPath("/users/" + id + "/execute-actions-email"), "[\"UPDATE_PASSWORD\"]");
            long end = System.nanoTime();
            boolean ok = mail.status() == 204;
            return new ConcurrentPhase.Outcome(
                    ok,
                    end - start,
                    end,
                    username,
                    ok ? null : ConcurrentPhase.error(mail, "PUT execute-actions-email"),
                    ok);
        };
    }

    /** Messages the sink holds once {@code expected} arrived or 30 s passed (sending is synchronous: usually at once). */
    private static int waitForMail(GreenMail sink, long expected) {
        sink.waitForIncomingEmail(30_000, (int) expected);
        return sink.getReceivedMessages().length;
    }

    private static Properties readJmh(String file) throws IOException {
        Properties p = new Properties();
        if (file != null && Files.exists(Path.of(file))) {
            try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    // ------------------------------------------------------------------------------------------------- report

    /** The report: the machine, the JMH scores, the concurrent phases side by side with their ratios, the timings. */
    static Report report(
            Map<String, String> opts, Properties jmh, List<Comparison> comparisons, double serverSeconds, Instant now) {
        Report md = new Report("Usernames benchmark: Access Lifecycle vs stock Keycloak", now);
        md.text("Run " + md.date()
                + ". Both sides ran on the same machine, in the same run, against the same server.\n\n");
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("Keycloak", opts.getOrDefault("kc-version", "?") + " (`start-dev`, H2 in memory, default pools)");
        machine.put("project (commit; bundle jar benched)", opts.getOrDefault("git", "?"));
        machine.put("load average 1/5/15 min, before JMH", jmh.getProperty("loadavg", "?"));
        machine.put("load average 1/5/15 min, before server phases", opts.getOrDefault("loadavg-server", "?"));
        md.machine(opts, machine);

        md.section("1. Username generation, one thread, in-process (JMH)");
        if (jmh.isEmpty()) {
            md.text("_JMH scores missing (the `jmh` step did not run or failed)._\n");
        } else {
            double ours = Double.parseDouble(jmh.getProperty("ours.score"));
            double stock = Double.parseDouble(jmh.getProperty("stock.score"));
            md.text("50 varied names (accents, compound first names, particles, Cyrillic, Greek, Vietnamese, Arabic, "
                    + "Han, kana); " + jmh.getProperty("config", "") + ".\n\n");
            md.table(new Report.Table("benchmark", "names/s", "± (99.9 %)", "ns per name")
                    .right(1, 2, 3)
                    .row(
                            "ours: `rule.firstFree(rule.name(first, last), p -> Set.of())`",
                            f("%,.0f", ours),
                            f("%,.0f", Double.parseDouble(jmh.getProperty("ours.error"))),
                            f("%,.0f", 1e9 / ours))
                    .row(
                            "stock: `username.toLowerCase(Locale.ROOT)`",
                            f("%,.0f", stock),
                            f("%,.0f", Double.parseDouble(jmh.getProperty("stock.error"))),
                            f("%,.1f", 1e9 / stock)));
            md.text(
                    "\nRatio of the time per name, ours/stock: **%.0f** (ours: %.1f µs of one core per name, ICU "
                            + "transliteration included; stock: %.3f µs).\n",
                    stock / ours, 1e6 / ours, 1e6 / stock);
        }

        md.section("2. Concurrent user creation against the running server");
        md.text("""
                **ours**: N concurrent `POST /admin/realms/lifecycle/access/users` of the same name (Jean Dupont, distinct \
                emails): the server picks the username by rule and sends the set-password email. **stock**: N concurrent \
                `POST /admin/realms/lifecycle/users` with explicit distinct usernames, each followed by \
                `PUT /users/{id}/execute-actions-email ["UPDATE_PASSWORD"]`, so both sides create one user and send one email. \
                Fixed pool of N threads released together; latency per user = its call(s), from release to last answer; \
                wall = release to last answer of all. Errors: any status other than 201 (and 204 for the stock email call). \
                A sequential warm-up of 10 users per side ran first.

                """);
        Report.Table summary = new Report.Table(
                        "concurrency", "p50 ours/stock", "p95 ours/stock", "wall ours/stock", "errors ours / stock")
                .right(0, 1, 2, 3, 4);
        for (Comparison c : comparisons) {
            ConcurrentPhase.Result o = c.ours();
            ConcurrentPhase.Result s = c.stock();
            md.text("### " + o.concurrency() + " concurrent users\n\n");
            md.table(new Report.Table("figure", "ours", "stock", "ours/stock")
                    .right(1, 2, 3)
                    .row(
                            "requests (users asked for)",
                            o.outcomes().size(),
                            s.outcomes().size(),
                            "")
                    .row("created (201)", o.ok(), s.ok(), "")
                    .row("errors", o.errors(), s.errors(), "")
                    .row("distinct usernames", o.distinctUsernames(), s.distinctUsernames(), "")
                    .row("emails received by the sink", c.oursMail(), c.stockMail(), "")
                    .row("latency p50 (ms)", ms(o.percentileMillis(50)), ms(s.percentileMillis(50)), c.ratio(50))
                    .row("latency p95 (ms)", ms(o.percentileMillis(95)), ms(s.percentileMillis(95)), c.ratio(95))
                    .row("latency max (ms)", ms(o.maxMillis()), ms(s.maxMillis()), c.ratio(100))
                    .row(
                            "wall time (ms)",
                            ms(o.wallMillis()),
                            ms(s.wallMillis()),
                            ratio(o.wallMillis(), s.wallMillis()))
                    .row(
                            "users created per second",
                            f("%,.1f", o.usersPerSecond()),
                            f("%,.1f", s.usersPerSecond()),
                            ratio(o.usersPerSecond(), s.usersPerSecond())));
            md.text("\nours: " + o.note() + ". stock: " + s.note() + ".\n");
            md.errors("ours", o.errorSummary())
                    .errors("stock", s.errorSummary())
                    .text("\n");
            summary.row(
                    o.concurrency(),
                    c.ratio(50),
                    c.ratio(95),
                    ratio(o.wallMillis(), s.wallMillis()),
                    o.errors() + " / " + s.errors());
        }

        md.section("Summary (ours/stock; below 1 means ours is faster)").table(summary);
        if (!jmh.isEmpty() && !comparisons.isEmpty()) {
            double perName = 1e3 / Double.parseDouble(jmh.getProperty("ours.score"));
            ConcurrentPhase.Result first = comparisons.get(0).ours();
            md.text(
                    "\nIn-process generation of one username takes %.3f ms; a declaration's p50 at %d concurrent was "
                            + "%,.0f ms: generation itself is %.2g %% of it, the rest is the server's work (database, "
                            + "retries on collision, email).\n",
                    perName,
                    first.concurrency(),
                    first.percentileMillis(50),
                    100 * perName / first.percentileMillis(50));
        }
        md.keycloakErrors(opts.get("kc-log"));

        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("build (mvn, when needed) and bench client", opts.get("build-seconds"));
        steps.put("JMH (in-process, before Keycloak starts)", opts.get("jmh-seconds"));
        steps.put("Keycloak start (until /realms/lifecycle answers)", opts.get("kc-start-seconds"));
        steps.put("warm-up and concurrent phases", f("%.1f", serverSeconds));
        md.timings(steps, opts.get("script-start"));

        md.text(
                "\n<details><summary>Usernames the rule gives for the 50 bench names (nobody holding any)</summary>\n\n");
        Report.Table names = new Report.Table("name", "username");
        for (String[] row : UsernameGenerationBenchmark.sample()) {
            names.row(row[0], "`" + row[1] + "`");
        }
        return md.table(names).text("\n</details>\n");
    }
}
