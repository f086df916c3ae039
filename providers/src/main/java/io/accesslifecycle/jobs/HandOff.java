package io.accesslifecycle.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * What Keycloak's timer runs at each tick of a job: it hands the run to the bundle's pool and returns at once,
 * unless the job's previous run is still queued or running (then the tick is skipped): one run at a time per job.
 */
final class HandOff implements Runnable {

    private static final Logger LOG = Logger.getLogger(HandOff.class);

    private final String name;
    private final Runnable run;
    private final ExecutorService executor;
    private final AtomicBoolean busy = new AtomicBoolean();

    HandOff(String name, Runnable run, ExecutorService executor) {
        this.name = name;
        this.run = run;
        this.executor = executor;
    }

    @Override
    public void run() {
        if (executor.isShutdown() || !busy.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    run.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Job %s failed; it runs again at its next tick", name);
                } finally {
                    busy.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            busy.set(false); // shutting down
        }
    }
}
