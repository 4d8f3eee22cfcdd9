package org.billing.invoicing.invoice;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The call statistics of an invoice's side: how many calls, how long, and when the first and last
 * were. A credit note repeats them as they are (it reverses amounts, not calls). A value.
 */
@Embeddable
public class CallStatistics {

    public static final CallStatistics NONE = new CallStatistics(0, 0, 0, 0, null, null, null, null);

    @Column(name = "calls_count", nullable = false, updatable = false)
    private long callsCount;

    @Column(name = "successful_calls_count", nullable = false, updatable = false)
    private long successfulCallsCount;

    @Column(name = "calls_duration", nullable = false, updatable = false)
    private long callsDuration;

    @Column(name = "billing_duration", nullable = false, updatable = false)
    private long billingDuration;

    @Column(name = "first_call_at", updatable = false)
    private Instant firstCallAt;

    @Column(name = "last_call_at", updatable = false)
    private Instant lastCallAt;

    @Column(name = "first_successful_call_at", updatable = false)
    private Instant firstSuccessfulCallAt;

    @Column(name = "last_successful_call_at", updatable = false)
    private Instant lastSuccessfulCallAt;

    protected CallStatistics() {}

    public CallStatistics(
            long callsCount,
            long successfulCallsCount,
            long callsDuration,
            long billingDuration,
            Instant firstCallAt,
            Instant lastCallAt,
            Instant firstSuccessfulCallAt,
            Instant lastSuccessfulCallAt) {
        this.callsCount = callsCount;
        this.successfulCallsCount = successfulCallsCount;
        this.callsDuration = callsDuration;
        this.billingDuration = billingDuration;
        this.firstCallAt = firstCallAt;
        this.lastCallAt = lastCallAt;
        this.firstSuccessfulCallAt = firstSuccessfulCallAt;
        this.lastSuccessfulCallAt = lastSuccessfulCallAt;
    }

    /** The statistics part of a side's call totals. */
    public static CallStatistics of(CallTotals calls) {
        return new CallStatistics(
                calls.callsCount(),
                calls.successfulCallsCount(),
                calls.callsDuration(),
                calls.billingDuration(),
                calls.firstCallAt(),
                calls.lastCallAt(),
                calls.firstSuccessfulCallAt(),
                calls.lastSuccessfulCallAt());
    }

    /** These statistics with the side's amounts: the call totals they were taken from. */
    public CallTotals with(SectionTotals amounts) {
        return new CallTotals(
                callsCount,
                successfulCallsCount,
                callsDuration,
                billingDuration,
                amounts.spent(),
                amounts.earned(),
                firstCallAt,
                lastCallAt,
                firstSuccessfulCallAt,
                lastSuccessfulCallAt);
    }

    public long callsCount() {
        return callsCount;
    }

    public long successfulCallsCount() {
        return successfulCallsCount;
    }

    public long callsDuration() {
        return callsDuration;
    }

    public long billingDuration() {
        return billingDuration;
    }

    public Instant firstCallAt() {
        return firstCallAt;
    }

    public Instant lastCallAt() {
        return lastCallAt;
    }

    public Instant firstSuccessfulCallAt() {
        return firstSuccessfulCallAt;
    }

    public Instant lastSuccessfulCallAt() {
        return lastSuccessfulCallAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallStatistics that
                && callsCount == that.callsCount
                && successfulCallsCount == that.successfulCallsCount
                && callsDuration == that.callsDuration
                && billingDuration == that.billingDuration
                && Objects.equals(firstCallAt, that.firstCallAt)
                && Objects.equals(lastCallAt, that.lastCallAt)
                && Objects.equals(firstSuccessfulCallAt, that.firstSuccessfulCallAt)
                && Objects.equals(lastSuccessfulCallAt, that.lastSuccessfulCallAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(callsCount, successfulCallsCount, callsDuration, billingDuration, firstCallAt, lastCallAt);
    }
}
