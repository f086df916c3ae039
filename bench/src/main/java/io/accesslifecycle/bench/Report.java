package io.accesslifecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** The Markdown report: machine facts, the JMH scores, the concurrent phases side by side, the ratios. */
final class Report {

    private Report() {}

    static String render(
            Map<String, String> opts,
            Properties jmh,
            List<UsernamesBench.Comparison> comparisons,
            double serverSeconds) {
        StringBuilder md = new StringBuilder();
        String now = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        md.append("# Usernames benchmark: Access Lifecycle vs stock Keycloak\n\n");
        md.append("Run ")
                .append(now)
                .append(". Both sides ran on the same machine, in the same run, against the same server.\n\n");

        md.append("## Machine\n\n");
        md.append(new Table("fact", "value")
                .row("date", now)
                .row(
                        "CPUs (nproc)",
                        opts.getOrDefault(
                                "nproc", Integer.toString(Runtime.getRuntime().availableProcessors())))
                .row("CPU model", cpuModel())
                .row("memory", memory())
                .row(
                        "OS",
                        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                                + System.getProperty("os.arch"))
                .row("java -version", opts.getOrDefault("java-version", System.getProperty("java.runtime.version")))
                .row("Keycloak", opts.getOrDefault("kc-version", "?") + " (`start-dev`, H2 in memory, default pools)")
                .row("project (commit; bundle jar benched)", opts.getOrDefault("git", "?"))
                .row("load average 1/5/15 min, before JMH", jmh.getProperty("loadavg", "?"))
                .row("load average 1/5/15 min, before server phases", opts.getOrDefault("loadavg-server", "?"))
                .row("load average 1/5/15 min, at report", UsernamesBench.loadAverage())
                .render());

        md.append("\n## 1. Username generation, one thread, in-process (JMH)\n\n");
        if (jmh.isEmpty()) {
            md.append("_JMH scores missing (the `jmh` step did not run or failed)._\n");
        } else {
            double ours = Double.parseDouble(jmh.getProperty("ours.score"));
            double stock = Double.parseDouble(jmh.getProperty("stock.score"));
            md.append(
                            "50 varied names (accents, compound first names, particles, Cyrillic, Greek, Vietnamese, Arabic, Han, kana); ")
                    .append(jmh.getProperty("config", ""))
                    .append(".\n\n");
            md.append(new Table("benchmark", "names/s", "± (99.9 %)", "ns per name")
                    .right(1, 2, 3)
                    .row(
                            "ours: `rule.firstFree(rule.name(first, last), p -> Set.of())`",
                            fmt(ours, "%,.0f"),
                            fmt(Double.parseDouble(jmh.getProperty("ours.error")), "%,.0f"),
                            fmt(1e9 / ours, "%,.0f"))
                    .row(
                            "stock: `username.toLowerCase(Locale.ROOT)`",
                            fmt(stock, "%,.0f"),
                            fmt(Double.parseDouble(jmh.getProperty("stock.error")), "%,.0f"),
                            fmt(1e9 / stock, "%,.1f"))
                    .render());
            md.append(String.format(
                    Locale.ROOT,
                    "%nRatio of the time per name, ours/stock: **%.0f** (ours: %.1f µs of one core "
                            + "per name, ICU transliteration included; stock: %.3f µs).%n",
                    stock / ours,
                    1e6 / ours,
                    1e6 / stock));
        }

        md.append("\n## 2. Concurrent user creation against the running server\n\n");
        md.append("""
                **ours**: N concurrent `POST /admin/realms/lifecycle/access/users` of the same name (Jean Dupont, distinct \
                emails): the server picks the username by rule and sends the set-password email. **stock**: N concurrent \
                `POST /admin/realms/lifecycle/users` with explicit distinct usernames, each followed by \
                `PUT /users/{id}/execute-actions-email ["UPDATE_PASSWORD"]`, so both sides create one user and send one email. \
                Fixed pool of N threads released together; latency per user = its call(s), from release to last answer; \
                wall = release to last answer of all. Errors: any status other than 201 (and 204 for the stock email call). \
                A sequential warm-up of 10 users per side ran first.

                """);
        Table summary = new Table(
                        "concurrency", "p50 ours/stock", "p95 ours/stock", "wall ours/stock", "errors ours / stock")
                .right(0, 1, 2, 3, 4);
        for (UsernamesBench.Comparison c : comparisons) {
            ConcurrentPhase.Result o = c.ours();
            ConcurrentPhase.Result s = c.stock();
            md.append("### ").append(o.concurrency()).append(" concurrent users\n\n");
            md.append(new Table("figure", "ours", "stock", "ours/stock")
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
                    .row(
                            "latency p50 (ms)",
                            ms(o.percentileMillis(50)),
                            ms(s.percentileMillis(50)),
                            ratio(o.percentileMillis(50), s.percentileMillis(50)))
                    .row(
                            "latency p95 (ms)",
                            ms(o.percentileMillis(95)),
                            ms(s.percentileMillis(95)),
                            ratio(o.percentileMillis(95), s.percentileMillis(95)))
                    .row("latency max (ms)", ms(o.maxMillis()), ms(s.maxMillis()), ratio(o.maxMillis(), s.maxMillis()))
                    .row(
                            "wall time (ms)",
                            ms(o.wallMillis()),
                            ms(s.wallMillis()),
                            ratio(o.wallMillis(), s.wallMillis()))
                    .row(
                            "users created per second",
                            fmt(o.usersPerSecond(), "%,.1f"),
                            fmt(s.usersPerSecond(), "%,.1f"),
                            ratio(o.usersPerSecond(), s.usersPerSecond()))
                    .render());
            md.append("\nours: ")
                    .append(o.note())
                    .append(". stock: ")
                    .append(s.note())
                    .append(".\n");
            errors(md, "ours", o);
            errors(md, "stock", s);
            md.append('\n');
            summary.row(
                    o.concurrency(),
                    ratio(o.percentileMillis(50), s.percentileMillis(50)),
                    ratio(o.percentileMillis(95), s.percentileMillis(95)),
                    ratio(o.wallMillis(), s.wallMillis()),
                    o.errors() + " / " + s.errors());
        }

        md.append("## Summary (ours/stock; below 1 means ours is faster)\n\n");
        md.append(summary.render());
        if (!jmh.isEmpty() && !comparisons.isEmpty()) {
            double perName = 1e3 / Double.parseDouble(jmh.getProperty("ours.score"));
            double p50 = comparisons.get(0).ours().percentileMillis(50);
            md.append(String.format(
                    Locale.ROOT,
                    "%nIn-process generation of one username takes %.3f ms; a declaration's p50 at %d "
                            + "concurrent was %,.0f ms: generation itself is %.2g %% of it, the rest is the server's work (database, "
                            + "retries on collision, email).%n",
                    perName,
                    comparisons.get(0).ours().concurrency(),
                    p50,
                    100 * perName / p50));
        }
        serverErrors(md, opts.get("kc-log"));

        md.append("\n## Timings of this run\n\n");
        Table timings = new Table("step", "seconds").right(1);
        for (String step : List.of("build", "jmh", "kc-start")) {
            if (opts.containsKey(step + "-seconds")) {
                timings.row(
                        switch (step) {
                            case "build" -> "build (mvn, when needed) and bench client";
                            case "jmh" -> "JMH (in-process, before Keycloak starts)";
                            default -> "Keycloak start (until /realms/lifecycle answers)";
                        },
                        opts.get(step + "-seconds"));
            }
        }
        timings.row("warm-up and concurrent phases", fmt(serverSeconds, "%.1f"));
        if (opts.containsKey("script-start")) {
            timings.row(
                    "script so far (Keycloak stop follows)",
                    fmt(Instant.now().getEpochSecond() - Long.parseLong(opts.get("script-start")), "%d"));
        }
        md.append(timings.render());

        md.append(
                "\n<details><summary>Usernames the rule gives for the 50 bench names (nobody holding any)</summary>\n\n");
        Table names = new Table("name", "username");
        for (String[] row : UsernameGenerationBenchmark.sample()) {
            names.row(row[0], "`" + row[1] + "`");
        }
        md.append(names.render()).append("\n</details>\n");
        return md.toString();
    }

