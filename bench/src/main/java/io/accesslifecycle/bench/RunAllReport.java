package io.accesslifecycle.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes bench/RESULTS.md for bench/run-all.sh: the facts the script collected (a key=value file: machine,
 * versions, timings, memory samples, the expiry figures), the Gatling figures of each simulation on each side (read
 * from each run's index.html, the "warm-up" requests left out), the ratios ours/stock, and the invitations
 * report of the same run.
 *
 * <p>{@code java ... RunAllReport --facts=FILE --gatling=DIR --out=FILE [--invitations=FILE]}, DIR holding one
 * folder per run, named {@code <side>-<simulation>} (side ours or stock).
 */
public final class RunAllReport {

    /** One request's figures over the measured part of a run. */
    record Stats(long ok, long ko, double perSecond, double mean, double p50, double p95, double p99, double max) {}

    private RunAllReport() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            o.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(o.get("facts")), StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                facts.put(line.substring(0, eq), line.substring(eq + 1).replace("\\n", "\n"));
            }
        }
        Path gatling = Path.of(o.get("gatling"));
        String md = render(facts, gatling, o.containsKey("invitations") ? Path.of(o.get("invitations")) : null);
        Files.writeString(Path.of(o.get("out")), md, StandardCharsets.UTF_8);
        System.out.println(md);
    }

    static String render(Map<String, String> f, Path gatling, Path invitations) throws IOException {
        StringBuilder md = new StringBuilder("# Benchmarks: Access Lifecycle vs stock Keycloak\n\n");
        md.append("One run of `bench/run-all.sh`, ")
                .append(f.getOrDefault("date", "?"))
                .append(
                        ". Both sides on the same machine, in the same run, one after the other (never at once), each on its own "
                                + "fresh PostgreSQL database with the same realm and the same ")
                .append(f.getOrDefault("users", "?"))
                .append(
                        " bulk-loaded users. Ours is the Keycloak distribution with the bundle's jars; stock is the same "
                                + "distribution without them, its realm the same file without what needs our providers: the login and email "
                                + "themes, and the bindings of the browser and direct grant flows with our end-date check (stock binds its "
                                + "default flows).\n\n");
        if (!"100000".equals(f.get("users")) || Double.parseDouble(f.getOrDefault("seconds", "0")) < 60) {
            md.append("**A smoke run** (")
                    .append(f.getOrDefault("users", "?"))
                    .append(" users, ")
                    .append(f.getOrDefault("seconds", "?"))
                    .append(" s per load): it shows that the suite works, not the figures the targets are about "
                            + "(100,000 users, 60 s per load: `bash bench/run-all.sh`).\n\n");
        }
        md.append("## Machine and versions\n\n");
        Table machine = new Table("fact", "value");
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
        md.append(machine.render());

        md.append("\n## 1. Sign-in, ours vs stock\n\n");
        md.append("Gatling ")
                .append(f.getOrDefault("gatling", ""))
                .append(", closed model: ")
                .append(f.getOrDefault("concurrency", "?"))
                .append(" virtual users at once, each signing in once with a random bulk user, a new one as one ends; ")
                .append(f.getOrDefault("warmup", "?"))
                .append(" s of warm-up (left out), then ")
                .append(f.getOrDefault("seconds", "?"))
                .append(" s measured. Latencies in ms.\n\n");
        double seconds = Double.parseDouble(f.getOrDefault("seconds", "1"));
        comparison(md, gatling, "password-grant", List.of("password grant"), "sign-ins/s", seconds);
        comparison(
                md,
                gatling,
                "browser-login",
                List.of("browser login: login page", "browser login: credentials"),
                "per s",
                seconds);

        md.append("\n## 2. Administrators' user list at ")
                .append(f.getOrDefault("users", "?"))
                .append(" users\n\n");
        md.append("Pages of 50. Ours: `GET /admin/realms/lifecycle/access/users?max=50&status=…` (")
                .append(f.getOrDefault("list.ours", ""))
                .append("); stock: `GET /admin/realms/lifecycle/users?max=50&q=…` (")
                .append(f.getOrDefault("list.stock", ""))
                .append("), the nearest stock call (stock has no status). Target: ours p95 under 300 ms.\n\n");
        comparison(md, gatling, "user-list", List.of("user list"), "pages/s", seconds);
        stats(gatling, "ours-user-list", "user list", seconds)
                .ifPresent(s -> md.append(String.format(
                        Locale.ROOT,
                        "%nOurs p95: **%.0f ms** (%s the 300 ms target).%n",
                        s.p95(),
                        s.p95() < 300 ? "within" : "over")));

        md.append("\n## 3. Expiry selection and sweep at ")
                .append(f.getOrDefault("users", "?"))
                .append(" users\n\n");
        md.append(f.getOrDefault("expiry", "_not measured in this run_")).append('\n');

        md.append("\n## 3b. The end-date check on versus off (ours, same server, same realm)\n\n");
        md.append(
                "\"Off\" binds Keycloak's default browser and direct-grant flows instead of the sample realm's ones that add "
                        + "the check. Target: throughput within 5 %, no extra SQL per sign-in.\n\n");
        md.append(f.getOrDefault("check.sql", "_SQL not counted in this run_")).append("\n\n");
        comparison(md, gatling, "password-grant", List.of("password grant"), "sign-ins/s", seconds, "ours", "nocheck");

        md.append("\n## 4. Server memory after each phase\n\n");
        md.append(
                "Resident set size of Keycloak's java process (`/proc/<pid>/status` VmRSS) and heap in use "
                        + "(`jvm_memory_used_bytes{area=\"heap\"}` of the management `/metrics`, summed over pools), sampled after each phase.\n\n");
        Table memory =
                new Table("after", "ours RSS MB", "ours heap MB", "stock RSS MB", "stock heap MB").right(1, 2, 3, 4);
        List<String> phases = new ArrayList<>();
        for (String k : f.keySet()) {
            if (k.startsWith("memory.") && k.endsWith(".rss")) {
                String phase = k.substring(k.indexOf('.', "memory.".length()) + 1, k.length() - ".rss".length());
                if (!phases.contains(phase)) {
                    phases.add(phase);
                }
            }
        }
        for (String phase : phases) {
            memory.row(
                    phase,
                    f.getOrDefault("memory.ours." + phase + ".rss", "-"),
                    f.getOrDefault("memory.ours." + phase + ".heap", "-"),
                    f.getOrDefault("memory.stock." + phase + ".rss", "-"),
                    f.getOrDefault("memory.stock." + phase + ".heap", "-"));
        }
        md.append(memory.render());

        md.append("\n## 5. ")
                .append(f.getOrDefault("invitations", "1000"))
                .append(" invitations and their emails (ours vs stock organization invitations, same server)\n\n");
        if (invitations != null && Files.exists(invitations)) {
            md.append("The report of `bench/invitations.sh`'s client, run against our server of this run:\n\n");
            md.append(Files.readString(invitations).replaceAll("(?m)^#", "###")).append('\n');
        } else {
            md.append("_not measured in this run_\n");
        }

        md.append("\n## Timings of this run\n\n");
        Table timings = new Table("step", "seconds").right(1);
        f.forEach((k, v) -> {
            if (k.startsWith("time.")) {
                timings.row(k.substring(5), v);
            }
        });
        md.append(timings.render());
        return md.toString();
    }

    private static void comparison(
            StringBuilder md, Path gatling, String simulation, List<String> requests, String unit, double seconds)
            throws IOException {
        comparison(md, gatling, simulation, requests, unit, seconds, "ours", "stock");
    }

    /** {@code first} against {@code second} (Gatling runs named {@code side-simulation}); ratios first/second. */
    private static void comparison(
            StringBuilder md,
            Path gatling,
            String simulation,
            List<String> requests,
            String unit,
            double seconds,
            String first,
            String second)
            throws IOException {
        Table t = new Table("request", "side", "ok", "failed", unit, "mean", "p50", "p95", "p99", "max")
                .right(2, 3, 4, 5, 6, 7, 8, 9);
        List<String> ratios = new ArrayList<>();
        for (String request : requests) {
            Optional<Stats> ours = stats(gatling, first + "-" + simulation, request, seconds);
            Optional<Stats> stock = stats(gatling, second + "-" + simulation, request, seconds);
            for (var side : List.of(Map.entry(first, ours), Map.entry(second, stock))) {
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
            if (ours.isPresent()
                    && stock.isPresent()
                    && (ours.get().ok() == 0 || stock.get().ok() == 0)) {
                ratios.add("- " + request + ": no ratio, a side had no successful request (" + first + " "
                        + ours.get().ok() + " ok, " + second + " " + stock.get().ok() + " ok): see its Gatling log");
            } else if (ours.isPresent() && stock.isPresent()) {
                Stats a = ours.get();
                Stats b = stock.get();
                double throughput = a.perSecond() / b.perSecond();
                ratios.add(String.format(
                        Locale.ROOT,
                        "- %s: throughput %s/%s **%.3f** (%s), p50 %.2f, p95 %.2f%s",
                        request,
                        first,
                        second,
                        throughput,
                        simulation.equals("user-list")
                                ? "the target here is ours' p95, not a ratio"
                                : Math.abs(1 - throughput) <= 0.05 ? "within the 5 % target" : "outside the 5 % target",
                        a.p50() / b.p50(),
                        a.p95() / b.p95(),
                        a.ko() + b.ko() > 0
                                ? "; failures: " + first + " " + a.ko() + ", " + second + " " + b.ko()
                                : ""));
            }
        }
        md.append(t.render()).append('\n');
        ratios.forEach(r -> md.append(r).append('\n'));
        md.append('\n');
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
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
