package io.accesslifecycle.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
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
        out.setProperty("loadavg", loadAverage());
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().replaceFirst(".*\\.", "");
            out.setProperty(
                    method + ".score", Double.toString(r.getPrimaryResult().getScore()));
            out.setProperty(
                    method + ".error", Double.toString(r.getPrimaryResult().getScoreError()));
            out.setProperty(method + ".unit", r.getPrimaryResult().getScoreUnit());
            out.setProperty("jvm", r.getParams().getJvm());
            out.setProperty(
                    "jdk",
                    r.getParams().getJdkVersion() + " " + r.getParams().getVmName() + " "
                            + r.getParams().getVmVersion());
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
        opts.put("loadavg-server", loadAverage());

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
            String report = Report.render(opts, readJmh(opts.get("jmh")), comparisons, serverSeconds);
            System.out.println();
            System.out.println(report);
            write(report, Path.of(opts.getOrDefault("results", "bench/results")));
        } finally {
            sink.stop();
        }
    }

    record Comparison(ConcurrentPhase.Result ours, int oursMail, ConcurrentPhase.Result stock, int stockMail) {}

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

    /** The 1, 5 and 15 minute load averages: other work on the machine shows here. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
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

    private static void write(String report, Path dir) throws IOException {
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Path file = dir.resolve("usernames-" + stamp + ".md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        Files.copy(file, dir.resolve("latest-usernames.md"), StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Written: " + file + " (and " + dir.resolve("latest-usernames.md") + ")");
    }
}
