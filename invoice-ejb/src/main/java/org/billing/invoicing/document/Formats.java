package org.billing.invoicing.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How values print in an invoice document (seed 001, DESIGN "Documents"). Raw sums are stored
 * unrounded; this is the one place where they are rounded, and only for display.
 */
public final class Formats {

    /** Money {@code _D} / {@code _DECORATED}: half-up to 2 decimals. */
    public static final int MONEY_DECIMALS = 2;
    /** Quantities of service units (seed 002: "up to three decimal places"). */
    public static final int QUANTITY_DECIMALS = 3;

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Formats() {}

    /** A raw amount as stored, without trailing zeros: {@code 10.5700} prints {@code 10.57}. */
    public static String raw(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.signum() == 0 ? BigDecimal.ZERO : stripped).toPlainString();
    }

    /** A rounded amount: half-up to 2 decimals, always 2 decimals shown ({@code 0.125} prints {@code 0.13}). */
    public static String money(BigDecimal value) {
        return value == null ? "" : rounded(value).toPlainString();
    }

    /** The rounding policy itself. Half-up rounds halves away from zero: {@code -0.125} is {@code -0.13}. */
    public static BigDecimal rounded(BigDecimal value) {
        return value.setScale(MONEY_DECIMALS, RoundingMode.HALF_UP);
    }

    /**
     * A legal total (issue 12) as the invoice stored it: rounded once to the currency's minor unit when the
     * invoice was made, so printed with its decimals as they are ({@code 241.70}, {@code 124} in yen).
     */
    public static String legal(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** A quantity with 3 decimals, half-up beyond them: {@code 12.345}, {@code 1} prints {@code 1.000}. */
    public static String quantity(BigDecimal value) {
        return value == null
                ? ""
                : value.setScale(QUANTITY_DECIMALS, RoundingMode.HALF_UP).toPlainString();
    }

    /** A duration in whole seconds. */
    public static String seconds(long seconds) {
        return Long.toString(seconds);
    }

    /** Decimal minutes ({@code _D}, {@code _DEC}): seconds / 60, half-up to 2 decimals; 3,725 s is {@code 62.08}. */
    public static String decimalMinutes(long seconds) {
        return BigDecimal.valueOf(seconds)
                .divide(SIXTY, MONEY_DECIMALS, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /**
     * An invoice's {@code DURATIONM}, "HH:MM" (seed 001): whole hours, then the whole minutes left,
     * seconds dropped; hours grow past 24 ({@code 125:07}). 3,725 s is {@code 01:02}.
     */
    public static String hoursMinutes(long seconds) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", seconds / 3_600, seconds % 3_600 / 60);
    }

    /**
     * A table row's {@code CALLS_DURATIONM}, "MM:SS" (seed 001): whole minutes, growing past 60, then
     * seconds. 3,725 s is {@code 62:05}.
     */
    public static String minutesSeconds(long seconds) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    /** An instant already in the account's zone, as {@code 2026-03-01 00:00:00}; none prints empty. */
    public static String timestamp(OffsetDateTime at) {
        return at == null ? "" : TIMESTAMP.format(at);
    }

    public static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    public static String count(long count) {
        return Long.toString(count);
    }

    public static String text(String value) {
        return value == null ? "" : value;
    }
}
