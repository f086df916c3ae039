package io.accesslifecycle.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * N tasks on a fixed pool of N threads, held at a gate until all are ready, then released together. Each task is one
 * user made (one or two HTTP calls); its latency runs from the moment its thread passes the gate to its last answer.
 * Wall time runs from the gate to the end of the last task.
 */
final class ConcurrentPhase {

    /** What one task did: its status (201 when the user exists and the email call succeeded), its time, its username. */
    record Outcome(boolean ok, long nanos, long endNanos, String username, String error, boolean emailSent) {}

    record Result(String side, int concurrency, List<Outcome> outcomes, long wallNanos, String note) {

        long ok() {
            return outcomes.stream().filter(Outcome::ok).count();
        }

        long errors() {
            return outcomes.size() - ok();
        }

        int distinctUsernames() {
            Set<String> names = new HashSet<>();
            outcomes.stream().filter(Outcome::ok).forEach(o -> names.add(o.username()));
            return names.size();
        }

        long emailsReportedSent() {
            return outcomes.stream().filter(o -> o.ok() && o.emailSent()).count();
        }

        double percentileMillis(double p) {
            return Report.percentile(
                    outcomes.stream().mapToDouble(o -> o.nanos() / 1e6).toArray(), p);
        }

        double maxMillis() {
            return percentileMillis(100);
        }

        double wallMillis() {
            return wallNanos / 1e6;
        }

        double usersPerSecond() {
            return ok() / (wallNanos / 1e9);
        }

        /** The distinct errors, most frequent first, each with its count. */
        Map<String, Long> errorSummary() {
            Map<String, Long> counts = new LinkedHashMap<>();
            outcomes.stream().filter(o -> !o.ok()).forEach(o -> counts.merge(o.error(), 1L, Long::sum));
            List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
            sorted.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
            Map<String, Long> out = new LinkedHashMap<>();
            sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        }
    }

    interface Task {
        Outcome run(long startNanos);
    }

    private ConcurrentPhase() {}

    static Result run(String side, int concurrency, IntFunction<Task> taskFor, String note) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            CountDownLatch ready = new CountDownLatch(concurrency);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                Task task = taskFor.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.run(System.nanoTime());
                }));
            }
            ready.await();
            long gate = System.nanoTime();
            go.countDown();
            Outcome[] outcomes = new Outcome[concurrency];
            for (int i = 0; i < concurrency; i++) {
                outcomes[i] = futures.get(i).get();
            }
            long end =
                    Arrays.stream(outcomes).mapToLong(Outcome::endNanos).max().orElse(gate);
            return new Result(side, concurrency, List.of(outcomes), end - gate, note);
        } finally {
            pool.shutdownNow();
        }
    }

    static String error(Http.Response r, String step) {
        String body = r.body() == null ? "" : r.body().replaceAll("\\s+", " ");
        if (body.length() > 160) {
            body = body.substring(0, 160) + "...";
        }
        return step + " -> " + r.status() + " " + body;
    }
}
