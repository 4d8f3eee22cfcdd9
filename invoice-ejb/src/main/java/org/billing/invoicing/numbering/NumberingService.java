package org.billing.invoicing.numbering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.invoice.Direction;

/**
 * Numbering series (seed 003) and the numbers they issue. A number is taken inside the transaction
 * that issues the invoice, from a counter row locked by that transaction: numbers are unique and
 * gapless within a series, and a rolled-back issue gives its number back.
 */
@Stateless
public class NumberingService {

    private static final String TAKE = """
            UPDATE numbering_counter c SET next_number = greatest(c.next_number, s.start_number) + 1
            FROM numbering_series s
            WHERE s.id = c.series_id AND c.series_id = ? AND c.period_year = ?
            RETURNING c.next_number - 1
            """;
    private static final String OPEN_COUNTER = """
            INSERT INTO numbering_counter (series_id, period_year, next_number)
            SELECT id, ?, start_number FROM numbering_series WHERE id = ?
            ON CONFLICT DO NOTHING
            """;
    /** The counter past the highest issued %num% the pattern matches, when that is above it (a %num% past a bigint is left to the unique index). */
    private static final String CARRY = """
            INSERT INTO numbering_counter (series_id, period_year, next_number)
            SELECT ?, ?, m.highest + 1 FROM (
                SELECT max(substring(number FROM ?)::numeric) AS highest FROM invoice WHERE number ~ ?) m
            WHERE m.highest IS NOT NULL AND m.highest < 9223372036854775807
            ON CONFLICT (series_id, period_year) DO UPDATE SET next_number = greatest(numbering_counter.next_number,
                excluded.next_number)
            """;

    private static final String PEEK =
            "SELECT next_number FROM numbering_counter WHERE series_id = ?1 AND period_year = ?2";

    @PersistenceContext(unitName = "invoicing")
    private EntityManager em;

    @Inject
    private Clock clock;

    public List<SeriesView> list() {
        return em.createQuery("SELECT s FROM NumberingSeries s ORDER BY s.name", NumberingSeries.class)
                .getResultStream()
                .map(this::view)
                .toList();
    }

    public SeriesView get(long id) {
        return view(series(id));
    }

    public SeriesView create(SeriesDefinition definition) {
        refuseTakenName(definition.name(), null);
        NumberingSeries series = new NumberingSeries(definition, clock.instant());
        refuseSharedNumbers(series, null);
        em.persist(series);
        em.flush();
        carryCounterPastIssued(series);
        return view(series);
    }

    /**
     * Changes the numbers still to come; issued numbers stay as they were issued, and are never
     * issued again: the counter the revised series takes from next is carried past every issued
     * number its new pattern could print (issue 11: toggling the yearly restart opened a fresh counter
     * at the start number, and every later approval failed on a number already issued).
     */
    public SeriesView revise(long id, SeriesDefinition definition) {
        NumberingSeries series = series(id);
        refuseTakenName(definition.name(), id);
        series.revise(definition, clock.instant());
        refuseSharedNumbers(series, id);
        em.flush();
        carryCounterPastIssued(series);
        return view(series);
    }

    /** A number is unique across every series (V11): a series that could print another's numbers is refused. */
    private void refuseSharedNumbers(NumberingSeries series, Long except) {
        List<NumberingSeries> others = em.createQuery(
                        "SELECT s FROM NumberingSeries s ORDER BY s.id", NumberingSeries.class)
                .getResultList();
        for (NumberingSeries other : others) {
            if (other.getId().equals(except)) {
                continue;
            }
            Optional<String> shared =
                    series.numberPattern().sharedNumber(series.getPadding(), other.numberPattern(), other.getPadding());
            if (shared.isPresent()) {
                throw new InvoicingException(
                        ErrorCode.SERIES_NUMBERS_COLLIDE,
                        "pattern",
                        "The pattern "
                                + series.getPattern() + " can print the numbers of series '" + other.getName() + "' ("
                                + other.getPattern() + "), " + shared.get()
                                + " for one; an invoice number is unique across"
                                + " all series, so give the pattern a literal of its own (a prefix).");
            }
        }
    }

