package io.accesslifecycle.tests;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

/** How long the tests wait for what the server does in the background, and the one way they wait for it. */
public final class Waits {

    /**
     * An email, a job's effect: background work of the server. Generous, for a loaded shared machine: a passing
     * test waits only as long as the server takes.
     */
    public static final Duration BACKGROUND = Duration.ofSeconds(60);
    /** Two runs of a job (jobs tick every second in the tests' server, see FastJobsServerConfig). */
    public static final Duration JOBS = Duration.ofSeconds(90);

    private Waits() {}

    /** Waits until {@code condition} holds, polling; fails naming {@code what}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, BACKGROUND, condition);
    }

    public static void until(String what, Duration atMost, BooleanSupplier condition) {
        Awaitility.await(what)
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(condition::getAsBoolean);
    }
}
