package io.accesslifecycle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each benchmark's report rendered from fixed figures, so that a change of the writer shows without a bench run. */
class ReportTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void tablesPadColumnsAndAlignNumbers() {
        String table = new Report.Table("name", "n")
                .right(1)
                .row("王明", 5)
                .row("a|b", 12)
                .render();
        assertEquals("| name |   n |\n| ---- | --: |\n| 王明 |   5 |\n| a\\|b |  12 |\n", table);
    }

    @Test
    void usernamesReportComparesOursAndStock() {
        Properties jmh = new Properties();
        jmh.setProperty("ours.score", "40000");
        jmh.setProperty("ours.error", "100");
        jmh.setProperty("stock.score", "40000000");
        jmh.setProperty("stock.error", "1000");
        jmh.setProperty("loadavg", "1 / 1 / 1");
        var ours = phase("ours", 100);
        var stock = phase("stock", 50);
        String md = UsernamesBench.report(
                        Map.of("kc-version", "26.7.0"),
                        jmh,
                        List.of(new UsernamesBench.Comparison(ours, 4, stock, 4)),
                        12.5,
                        NOW)
                .markdown();
        assertTrue(md.startsWith(
                "# Usernames benchmark: Access Lifecycle vs stock Keycloak\n\nRun 2026-12-02 10:00:00 UTC."));
        for (String expected : List.of(
                "## Machine",
                "## 1. Username generation, one thread, in-process (JMH)",
                "Ratio of the time per name, ours/stock: **1000**",
                "### 4 concurrent users",
                "## Summary (ours/stock; below 1 means ours is faster)",
                "## Timings of this run",
                "| warm-up and concurrent phases",
                "- ours error ×1: `POST -> 409`")) {
            assertTrue(md.contains(expected), expected + " in\n" + md);
        }
        assertTrue(md.matches("(?s).*\\| latency p50 \\(ms\\) +\\| +200 \\| +100 \\| +2\\.00 \\|.*"), md);
        assertTrue(md.matches("(?s).*\\| +4 \\| +2\\.00 \\| +2\\.00 \\| +2\\.00 \\| +1 / 1 \\|.*"), md);
    }

    @Test
    void invitationsReportSplitsOurTimeAndGivesTheRatios() {
        long[] arrivals =
                IntStream.range(0, 10).mapToLong(i -> 3_000 + 100L * i).toArray();
        var ours = new InvitationsBench.Ours(
                10, 200, null, 1_000, 10, 0, 0, List.of(), arrivals, 10, 10, Map.of("sent", 10), 10, 300);
        double[] calls = IntStream.range(0, 10).mapToDouble(i -> 800).toArray();
        long[] stockArrivals =
                IntStream.range(0, 10).mapToLong(i -> 800L * (i + 1)).toArray();
        var stock = new InvitationsBench.Stock(10, calls, 10, Map.of(), 8_000, stockArrivals, 10, 10, 0, 0);
        String md = InvitationsBench.report(
                        Map.of("db-label", "H2"), new InvitationsBench.Setup("org-1", ""), ours, stock, NOW)
                .markdown();
        for (String expected : List.of(
                "## Results",
                "## Targets (ours)",
                "## Ours: where the time to all emails goes",
                "## Stock: the sequential calls",
                "## How it ran",
                "## Machine",
                "## Timings of this run",
                "Arrival percentiles: first 3.00 s")) {
            assertTrue(md.contains(expected), expected + " in\n" + md);
        }
        // 8 s of stock calls against ours' 3.9 s to the last email and 1 s to answer
        assertTrue(md.matches("(?s).*\\| stock wall time / our time to all emails +\\| +2\\.05 \\|.*"), md);
        assertTrue(md.matches("(?s).*\\| stock wall time / our answer time +\\| +8\\.00 \\|.*"), md);
    }

    @Test
    void runAllReportReadsGatlingAndEmbedsTheInvitations() throws Exception {
        gatlingRun("ours-password-grant", "password grant", 300, 0, 100, 95);
        gatlingRun("stock-password-grant", "password grant", 200, 1, 150, 190);
        Path invitations = Files.writeString(dir.resolve("latest-invitations.md"), "# Invitations\n\n## Results\n");
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("date", "2026-12-02 09:00:00 UTC");
        facts.put("users", "2000");
        facts.put("seconds", "10");
        facts.put("memory.ours.start.rss", "700");
        facts.put("time.build", "60");
        String md = RunAllReport.report(facts, dir, invitations).markdown();
        for (String expected : List.of(
                "**A smoke run** (2000 users, 10 s per load)",
                "## Machine and versions",
                "- password grant: throughput ours/stock **1.500** (outside the 5 % target), p50 0.67, p95 0.50; "
                        + "failures: ours 0, stock 1",
                "failures: ours 0, stock 1\n\n| request",
                "## 4. Server memory after each phase",
                "## 5. 1000 invitations and their emails",
                "### Invitations\n\n#### Results",
                "## Timings of this run")) {
            assertTrue(md.contains(expected), expected + " in\n" + md);
        }
        assertTrue(md.matches("(?s).*\\| password grant +\\| ours +\\| +300 \\| +0 \\| +30\\.0 \\|.*"), md);
    }

    @Test
    void writesADatedCopyAndTheLatest() throws Exception {
        Path file = new Report("Title", NOW).section("Figures").text("one\n").write(dir, "usernames");
        assertEquals("usernames-20261202T100000Z.md", file.getFileName().toString());
        assertEquals("# Title\n\n## Figures\n\none\n", Files.readString(dir.resolve("latest-usernames.md")));
    }

    private static ConcurrentPhase.Result phase(String side, long millis) {
        List<ConcurrentPhase.Outcome> outcomes = IntStream.range(0, 4)
                .mapToObj(i -> i == 3
                        ? new ConcurrentPhase.Outcome(false, millis * 2_000_000, 0, null, "POST -> 409", false)
                        : new ConcurrentPhase.Outcome(true, millis * 2_000_000, 0, side + i, null, true))
                .toList();
        return new ConcurrentPhase.Result(side, 4, outcomes, millis * 4_000_000, "a note");
    }

    /** The row of one request in the statistics table of Gatling's index.html, as RunAllReport reads it. */
    private void gatlingRun(String run, String request, int ok, int ko, double p50, double p95) throws Exception {
        Path index = Files.createDirectories(dir.resolve(run).resolve("sim-1")).resolve("index.html");
        Files.writeString(
                index,
                "<table><tr><td><span class=\"ellipsed-name\">" + request + "</span></td>"
                        + cell(3, ok) + cell(4, ko) + cell(8, p50) + cell(10, p95) + cell(11, p95) + cell(12, p95)
                        + cell(13, p50) + "</tr></table>");
    }

    private static String cell(int column, double value) {
        return "<td class=\"value total col-" + column + "\">" + value + "</td>";
    }
}
