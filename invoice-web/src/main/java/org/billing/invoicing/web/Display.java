package org.billing.invoicing.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.billing.invoicing.document.Formats;
import org.billing.invoicing.platform.SubscriptionStatus;

/**
 * How the screens show money, durations, times and enum values: {@code #{display.money(invoice.amount)}}.
 * Raw sums are stored unrounded; the screens round them only here, with the module's one rounding policy
 * ({@link Formats#rounded}: half-up to 2 decimals, as the seed's {@code _DECORATED} placeholders), and
 * never through {@code double}.
 */
@Named
@ApplicationScoped
public class Display {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);

    /** {@code 1234.565} as {@code 1,234.57}; null as empty. */
    public String money(BigDecimal amount) {
        return amount == null ? "" : String.format(Locale.ROOT, "%,.2f", rounded(amount));
    }

    /** {@code 10.565} and {@code EUR} as {@code 10.57 EUR}. */
    public String money(BigDecimal amount, String currency) {
        return amount == null ? "" : money(amount) + " " + currency;
    }

    /**
     * A legal total or line of issue 12, already rounded to the currency's minor unit when the invoice was
     * made: printed with its own decimals ({@code 1,513.94 EUR}, {@code 1,235 JPY}), never rounded again.
     */
    public String legalMoney(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        int scale = Math.max(amount.scale(), 0);
        return String.format(Locale.ROOT, "%,." + scale + "f", amount) + (currency == null ? "" : " " + currency);
    }

    /** A buyer's tax treatment as the invoice names it; none: not set. */
    public String treatment(String treatment) {
        if (treatment == null) {
            return "Not set (no buyer tax profile when the invoice was made): no VAT";
        }
        return switch (treatment) {
            case "DOMESTIC" -> "Domestic VAT";
            case "REVERSE_CHARGE" -> "EU reverse charge";
            case "EXPORT" -> "Outside the scope of EU VAT (export)";
            case "EXEMPT" -> "Exempt from VAT";
            default -> treatment;
        };
    }

    /**
     * A balance correction's "Balance changed" (seed 002): {@code ▲ 50.00} for a positive correction,
     * which increased the balance; {@code ▼ -20.00} for a negative one, which reduced it.
     */
    public String balanceChange(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return switch (amount.signum()) {
            case 1 -> "\u25B2 " + money(amount);
            case -1 -> "\u25BC " + money(amount);
            default -> money(amount);
        };
    }

    /** A quantity of service units with the seed's 3 decimals: {@code 12.345}, {@code 1.000}; null as empty. */
    public String quantity(BigDecimal quantity) {
        return quantity == null ? "" : Formats.quantity(quantity);
    }

    /** A subscription status in the seed's words: {@code INSTALLATION_FAILED} as {@code Installation failed}. */
    public String subscriptionStatus(String code) {
        return SubscriptionStatus.of(code).map(SubscriptionStatus::label).orElse(code == null ? "" : code);
    }

    /** What a subscription status means (seed 002), for a tooltip; empty for a code outside the 22. */
    public String subscriptionStatusMeaning(String code) {
        return SubscriptionStatus.of(code).map(SubscriptionStatus::meaning).orElse("");
    }

    /** Seconds as decimal minutes with 2 decimals ({@code [CALLS_DURATION_DEC]}): 125 s is {@code 2.08}. */
    public String minutes(long seconds) {
        return Formats.decimalMinutes(seconds);
    }

    /** A rate as stored, without trailing zeros beyond what it was given: {@code 0.12}. */
    public String rate(BigDecimal rate) {
        return rate == null ? "" : rate.toPlainString();
    }

    /** A time as the view gives it, in the account's zone, without the offset: {@code 2026-03-01 00:00:05}. */
    public String time(OffsetDateTime time) {
        return time == null ? "\u2014" : TIME.format(time);
    }

    /** An instant (of the history, of an email) in the account's zone {@code zone}: {@code 2026-04-02 10:15:00}. */
    public String timeIn(Instant at, String zone) {
        return at == null ? "\u2014" : TIME.format(at.atZone(ZoneId.of(zone)));
    }

    /** A time with its UTC offset, where a period may cross a daylight saving change. */
    public String timeWithOffset(OffsetDateTime time) {
        return time == null ? "\u2014" : TIME.format(time) + " " + OFFSET.format(time);
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** {@code AUTO_PARTIAL} as {@code Auto partial}. */
    public String label(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A stable code in words, for the screens: {@code INVALID_TIME_ZONE} as {@code Invalid time zone}; null as empty. */
    public String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A generation run's status as an operator says it: {@code STARTED} is {@code Running}. */
    public String runStatus(String status) {
        return "STARTED".equals(status) ? "Running" : words(status);
    }

    /** Who started a generation run: the schedule, or Run now by a user. */
    public String runTrigger(String trigger, String startedBy) {
        return "OPERATOR".equals(trigger) ? "Run now by " + startedBy : words(trigger);
    }

    static BigDecimal rounded(BigDecimal amount) {
        return Formats.rounded(amount);
    }
}
