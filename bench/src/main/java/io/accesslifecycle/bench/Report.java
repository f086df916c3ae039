package io.accesslifecycle.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one report writer of the bench. Every benchmark (usernames, invitations, run-all) writes its sections through
 * it and hands the result back to print and file, so that tables, number formats, machine facts, the errors in
 * Keycloak's log and the timings of a run are written once and read the same in every report.
 */
final class Report {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder md = new StringBuilder();
    private final Instant now;

    Report(String title, Instant now) {
        this.now = now;
        md.append("# ").append(title).append("\n\n");
    }

    /** The report's date, as every report prints it. */
    String date() {
        return DATE.format(now);
    }

    /** Text as it is: the caller ends its paragraphs with a blank line. */
    Report text(String text) {
        md.append(text);
        return this;
    }

    /** {@link String#format} in the root locale, appended. */
    Report text(String format, Object... args) {
        return text(f(format, args));
    }

    /** A {@code ##} heading, after a blank line. */
    Report section(String heading) {
        if (!md.toString().endsWith("\n\n")) {
            md.append(md.toString().endsWith("\n") ? "\n" : "\n\n");
        }
        md.append("## ").append(heading).append("\n\n");
        return this;
    }

    Report table(Table table) {
        md.append(table.render());
        return this;
    }

    /** Another report inside this one, its headings two levels down. */
    Report embed(String report) {
        md.append(report.replaceAll("(?m)^#", "###"));
        return this;
    }

    /** One bullet per kind of error, most frequent first as given, at most five and a line for the rest. */
    Report errors(String side, Map<String, ? extends Number> counts) {
        int shown = 0;
        for (Map.Entry<String, ? extends Number> e : counts.entrySet()) {
            if (shown++ == 5) {
                return text("- %s: %d more kinds of error\n", side, counts.size() - 5);
            }
            text("- %s error ×%s: %s\n", side, e.getValue(), code(e.getKey()));
        }
        return this;
    }

    /**
     * The machine: date, CPUs, CPU model, memory, OS and {@code java -version}, then the rows the benchmark adds,
     * then the load average now; {@code facts} are the script's options ({@code nproc}, {@code java-version}).
     */
    Report machine(Map<String, String> facts, Map<String, String> rows) {
        Table t = new Table("fact", "value")
                .row("date", date())
                .row(
                        "CPUs (nproc)",
                        facts.getOrDefault(
                                "nproc", Integer.toString(Runtime.getRuntime().availableProcessors())))
                .row("CPU model", procLine("/proc/cpuinfo", "model name", l -> l.replaceFirst("^[^:]*:\\s*", "")))
                .row(
                        "memory",
                        procLine(
                                "/proc/meminfo",
                                "MemTotal",
                                l -> f("%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0)))
                .row(
                        "OS",
                        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                                + System.getProperty("os.arch"))
                .row("java -version", facts.getOrDefault("java-version", System.getProperty("java.runtime.version")));
        rows.forEach(t::row);
        return section("Machine").table(t.row("load average 1/5/15 min, at report", loadAverage()));
    }

    /** The root causes of the ERROR entries of Keycloak's log (each ERROR line, or its last "Caused by"), counted. */
    Report keycloakErrors(String log) {
        if (log == null || !Files.exists(Path.of(log))) {
            return this;
        }
        Map<String, Long> causes = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(Path.of(log), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).matches("^\\d{4}-\\d\\d-\\d\\d .* ERROR .*")) {
                    continue;
                }
                String cause = lines.get(i).replaceFirst("^.*? ERROR +\\[[^\\]]*] \\([^)]*\\) ", "");
                for (int j = i + 1; j < lines.size() && !lines.get(j).matches("^\\d{4}-\\d\\d-\\d\\d .*"); j++) {
                    if (lines.get(j).startsWith("Caused by: ")) {
                        cause = lines.get(j).substring("Caused by: ".length());
                    }
                }
                cause = cause.replaceAll("; SQL statement:.*", "");
                causes.merge(cause.length() > 200 ? cause.substring(0, 200) + "..." : cause, 1L, Long::sum);
            }
        } catch (IOException | RuntimeException e) {
            return text("\n_Keycloak log unreadable: " + e + "_\n");
        }
        section("Errors in the Keycloak log");
        if (causes.isEmpty()) {
            return text("None.\n");
        }
        text("Root causes of the ERROR entries (from `" + log + "`):\n\n");
        causes.forEach((cause, n) -> text("- ×%d %s\n", n, code(cause)));
        return this;
    }

