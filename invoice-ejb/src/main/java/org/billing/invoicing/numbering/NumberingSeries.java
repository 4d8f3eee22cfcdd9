package org.billing.invoicing.numbering;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;

/**
 * A numbering series: a pattern, the first %num%, and whether %num% starts again each year. Revising
 * it changes the numbers still to be issued, never those already issued (they are stored as text).
 */
@Entity
@Table(name = "numbering_series")
public class NumberingSeries {

    @Id
    @SequenceGenerator(name = "numbering_series_seq", sequenceName = "numbering_series_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "numbering_series_seq")
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(nullable = false)
    private String pattern;

    @Column(name = "start_number", nullable = false)
    private long startNumber;

    @Column(name = "yearly_restart", nullable = false)
    private boolean yearlyRestart;

    @Column(nullable = false)
    private int padding;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected NumberingSeries() {}

    public NumberingSeries(SeriesDefinition definition, Instant now) {
        this.createdAt = now;
        revise(definition, now);
    }

    public final void revise(SeriesDefinition definition, Instant now) {
        if (definition.name() == null || definition.name().isBlank()) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "name", "The series needs a name.");
        }
        if (definition.name().length() > 100) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED, "name", "The name is at most 100 characters long.");
        }
        NumberPattern pattern = NumberPattern.of(definition.pattern());
        if (definition.yearlyRestart() && !pattern.hasYear()) {
            // A number is unique across all series and years: without %year% each year would print last year's again.
            throw new InvoicingException(
                    ErrorCode.SERIES_INVALID_PATTERN,
                    "yearlyRestart",
                    "A series that restarts each year has %year% in its pattern, else its numbers repeat every year.");
        }
        if (definition.startNumber() < 1) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "startNumber", "%num% starts at 1 or above.");
        }
        if (definition.padding() < 0 || definition.padding() > NumberPattern.MAX_PADDING) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED,
                    "padding",
                    "The padding is from 0 to " + NumberPattern.MAX_PADDING + " digits.");
        }
        this.name = definition.name().trim();
        this.pattern = definition.pattern();
        this.startNumber = definition.startNumber();
        this.yearlyRestart = definition.yearlyRestart();
        this.padding = definition.padding();
        this.updatedAt = now;
    }

    public NumberPattern numberPattern() {
        return NumberPattern.of(pattern);
    }

    /** The counter a number issued in {@code year} comes from: one per year, or one for all time. */
    public int counterYear(int year) {
        return yearlyRestart ? year : 0;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getPattern() {
        return pattern;
    }

    public long getStartNumber() {
        return startNumber;
    }

    public boolean isYearlyRestart() {
        return yearlyRestart;
    }

    public int getPadding() {
        return padding;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
