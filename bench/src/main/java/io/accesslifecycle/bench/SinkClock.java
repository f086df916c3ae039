package io.accesslifecycle.bench;

import com.icegreen.greenmail.util.GreenMail;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/**
 * When each message of a phase reached the SMTP sink. GreenMail counts a latch down for every message it stores;
 * a latch of N counted from the phase start, polled every {@value #POLL_MILLIS} ms, gives the arrival time of the
 * k-th message to that precision, for almost no CPU (unlike listing the mailboxes of 1000 recipients).
 */
final class SinkClock {

    static final int POLL_MILLIS = 20;

    private final GreenMail sink;

    SinkClock(GreenMail sink) {
        this.sink = sink;
    }

    /** A phase of {@code expected} messages; counting starts now, so start it before the first message can be sent. */
    Phase start(int expected) {
        return new Phase(sink.getManagers().getSmtpManager().createAndAddNewWaitObject(expected), expected);
    }

    static final class Phase {

        private final CountDownLatch latch;
        private final int expected;
        /** nanoTime at which the k-th message (index k-1) was seen; 0 until then. */
        private final long[] arrivals;

        private int seen;

        private Phase(CountDownLatch latch, int expected) {
            this.latch = latch;
            this.expected = expected;
            this.arrivals = new long[expected];
        }

        /**
         * Polls until every expected message arrived or {@code deadlineNanos} (nanoTime) passed; calls
         * {@code progress} with the count every {@code progressMillis}. Returns the messages seen.
         */
        int await(long deadlineNanos, long progressMillis, IntConsumer progress) throws InterruptedException {
            long nextProgress = System.nanoTime() + progressMillis * 1_000_000L;
            while (poll() < expected && System.nanoTime() - deadlineNanos < 0) {
                Thread.sleep(POLL_MILLIS);
                if (progress != null && System.nanoTime() - nextProgress >= 0) {
                    progress.accept(seen);
                    nextProgress += progressMillis * 1_000_000L;
                }
            }
            return poll();
        }

        /** Records the arrivals since the last poll (stamped now) and returns the count so far. */
        synchronized int poll() {
            int now = (int) (expected - latch.getCount());
            if (now > seen) {
                long t = System.nanoTime();
                Arrays.fill(arrivals, seen, now, t);
                seen = now;
            }
            return seen;
        }

        int seen() {
            return seen;
        }

        /** Arrival times (nanoTime) of the messages seen, in order. */
        long[] arrivals() {
            return Arrays.copyOf(arrivals, seen);
        }
    }
}
