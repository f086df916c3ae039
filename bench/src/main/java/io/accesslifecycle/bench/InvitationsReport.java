package io.accesslifecycle.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown report of {@link InvitationsBench}: both sides, the ratios, where our time goes, the machine. */
final class InvitationsReport {

    /** A pause between two arrivals longer than this is a gap between outbox runs (or a stall), not sending. */
    static final long GAP_MILLIS = 1_000;

    private InvitationsReport() {}

    static String render(
            Map<String, String> opts, InvitationsBench.Setup setup, InvitationsBench.Ours o, InvitationsBench.Stock s) {
        StringBuilder md = new StringBuilder();
        String now = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        String db = opts.getOrDefault("db-label", "H2 in memory (`--db=dev-mem`)");
        md.append("# Invitations benchmark: Access Lifecycle vs stock Keycloak\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Run %s: %,d invitations each side, database **%s**. Both sides ran in the same run, "
                        + "against the same Keycloak, one after the other, with the SMTP sink in the bench client (run id `%s`).%n%n",
                now,
                o.count(),
                db,
                opts.getOrDefault("run-id", "?")));

        // ------------------------------------------------------------------------------------------- summary
        md.append("## Results\n\n");
        md.append("""
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
        md.append(new Table("figure", "ours (1 bulk request)", "stock (" + s.count() + " sequential calls)")
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
                .row(
                        "per call p50 / p95 / max",
                        "1 call",
                        ms(s.percentile(50)) + " / " + ms(s.percentile(95)) + " / " + ms(s.max()))
                .row(
                        "**time until all emails reached the sink**",
                        Double.isNaN(oursAll)
                                ? "not within " + fmt(o.mailTimeoutSeconds(), "%.0f s") + " ("
                                        + o.arrivalsMillis().length + " of " + o.accepted() + ")"
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
                        "n/a (sent before the answer)")
                .render());

        md.append("\n**Ratios** (above 1: ours is faster):\n\n");
        md.append(new Table("ratio", "value", "meaning")
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
                        "the administrator (or the script) gets its answer sooner by this factor")
                .render());
        if (o.httpError() != null) {
            md.append("\n- ours error: `")
                    .append(o.httpError().replace("`", "'"))
                    .append("`\n");
        }
        for (String reason : o.rejectReasons()) {
            md.append("\n- ours rejected row, for example: `")
                    .append(reason.replace("`", "'"))
                    .append("`\n");
        }
        int shown = 0;
        for (Map.Entry<String, Integer> e : s.errors().entrySet()) {
            if (shown++ == 5) {
                md.append("- stock: ").append(s.errors().size() - 5).append(" more kinds of error\n");
                break;
            }
            md.append("- stock error ×")
                    .append(e.getValue())
                    .append(": `")
                    .append(e.getKey().replace("`", "'"))
                    .append("`\n");
        }

        // ------------------------------------------------------------------------------------------- targets
        md.append("\n## Targets (ours)\n\n");
        md.append(new Table("target", "measured", "verdict")
                .right(1)
                .row("answer in 5 s (10 s at most on 2 cores)", sec(o.answerMillis()), verdictAnswer(o.answerMillis()))
                .row(
                        "all emails in the sink within 60 s of the request start",
                        Double.isNaN(oursAll) ? "not all" : sec(oursAll),
                        Double.isNaN(oursAll) ? "missed (not all delivered)" : verdictEmails(oursAll))
                .render());

        // ------------------------------------------------------------------------------------------- ours, detail
        md.append("\n## Ours: where the time to all emails goes\n\n");
        long[] a = o.arrivalsMillis();
        if (a.length == 0) {
            md.append("No email reached the sink.\n");
        } else {
            Gaps g = gaps(a);
            double sending = a[a.length - 1] - a[0] - g.totalMillis();
            md.append(new Table("stretch", "seconds", "what")
                    .right(1)
                    .row(
                            "request start → answer",
                            sec(o.answerMillis()),
                            "invitations stored, emails queued, in one transaction")
                    .row(
                            "answer → first email in the sink",
                            sec(a[0] - o.answerMillis()),
                            "until the next outbox run (every 3 s) sends its first message")
                    .row(
                            "first → last email",
                            sec(a[a.length - 1] - a[0]),
                            String.format(
                                    Locale.ROOT,
                                    "%,d messages, %s per second on average",
                                    a.length,
                                    fmt((a.length - 1) / ((a[a.length - 1] - a[0]) / 1000.0), "%.1f")))
                    .row(
                            "  of which pauses over " + GAP_MILLIS / 1000 + " s between two emails",
                            sec(g.totalMillis()),
                            g.count() + " pause(s)" + (g.count() == 0 ? "" : ": " + g.describe())
                                    + " (between outbox runs: a run stops "
                                    + "picking batches after 20 s, the next starts at most 3 s later)")
                    .row(
                            "  of which sending",
                            sec(sending),
                            String.format(
                                    Locale.ROOT,
                                    "%s messages per second while sending "
                                            + "(%.1f ms each: template, SMTP connection, transaction)",
                                    fmt(a.length / (sending / 1000.0), "%.1f"),
                                    sending / a.length))
                    .render());
            md.append("\nEmails in the sink by time since the request start:\n\n");
            Table by = new Table("after", "emails", "share").right(0, 1, 2);
            for (int t : new int[] {5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300}) {
                int n = arrivedBy(a, t * 1000L);
                by.row(t + " s", n, fmt(100.0 * n / Math.max(1, o.accepted()), "%.0f %%"));
                if (n >= o.accepted() || t * 1000L > a[a.length - 1] + 30_000) {
                    break;
                }
            }
            md.append(by.render());
            md.append(String.format(
                    Locale.ROOT,
                    "%nArrival percentiles: first %s, 25 %% %s, 50 %% %s, 75 %% %s, 95 %% %s, last %s "
                            + "(sink polled every %d ms).%n",
                    sec(a[0]),
                    sec(pct(a, 25)),
                    sec(pct(a, 50)),
                    sec(pct(a, 75)),
                    sec(pct(a, 95)),
                    sec(a[a.length - 1]),
                    SinkClock.POLL_MILLIS));
        }

        // ------------------------------------------------------------------------------------------- stock, detail
        md.append("\n## Stock: the sequential calls\n\n");
        double mean = Arrays.stream(s.callMillis()).average().orElse(Double.NaN);
        md.append(new Table("figure", "value")
                .right(1)
                .row("calls", s.count())
                .row("204 (invitation stored and email sent)", s.ok())
                .row(
                        "latency p50 / p95 / max / mean (ms)",
                        ms(s.percentile(50)) + " / " + ms(s.percentile(95)) + " / " + ms(s.max()) + " / "
                                + fmt(mean, "%.1f"))
                .row("wall time, first call's start → last answer", sec(s.wallMillis()))
                .row(
                        "  of which master token renewals between calls",
                        s.tokenRenewals() + " × , " + fmt(s.renewalMillis(), "%.0f") + " ms")
                .row("calls per second", perSecond(s.count(), s.wallMillis()))
                .row(
                        "last email in the sink (from the first call's start)",
                        Double.isNaN(stockAll) ? "not all" : sec(stockAll))
                .render());

        // ------------------------------------------------------------------------------------------- method
        md.append("\n## How it ran\n\n");
        md.append(
                "- Setup: organizations enabled on the realm (`PUT /admin/realms/lifecycle` `{\"organizationsEnabled\":true}`), "
                        + "one organization created (`POST /admin/realms/lifecycle/organizations` `{\"name\":\"bench-<run>\","
                        + "\"domains\":[{\"name\":\"example.org\"}]}`), id `" + setup.orgId() + "`.\n");
        if (!setup.notes().isBlank()) {
            md.append("- ").append(setup.notes()).append(".\n");
        }
        md.append("- Warm-up before the measures: one request of ")
                .append(opts.getOrDefault("warmup", "10"))
                .append(
                        " invitees (ours) and as many invite-user calls (stock), their emails awaited, then the sink emptied.\n");
        md.append(
                "- Ours first, then stock once all of ours had reached the sink (or the wait gave up), so the two never overlap.\n");
        md.append(
                "- One HTTP/1.1 client per side (java.net.http; stock reuses its connection). Keycloak opens one SMTP connection "
                        + "per message on both sides, to GreenMail in the bench client (same machine, same cores), ");
        md.append(
                !"false".equals(opts.getOrDefault("sink-nodelay", "true"))
                        ? "with `TCP_NODELAY` on its connections: otherwise its two-line EHLO reply stalls ~43 ms per message on "
                                + "Nagle's algorithm and delayed ACKs, a cost of the sink that a real MTA does not have (`BENCH_SINK_NODELAY=0` "
                                + "brings the stall back).\n"
                        : "**with Nagle's algorithm on** (`BENCH_SINK_NODELAY=0`): its two-line EHLO reply stalls ~43 ms per message "
                                + "on both sides, which the figures include.\n");
        String kcOpts = opts.getOrDefault("kc-opts", "start-dev").strip();
        md.append("- Keycloak `kc.sh ").append(kcOpts).append("` (default pools");
        md.append(
                        kcOpts.contains("cache-templates=true") || !kcOpts.startsWith("start-dev")
                                ? "; theme and template caches on, as in production"
                                : "; theme and template caches off, as `start-dev` sets them: every email reloads its templates")
                .append(").\n");

        // ------------------------------------------------------------------------------------------- machine
        md.append("\n## Machine\n\n");
        md.append(new Table("fact", "value")
                .row("date", now)
                .row(
                        "CPUs (nproc)",
                        opts.getOrDefault(
                                "nproc", Integer.toString(Runtime.getRuntime().availableProcessors())))
                .row("CPU model", Report.cpuModel())
                .row("memory", Report.memory())
                .row(
                        "OS",
                        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                                + System.getProperty("os.arch"))
                .row("java -version", opts.getOrDefault("java-version", System.getProperty("java.runtime.version")))
                .row("Keycloak", opts.getOrDefault("kc-version", "?") + " (`" + kcOpts.split(" ")[0] + "`)")
                .row("database", db)
                .row("project (commit; bundle jar benched)", opts.getOrDefault("git", "?"))
                .row("load average 1/5/15 min, before the phases", opts.getOrDefault("loadavg-start", "?"))
                .row("load average 1/5/15 min, between ours and stock", opts.getOrDefault("loadavg-between", "?"))
                .row("load average 1/5/15 min, at report", UsernamesBench.loadAverage())
                .render());

        Report.serverErrors(md, opts.get("kc-log"));

        md.append("\n## Timings of this run\n\n");
        Table timings = new Table("step", "seconds").right(1);
        if (opts.containsKey("build-seconds")) {
            timings.row("build (mvn, when needed) and bench client", opts.get("build-seconds"));
        }
        if (opts.containsKey("db-start-seconds")) {
            timings.row("PostgreSQL cluster created and started", opts.get("db-start-seconds"));
        }
        if (opts.containsKey("kc-start-seconds")) {
            timings.row("Keycloak start (until /realms/lifecycle answers)", opts.get("kc-start-seconds"));
        }
        timings.row("setup, warm-up and both phases", opts.getOrDefault("phases-seconds", "?"));
        if (opts.containsKey("script-start")) {
            timings.row(
                    "script so far (Keycloak stop follows)",
                    Long.toString(Instant.now().getEpochSecond() - Long.parseLong(opts.get("script-start"))));
        }
        md.append(timings.render());
        return md.toString();
    }

    // ------------------------------------------------------------------------------------------------- helpers

    record Gaps(List<long[]> list) {
        long totalMillis() {
            return list.stream().mapToLong(g -> g[1] - g[0]).sum();
        }

        int count() {
            return list.size();
        }

        String describe() {
            List<String> out = new ArrayList<>();
            for (long[] g : list.subList(0, Math.min(6, list.size()))) {
                out.add(String.format(Locale.ROOT, "%.1f→%.1f s", g[0] / 1000.0, g[1] / 1000.0));
            }
            return String.join(", ", out) + (list.size() > 6 ? ", ..." : "");
        }
    }

    static Gaps gaps(long[] arrivals) {
        List<long[]> gaps = new ArrayList<>();
        for (int i = 1; i < arrivals.length; i++) {
            if (arrivals[i] - arrivals[i - 1] > GAP_MILLIS) {
                gaps.add(new long[] {arrivals[i - 1], arrivals[i]});
            }
        }
        return new Gaps(gaps);
    }

    private static int arrivedBy(long[] arrivals, long millis) {
        int n = 0;
        for (long t : arrivals) {
            if (t <= millis) {
                n++;
            }
        }
        return n;
    }

    private static double pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String deliveries(InvitationsBench.Ours o) {
        if (o.deliveryStatuses().isEmpty()) {
            return o.listed() + " listed, no delivery status";
        }
        StringBuilder b = new StringBuilder();
        o.deliveryStatuses()
                .forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ")
                        .append(k)
                        .append(' ')
                        .append(v));
        return b + " (of " + o.listed() + " pending listed)";
    }

    private static String verdictAnswer(double millis) {
        if (millis <= InvitationsBench.ANSWER_TARGET_S * 1000) {
            return "target met";
        }
        if (millis <= InvitationsBench.ANSWER_LIMIT_S * 1000) {
            return "over the 5 s target, within the 10 s limit";
        }
        return "over the 10 s limit by " + sec(millis - InvitationsBench.ANSWER_LIMIT_S * 1000);
    }

    private static String verdictEmails(double millis) {
        return millis <= InvitationsBench.EMAILS_TARGET_S * 1000
                ? "target met"
                : "missed by " + sec(millis - InvitationsBench.EMAILS_TARGET_S * 1000);
    }

    private static String perSecond(int n, double millis) {
        return Double.isNaN(millis) || millis <= 0 ? "n/a" : fmt(n / (millis / 1000), "%.1f");
    }

    private static String ratio(double num, double den) {
        return Double.isNaN(num) || Double.isNaN(den) || den <= 0 ? "n/a" : fmt(num / den, "%.2f");
    }

    private static String sec(double millis) {
        return Double.isNaN(millis) ? "n/a" : fmt(millis / 1000, "%.2f s");
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "n/a" : fmt(millis, "%.0f");
    }

    private static String fmt(double v, String format) {
        return String.format(Locale.ROOT, format, v);
    }
}