    /** Seconds per step (a step without seconds left out); with {@code scriptStart} (epoch seconds) the script so far. */
    Report timings(Map<String, String> steps, String scriptStart) {
        Table t = new Table("step", "seconds").right(1);
        steps.forEach((step, seconds) -> {
            if (seconds != null) {
                t.row(step, seconds);
            }
        });
        if (scriptStart != null) {
            t.row("script so far (Keycloak stop follows)", now.getEpochSecond() - Long.parseLong(scriptStart));
        }
        return section("Timings of this run").table(t);
    }

    String markdown() {
        return md.toString();
    }

    /** Prints the report, writes it to {@code dir/<name>-<UTC>.md} and copies it to {@code dir/latest-<name>.md}. */
    Path write(Path dir, String name) throws IOException {
        System.out.println();
        System.out.println(md);
        Files.createDirectories(dir);
        Path file = dir.resolve(name + "-" + STAMP.format(now) + ".md");
        Files.writeString(file, md, StandardCharsets.UTF_8);
        Path latest = dir.resolve("latest-" + name + ".md");
        Files.copy(file, latest, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Written: " + file + " (and " + latest + ")");
        return file;
    }

    // ------------------------------------------------------------------------------------------------- facts

    /** The {@code --key=value} arguments from {@code args[from]} on, in order ({@code --flag} alone is "true"). */
    static Map<String, String> options(String[] args, int from) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : Arrays.asList(args).subList(from, args.length)) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return options;
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

    private static String procLine(String file, String prefix, java.util.function.UnaryOperator<String> value) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(l -> l.startsWith(prefix))
                    .map(value)
                    .findFirst()
                    .orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    // ------------------------------------------------------------------------------------------------ figures

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** {@code num/den} to two decimals; "n/a" when either is unknown or the denominator is not positive. */
    static String ratio(double num, double den) {
        return Double.isNaN(num) || Double.isNaN(den) || den <= 0 ? "n/a" : f("%.2f", num / den);
    }

    static String sec(double millis) {
        return Double.isNaN(millis) ? "n/a" : f("%.2f s", millis / 1000);
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "n/a" : f("%,.0f", millis);
    }

    /** Nearest-rank percentile of the values (NaN when there are none). */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Inline code, its backquotes made quotes. */
    static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }

    /** A Markdown table whose columns are padded, so it reads the same on a terminal and in a rendered file. */
    static final class Table {

        private final List<String[]> rows = new ArrayList<>();
        private final boolean[] right;

        Table(String... header) {
            rows.add(header);
            right = new boolean[header.length];
        }

        /** Right-aligns the given columns (numbers). */
        Table right(int... columns) {
            for (int c : columns) {
                right[c] = true;
            }
            return this;
        }

        Table row(Object... cells) {
            rows.add(Arrays.stream(cells)
                    .map(c -> String.valueOf(c).replace("|", "\\|"))
                    .toArray(String[]::new));
            return this;
        }

        String render() {
            int[] width = new int[right.length];
            for (String[] r : rows) {
                for (int i = 0; i < width.length; i++) {
                    width[i] = Math.max(Math.max(width[i], 3), width(r[i]));
                }
            }
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < rows.size(); k++) {
                b.append('|');
                for (int i = 0; i < width.length; i++) {
                    String cell = rows.get(k)[i];
                    String pad = " ".repeat(width[i] - width(cell));
                    b.append(' ').append(right[i] ? pad + cell : cell + pad).append(" |");
                }
                b.append('\n');
                if (k == 0) {
                    b.append('|');
                    for (int i = 0; i < width.length; i++) {
                        b.append(' ')
                                .append("-".repeat(width[i] - (right[i] ? 1 : 0)))
                                .append(right[i] ? ": |" : " |");
                    }
                    b.append('\n');
                }
            }
            return b.toString();
        }

        /** Terminal columns: East Asian wide characters take two. */
        static int width(String s) {
            return s.codePoints().map(c -> wide(c) ? 2 : 1).sum();
        }

        private static boolean wide(int c) {
            return (c >= 0x1100 && c <= 0x115F)
                    || (c >= 0x2E80 && c <= 0xA4CF)
                    || (c >= 0xAC00 && c <= 0xD7A3)
                    || (c >= 0xF900 && c <= 0xFAFF)
                    || (c >= 0xFE30 && c <= 0xFE4F)
                    || (c >= 0xFF00 && c <= 0xFF60)
                    || (c >= 0xFFE0 && c <= 0xFFE6)
                    || (c >= 0x20000 && c <= 0x3FFFD);
        }
    }
}
