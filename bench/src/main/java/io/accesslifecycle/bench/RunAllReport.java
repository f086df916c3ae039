package io.accesslifecycle.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sections of bench/run-all.sh's report, written through {@link Report} to bench/RESULTS.md (and printed): the
 * facts the script collected (a key=value file: machine, versions, timings, memory samples, the expiry figures), the
 * Gatling figures of each simulation on each side (read from each run's index.html, the "warm-up" requests left out),
 * the ratios ours/stock, and the invitations report of the same run.
 *
 * <p>{@code java ... RunAllReport --facts=FILE --gatling=DIR --out=FILE [--invitations=FILE]}, DIR holding one
 * folder per run, named {@code <side>-<simulation>} (side ours, stock or nocheck).
 */
public final class RunAllReport {

    /** One request's figures over the measured part of a run. */
    record Stats(long ok, long ko, double perSecond, double mean, double p50, double p95, double p99, double max) {}

    private RunAllReport() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> o = Report.options(args, 0);
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(o.get("facts")), StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                facts.put(line.substring(0, eq), line.substring(eq + 1).replace("\\n", "\n"));
            }
        }
        Path invitations = o.containsKey("invitations") ? Path.of(o.get("invitations")) : null;
        String md = report(facts, Path.of(o.get("gatling")), invitations).markdown();
        Files.writeString(Path.of(o.get("out")), md, StandardCharsets.UTF_8);
        System.out.println(md);
    }

    static Report report(Map<String, String> f, Path gatling, Path invitations) throws IOException {
        Report md = new Report("Benchmarks: Access Lifecycle vs stock Keycloak", Instant.now());
        String users = f.getOrDefault("users", "?");
        md.text("One run of `bench/run-all.sh`, " + f.getOrDefault("date", "?")
                + ". Both sides on the same machine, in the same run, one after the other (never at once), each on its "
                + "own fresh PostgreSQL database with the same realm and the same " + users
                + " bulk-loaded users. Ours "
                + "is the Keycloak distribution with the bundle's jars; stock is the same distribution without them, its "
                + "realm the same file without what needs our providers: the login and email themes, and the bindings "
                + "of the browser and direct grant flows with our end-date check (stock binds its default flows).\n\n");
        double seconds = Double.parseDouble(f.getOrDefault("seconds", "1"));
        if (!"100000".equals(f.get("users")) || seconds < 60) {
            md.text("**A smoke run** (" + users + " users, " + f.getOrDefault("seconds", "?") + " s per load): it "
                    + "shows that the suite works, not the figures the targets are about (100,000 users, 60 s per "
                    + "load: `bash bench/run-all.sh`).\n\n");
        }
        Report.Table machine = new Report.Table("fact", "value");
        for (String k : List.of(
                "date",
                "nproc",
                "cpu",
                "memory",
                "os",
                "java",
                "keycloak",
                "postgresql",
                "git",
                "keycloak options",
                "users",
                "load",
                "load average at start",
                "load average at end",
                "duration")) {
            if (f.containsKey(k)) {
                machine.row(k, f.get(k));
            }
        }
        md.section("Machine and versions").table(machine);

        md.section("1. Sign-in, ours vs stock");
        md.text("Gatling " + f.getOrDefault("gatling", "") + ", closed model: " + f.getOrDefault("concurrency", "?")
                + " virtual users at once, each signing in once with a random bulk user, a new one as one ends; "
                + f.getOrDefault("warmup", "?") + " s of warm-up (left out), then " + f.getOrDefault("seconds", "?")
                + " s measured. Latencies in ms.\n\n");
        comparison(md, gatling, "password-grant", List.of("password grant"), "sign-ins/s", seconds, "stock");
        List<String> browser = List.of("browser login: login page", "browser login: credentials");
        comparison(md, gatling, "browser-login", browser, "per s", seconds, "stock");

        md.section("2. Administrators' user list at " + users + " users");
        md.text("Pages of 50. Ours: `GET /admin/realms/lifecycle/access/users?max=50&status=…` ("
                + f.getOrDefault("list.ours", "") + "); stock: `GET /admin/realms/lifecycle/users?max=50&q=…` ("
                + f.getOrDefault("list.stock", "")
                + "), the nearest stock call (stock has no status). Target: ours p95 under 300 ms.\n\n");
        comparison(md, gatling, "user-list", List.of("user list"), "pages/s", seconds, "stock");
        stats(gatling, "ours-user-list", "user list", seconds)
                .ifPresent(s -> md.text(
                        "\nOurs p95: **%.0f ms** (%s the 300 ms target).\n",
                        s.p95(), s.p95() < 300 ? "within" : "over"));

        md.section("3. Expiry selection and sweep at " + users + " users");
        md.text(f.getOrDefault("expiry", "_not measured in this run_") + "\n");

        md.section("3b. The end-date check on versus off (ours, same server, same realm)");
        md.text(
                "\"Off\" binds Keycloak's default browser and direct-grant flows instead of the sample realm's ones that "
                        + "add the check. Target: throughput within 5 %, no extra SQL per sign-in.\n\n");
        md.text(f.getOrDefault("check.sql", "_SQL not counted in this run_") + "\n\n");
        comparison(md, gatling, "password-grant", List.of("password grant"), "sign-ins/s", seconds, "nocheck");

        md.section("4. Server memory after each phase");
        md.text("Resident set size of Keycloak's java process (`/proc/<pid>/status` VmRSS) and heap in use "
                + "(`jvm_memory_used_bytes{area=\"heap\"}` of the management `/metrics`, summed over pools), sampled "
                + "after each phase.\n\n");
        Report.Table memory = new Report.Table("after", "ours RSS MB", "ours heap MB", "stock RSS MB", "stock heap MB")
                .right(1, 2, 3, 4);
        f.keySet().stream()
                .filter(k -> k.startsWith("memory.") && k.endsWith(".rss"))
                .map(k -> k.substring(k.indexOf('.', "memory.".length()) + 1, k.length() - ".rss".length()))
                .distinct()
                .forEach(phase -> memory.row(
                        phase,
                        f.getOrDefault("memory.ours." + phase + ".rss", "-"),
                        f.getOrDefault("memory.ours." + phase + ".heap", "-"),
                        f.getOrDefault("memory.stock." + phase + ".rss", "-"),
                        f.getOrDefault("memory.stock." + phase + ".heap", "-")));
        md.table(memory);

        md.section("5. " + f.getOrDefault("invitations", "1000")
                + " invitations and their emails (ours vs stock organization invitations, same server)");
        if (invitations != null && Files.exists(invitations)) {
            md.text("The report of `bench/invitations.sh`'s client, run against our server of this run:\n\n")
                    .embed(Files.readString(invitations));
        } else {
            md.text("_not measured in this run_\n");
        }

        Map<String, String> steps = new LinkedHashMap<>();
        f.forEach((k, v) -> {
            if (k.startsWith("time.")) {
                steps.put(k.substring("time.".length()), v);
            }
        });
        return md.timings(steps, null);
    }

    /** Ours against {@code other} (Gatling runs named {@code side-simulation}), side by side, and the ratios ours/other. */
    private static void comparison(
            Report md,
            Path gatling,
            String simulation,
            List<String> requests,
            String unit,
            double seconds,
            String other)
            throws IOException {
        Report.Table t = new Report.Table("request", "side", "ok", "failed", unit, "mean", "p50", "p95", "p99", "max")
                .right(2, 3, 4, 5, 6, 7, 8, 9);
        List<String> ratios = new ArrayList<>();
        for (String request : requests) {
            Optional<Stats> ours = stats(gatling, "ours-" + simulation, request, seconds);
            Optional<Stats> theirs = stats(gatling, other + "-" + simulation, request, seconds);
            for (var side : List.of(Map.entry("ours", ours), Map.entry(other, theirs))) {
                side.getValue()
                        .ifPresentOrElse(
                                s -> t.row(
                                        request,
                                        side.getKey(),
                                        s.ok(),
                                        s.ko(),
                                        fmt(s.perSecond()),
                                        fmt(s.mean()),
                                        fmt(s.p50()),
                                        fmt(s.p95()),
                                        fmt(s.p99()),
                                        fmt(s.max())),
                                () -> t.row(request, side.getKey(), "-", "-", "-", "-", "-", "-", "-", "-"));
            }
            if (ours.isEmpty() || theirs.isEmpty()) {
                continue;
            }
            Stats a = ours.get();
            Stats b = theirs.get();
            if (a.ok() == 0 || b.ok() == 0) {
                ratios.add("- " + request + ": no ratio, a side had no successful request (ours " + a.ok() + " ok, "
                        + other + " " + b.ok() + " ok): see its Gatling log");
                continue;
            }
            double throughput = a.perSecond() / b.perSecond();
            ratios.add(Report.f(
                    "- %s: throughput ours/%s **%.3f** (%s), p50 %.2f, p95 %.2f%s",
                    request,
                    other,
                    throughput,
                    simulation.equals("user-list")
                            ? "the target here is ours' p95, not a ratio"
                            : Math.abs(1 - throughput) <= 0.05 ? "within the 5 % target" : "outside the 5 % target",
                    a.p50() / b.p50(),
                    a.p95() / b.p95(),
                    a.ko() + b.ko() > 0 ? "; failures: ours " + a.ko() + ", " + other + " " + b.ko() : ""));
        }
        md.table(t).text("\n");
        ratios.forEach(r -> md.text(r + "\n"));
        md.text("\n");
    }

    private static String fmt(double v) {
        return Report.f(v >= 100 ? "%.0f" : "%.1f", v);
    }

    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    /**
     * The figures of one request in the run folder {@code dir/name}, from the statistics table of Gatling's
     * index.html (Gatling 3.14 writes no stats.json): columns 2 total, 3 OK, 4 KO, 8 p50, 10 p95, 11 p99, 12 max,
     * 13 mean. Throughput is OK requests over the measured seconds (Gatling's own count per second spans the whole
     * run, warm-up included).
     */
    static Optional<Stats> stats(Path gatling, String run, String request, double measuredSeconds) throws IOException {
        Path dir = gatling.resolve(run);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Optional<Path> index;
        try (Stream<Path> files = Files.walk(dir)) {
            index = files.filter(p -> p.getFileName().toString().equals("index.html"))
                    .findFirst();
        }
        if (index.isEmpty()) {
            return Optional.empty();
        }
        for (String row : Files.readString(index.get()).split("<tr")) {
            Matcher name = NAME.matcher(row);
            if (!name.find() || !name.group(1).trim().equals(request)) {
                continue;
            }
            Map<Integer, Double> cells = new HashMap<>();
            Matcher cell = CELL.matcher(row);
            while (cell.find()) {
                String v = cell.group(2).trim();
                cells.put(Integer.parseInt(cell.group(1)), v.equals("-") || v.isEmpty() ? 0 : Double.parseDouble(v));
            }
            long ok = cells.getOrDefault(3, 0.0).longValue();
            return Optional.of(new Stats(
                    ok,
                    cells.getOrDefault(4, 0.0).longValue(),
                    ok / measuredSeconds,
                    cells.getOrDefault(13, 0.0),
                    cells.getOrDefault(8, 0.0),
                    cells.getOrDefault(10, 0.0),
                    cells.getOrDefault(11, 0.0),
                    cells.getOrDefault(12, 0.0)));
        }
        return Optional.empty();
    }
}
