package org.billing.invoicing.platform;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A billing account of the platform. Read only: the platform owns it. */
@Entity
@Table(name = "account")
public class Account {

    /** The platform's global default when an account sets no maximum call duration. */
    public static final Duration DEFAULT_MAX_CALL_DURATION = Duration.ofSeconds(7_200);

    @Id
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "contractor_id")
    private Contractor contractor;

    private String name;
    private BigDecimal balance;

    @Column(name = "min_balance")
    private BigDecimal minBalance;

    @Column(name = "max_balance")
    private BigDecimal maxBalance;

    private String currency;

    @Column(name = "timezone")
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_model")
    private PaymentModel paymentModel;

    @Column(name = "max_call_duration")
    private Integer maxCallDurationSeconds;

    protected Account() {}

    public Long getId() {
        return id;
    }

    public Contractor getContractor() {
        return contractor;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getBalance() {
        return balance;
    }

    public BigDecimal getMinBalance() {
        return minBalance;
    }

    public BigDecimal getMaxBalance() {
        return maxBalance;
    }

    public String getCurrency() {
        return currency;
    }

    /**
     * The zone as the platform wrote it, which may not be a zone at all ({@code Mars/Olympus_Mons}): a list of
     * accounts shows it as it is rather than failing on one bad row; {@link #zone()} refuses it.
     */
    public String getTimeZone() {
        return timeZone;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public PaymentModel getPaymentModel() {
        return paymentModel;
    }

    public Duration maxCallDuration() {
        return maxCallDurationSeconds == null ? DEFAULT_MAX_CALL_DURATION : Duration.ofSeconds(maxCallDurationSeconds);
    }
}