    /**
     * Raises the counter the series takes from this year past the highest %num% of any issued number
     * the series' pattern matches, so that no number is issued twice whatever was revised.
     */
    private void carryCounterPastIssued(NumberingSeries series) {
        int year = issueDay().getYear();
        String regex = series.numberPattern().sqlRegex(series.isYearlyRestart() ? year : null);
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement carry = connection.prepareStatement(CARRY)) {
            carry.setLong(1, series.getId());
            carry.setInt(2, series.counterYear(year));
            carry.setString(3, regex);
            carry.setString(4, regex);
            carry.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Could not carry the counter of series " + series.getId() + " over", e);
        }
    }

    /** Deletes a series that numbers nothing: no issued invoice, no default, no account. */
    public void delete(long id) {
        NumberingSeries series = series(id);
        List<String> uses = em.createNativeQuery("""
                SELECT 'issued invoices' FROM invoice WHERE series_id = ?1
                UNION SELECT 'the default settings' FROM invoicing_settings
                      WHERE ?1 IN (customer_series_id, vendor_series_id, credit_note_series_id)
                UNION SELECT 'the settings of account ' || account_id FROM account_invoice_settings WHERE series_id = ?1
                """).setParameter(1, id).getResultList().stream()
                .map(String::valueOf)
                .sorted()
                .toList();
        if (!uses.isEmpty()) {
            throw new InvoicingException(
                    ErrorCode.SERIES_IN_USE,
                    "Series '" + series.getName() + "' is used by " + String.join(", ", uses)
                            + "; it cannot be deleted.");
        }
        em.createNativeQuery("DELETE FROM numbering_counter WHERE series_id = ?")
                .setParameter(1, id)
                .executeUpdate();
        em.remove(series);
    }

    /** The series that numbers invoices of this account and direction: the account's own, or the default. */
    public long seriesFor(long accountId, Direction direction) {
        List<?> own = em.createNativeQuery("SELECT series_id FROM account_invoice_settings"
                        + " WHERE account_id = ? AND direction = ? AND series_id IS NOT NULL")
                .setParameter(1, accountId)
                .setParameter(2, direction.name())
                .getResultList();
        if (!own.isEmpty()) {
            return ((Number) own.get(0)).longValue();
        }
        String column = direction == Direction.CUSTOMER ? "customer_series_id" : "vendor_series_id";
        return ((Number) em.createNativeQuery("SELECT " + column + " FROM invoicing_settings WHERE id = 1")
                        .getSingleResult())
                .longValue();
    }

    public long creditNoteSeries() {
        return ((Number) em.createNativeQuery("SELECT credit_note_series_id FROM invoicing_settings WHERE id = 1")
                        .getSingleResult())
                .longValue();
    }

    /**
     * Takes the next number of a series for an invoice issued today in {@code zone}. Must run in the
     * issuing transaction, which holds the counter's lock until it ends.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public IssuedNumber take(long seriesId) {
        NumberingSeries series = series(seriesId);
        LocalDate today = issueDay();
        int year = series.counterYear(today.getYear());
        Connection connection = em.unwrap(Connection.class);
        try {
            try (PreparedStatement open = connection.prepareStatement(OPEN_COUNTER)) {
                open.setInt(1, year);
                open.setLong(2, seriesId);
                open.executeUpdate();
            }
            try (PreparedStatement take = connection.prepareStatement(TAKE)) {
                take.setLong(1, seriesId);
                take.setInt(2, year);
                try (ResultSet taken = take.executeQuery()) {
                    taken.next();
                    long num = taken.getLong(1);
                    String number = series.numberPattern().format(num, series.getPadding(), today);
                    refuseIssued(series, number);
                    return new IssuedNumber(seriesId, number);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not take a number of series " + seriesId, e);
        }
    }

    /**
     * The day numbers are issued on, in the issuer's zone (invoicing.issuer.zone): one calendar for
     * every number, so that a series' year turns at one instant rather than at each account's midnight
     * (issue 11: numbers of two years interleaved around New Year).
     */
    public LocalDate issueDay() {
        return IssuerZone.issueDay(clock, IssuerZone.fromSettings());
    }

    /** A number already on an invoice (another series, or an old pattern of this one) is refused, not issued twice. */
    private void refuseIssued(NumberingSeries series, String number) {
        List<?> holder = em.createNativeQuery("SELECT id FROM invoice WHERE number = ?")
                .setParameter(1, number)
                .getResultList();
        if (!holder.isEmpty()) {
            throw new InvoicingException(
                    ErrorCode.INVOICE_NUMBER_TAKEN,
                    "The next number of series '"
                            + series.getName() + "', " + number + ", is already invoice " + holder.get(0)
                            + "'s; revise the series (its pattern or start) so that it prints new numbers.");
        }
    }

    /** The number the series would issue next today (in the issuer's zone), without taking it. */
    public String preview(long seriesId) {
        return view(series(seriesId)).nextNumber();
    }

    private SeriesView view(NumberingSeries series) {
        LocalDate today = issueDay();
        List<?> counter = em.createNativeQuery(PEEK)
                .setParameter(1, series.getId())
                .setParameter(2, series.counterYear(today.getYear()))
                .getResultList();
        long next = counter.isEmpty()
                ? series.getStartNumber()
                : Math.max(((Number) counter.get(0)).longValue(), series.getStartNumber());
        return new SeriesView(
                series.getId(),
                series.getName(),
                series.getPattern(),
                series.getStartNumber(),
                series.isYearlyRestart(),
                series.getPadding(),
                series.numberPattern().format(next, series.getPadding(), today),
                series.getCreatedAt(),
                series.getUpdatedAt());
    }

    private NumberingSeries series(long id) {
        NumberingSeries series = em.find(NumberingSeries.class, id);
        if (series == null) {
            throw new InvoicingException(ErrorCode.SERIES_NOT_FOUND, "There is no numbering series " + id + ".");
        }
        return series;
    }

    private void refuseTakenName(String name, Long except) {
        if (name == null) {
            return;
        }
        List<NumberingSeries> same = em.createQuery(
                        "SELECT s FROM NumberingSeries s WHERE s.name = :name", NumberingSeries.class)
                .setParameter("name", name.trim())
                .getResultList();
        if (same.stream().anyMatch(s -> !s.getId().equals(except))) {
            throw new InvoicingException(
                    ErrorCode.SERIES_NAME_TAKEN, "name", "A series is already named '" + name + "'.");
        }
    }
}