    /** The root causes of the server errors Keycloak logged during the run (ERROR lines and their last "Caused by"). */
    static void serverErrors(StringBuilder md, String log) {
        if (log == null || !Files.exists(Path.of(log))) {
            return;
        }
        Map<String, Long> causes = new java.util.LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(Path.of(log), java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.matches("^\\d{4}-\\d\\d-\\d\\d .* ERROR .*")) {
                    continue;
                }
                String cause = line.replaceFirst("^.*? ERROR +\\[[^\\]]*] \\([^)]*\\) ", "");
                for (int j = i + 1; j < lines.size() && !lines.get(j).matches("^\\d{4}-\\d\\d-\\d\\d .*"); j++) {
                    if (lines.get(j).startsWith("Caused by: ")) {
                        cause = lines.get(j).substring("Caused by: ".length());
                    }
                }
                cause = cause.replaceAll("; SQL statement:.*", "");
                causes.merge(cause.length() > 200 ? cause.substring(0, 200) + "..." : cause, 1L, Long::sum);
            }
        } catch (IOException | RuntimeException e) {
            md.append("\n_Keycloak log unreadable: ").append(e).append("_\n");
            return;
        }
        md.append("\n## Errors in the Keycloak log\n\n");
        if (causes.isEmpty()) {
            md.append("None.\n");
            return;
        }
        md.append("Root causes of the ERROR entries (from `").append(log).append("`):\n\n");
        causes.forEach((cause, n) -> md.append("- ×")
                .append(n)
                .append(" `")
                .append(cause.replace("`", "'"))
                .append("`\n"));
    }

    private static void errors(StringBuilder md, String side, ConcurrentPhase.Result r) {
        Map<String, Long> errors = r.errorSummary();
        int shown = 0;
        for (Map.Entry<String, Long> e : errors.entrySet()) {
            if (shown++ == 5) {
                md.append("- ")
                        .append(side)
                        .append(": ")
                        .append(errors.size() - 5)
                        .append(" more kinds of error\n");
                break;
            }
            md.append("- ")
                    .append(side)
                    .append(" error ×")
                    .append(e.getValue())
                    .append(": `")
                    .append(e.getKey().replace("`", "'"))
                    .append("`\n");
        }
    }

    private static String ms(double v) {
        return fmt(v, "%,.0f");
    }

    private static String ratio(double ours, double stock) {
        return stock > 0 && !Double.isNaN(ours) ? fmt(ours / stock, "%.2f") : "n/a";
    }

    private static String fmt(double v, String format) {
        return String.format(Locale.ROOT, format, v);
    }

    private static String fmt(long v, String format) {
        return String.format(Locale.ROOT, format, v);
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.replaceFirst("^[^:]*:\\s*", ""))
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .map(l -> {
                        long kb = Long.parseLong(l.replaceAll("\\D", ""));
                        return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                    })
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
