package org.billing.invoicing.demo;

import java.util.SplittableRandom;

/**
 * A time-ordered run of calls that fills a budget of CDR rows over a timeline. Each stream draws from
 * its own random generators, so interleaving streams never changes what any of them writes.
 */
final class CallStream {

    /** Chooses the customer (account index) of a call starting at an epoch second. */
    interface CustomerChoice {
        int pick(SplittableRandom random, long startSecond);
    }

    private final Calls calls;
    private final CallTimeline timeline;
    private final CustomerChoice customers;
    private final SplittableRandom random;
    private final SplittableRandom attemptsRandom;
    private final long rowBudget;
    private long rowsWritten;
    private boolean peeked;
    private long nextStart;

    CallStream(Calls calls, CallTimeline timeline, CustomerChoice customers, long seed, long rowBudget) {
        this.calls = calls;
        this.timeline = timeline;
        this.customers = customers;
        SplittableRandom root = new SplittableRandom(seed);
        this.attemptsRandom = root.split();
        this.random = root.split();
        this.rowBudget = rowBudget;
    }

    /**
     * The rows that {@code callCount} calls of one customer take: the same draws the stream makes, so
     * a stream with this budget and that customer writes exactly {@code callCount} calls.
     */
    static long rowsForCalls(Calls calls, int customer, long seed, long callCount) {
        SplittableRandom attemptsRandom = new SplittableRandom(seed).split();
        long rows = 0;
        for (long call = 0; call < callCount; call++) {
            rows += calls.attempts(customer, attemptsRandom);
        }
        return rows;
    }

    boolean hasNext() {
        return rowsWritten < rowBudget;
    }

    /** Start of the next call: the fraction of the budget already written, placed on the timeline. */
    long peekStart() {
        if (!peeked) {
            nextStart = timeline.at((rowsWritten + random.nextDouble()) / rowBudget);
            peeked = true;
        }
        return nextStart;
    }

    void writeNext(CopyWriter out) {
        long start = peekStart();
        peeked = false;
        int customer = customers.pick(random, start);
        int attempts = (int) Math.min(calls.attempts(customer, attemptsRandom), rowBudget - rowsWritten);
        calls.write(out, customer, start, attempts, random);
        rowsWritten += attempts;
    }
}
