package io.accesslifecycle.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The timer's tick returns at once; a job runs once at a time; a shut-down pool takes nothing. */
class HandOffTest {

    @Test
    void aTickReturnsAtOnceAndSkipsWhileThePreviousRunGoesOn() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        HandOff tick = new HandOff(
                "slow",
                () -> {
                    runs.incrementAndGet();
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                pool);

        long before = System.nanoTime();
        tick.run();
        tick.run();
        tick.run();
        assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(1), "the timer thread is not held");
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertEquals(1, runs.get(), "one run at a time");

        release.countDown();
        CountDownLatch second = new CountDownLatch(1);
        HandOff next = new HandOff("next", second::countDown, pool);
        next.run();
        assertTrue(second.await(5, TimeUnit.SECONDS), "another job runs beside it");
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        tick.run();
        assertEquals(1, runs.get(), "nothing after shutdown");
    }

    @Test
    void aFailedRunDoesNotBlockTheNextTick() throws InterruptedException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch twice = new CountDownLatch(2);
        HandOff tick = new HandOff(
                "failing",
                () -> {
                    runs.incrementAndGet();
                    twice.countDown();
                    throw new IllegalStateException("boom");
                },
                pool);
        tick.run();
        for (int i = 0; i < 500 && runs.get() < 2; i++) {
            tick.run();
            Thread.onSpinWait();
            if (runs.get() < 2) {
                twice.await(10, TimeUnit.MILLISECONDS);
            }
        }
        assertEquals(0, twice.getCount(), "ran again after failing");
        pool.shutdownNow();
    }
}
