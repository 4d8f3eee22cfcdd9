package org.billing.invoicing.invoice;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.database.Database;
import org.billing.invoicing.database.Settings;
import org.billing.invoicing.invoice.InvoiceEvent.Action;
import org.billing.invoicing.numbering.IssuedNumber;
import org.billing.invoicing.numbering.NumberingService;
import org.billing.invoicing.period.AutoPeriod;
import org.billing.invoicing.period.BillingPeriod;
import org.billing.invoicing.platform.Account;
import org.billing.invoicing.tax.InvoiceParties;
import org.billing.invoicing.tax.LegalTotals;

/**
 * The lifecycle of invoices: calculate (a dry run), create, approve, credit, read, search and delete.
 * A thin transaction boundary: the figures come from {@link InvoiceCalculator}, the rules from the
 * {@link Invoice} itself, the numbers from {@link NumberingService}, and every statement that keeps an
 * invoice and what belongs to it from {@link InvoiceStore}.
 */
@Stateless
public class InvoiceService {

    private static final int MAX_PAGE_SIZE = 500;
    /** Deepest row a page number reaches: an OFFSET reads every row before it; a cursor does not. */
    private static final long MAX_OFFSET = 100_000;
    /** EclipseLink's hint: entities read only to be shown, never registered for changes. */
    private static final String READ_ONLY = "eclipselink.read-only";

    @PersistenceContext(unitName = "invoicing")
    private EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    @Inject
    private NumberingService numbering;

    @Inject
    private Event<InvoiceLifecycleEvent> events;

    private final InvoiceCalculator calculator = new InvoiceCalculator();
    private final DriftCheck driftCheck = new DriftCheck();
    private InvoiceStore store;

    @PostConstruct
    void init() {
        store = new InvoiceStore(em, dataSource);
    }

    /** What {@link #create} would store now; nothing is written and no number is used. */
    public InvoiceView calculate(InvoiceRequest request) {
        Account account = account(request);
        BillingPeriod period = period(request, account);
        InvoiceFigures figures = figures(account, request.direction(), period);
        InvoiceParties parties = store.parties(List.of(account.getId())).get(account.getId());
        LegalTotals totals = InvoiceLegal.totals(parties, figures);
        return InvoiceViews.calculated(account, request.direction(), period, figures, parties, totals, clock.instant());
    }

    /**
     * Creates a Manual invoice with its detail tables: Pending for a postpay account, Closed and
     * numbered at once for a prepay account (seed 002).
     */
    public InvoiceView create(InvoiceRequest request) {
        Account account = account(request);
        return create(account, request.direction(), period(request, account), InvoiceType.MANUAL, null);
    }

    /**
     * Creates the automatic invoice of one period of the account's invoicing (Auto, or Auto partial
     * when a month boundary cut the period short).
     */
    public InvoiceView createAutomatic(long accountId, Direction direction, AutoPeriod autoPeriod) {
        return createAutomatic(accountId, direction, autoPeriod, null);
    }

    /**
     * The same with the figures a run of automatic invoicing computed for many invoices at once
     * ({@link InvoiceCalculator#calculateAll}); {@code null} computes them here.
     */
    public InvoiceView createAutomatic(
            long accountId, Direction direction, AutoPeriod autoPeriod, InvoiceFigures computed) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new InvoicingException(
                    ErrorCode.ACCOUNT_NOT_FOUND, "accountId", "There is no account " + accountId + ".");
        }
        BillingPeriod period = autoPeriod.in(account.zone());
        if (!autoPeriod.isDue(account.zone(), account.maxCallDuration(), clock.instant())) {
            throw new InvoicingException(
                    ErrorCode.PERIOD_IN_FUTURE,
                    "endDate",
                    "The period " + autoPeriod.firstDay() + " to " + autoPeriod.lastDay()
                            + " is invoiced once its last calls have ended.");
        }
        return create(
                account,
                direction,
                period,
                autoPeriod.partial() ? InvoiceType.AUTO_PARTIAL : InvoiceType.AUTO,
                computed);
    }

    private InvoiceView create(
            Account account, Direction direction, BillingPeriod period, InvoiceType type, InvoiceFigures computed) {
        store.refuseOverlap(account.getId(), direction, period);
        InvoiceFigures figures = computed != null ? computed : figures(account, direction, period);
        Instant now = clock.instant();
        InvoiceParties parties = store.parties(List.of(account.getId())).get(account.getId());
        LegalTotals totals = InvoiceLegal.totals(parties, figures);
        InvoiceLegal legal = InvoiceLegal.frozen(
                parties, direction, totals, now.atZone(period.zone()).toLocalDate());
        Invoice invoice = Invoice.create(account, direction, type, period, figures, legal, now, actor());
        store.add(invoice, figures, totals);
        record(invoice, Action.CREATED, now, type == InvoiceType.MANUAL ? null : type.name());
        events.fire(new InvoiceLifecycleEvent.InvoiceCreated(invoice.getId()));
        if (invoice.closesOnCreation()) {
            issue(invoice, InvoiceState.CLOSED, numbering.seriesFor(account.getId(), invoice.getDirection()));
        }
        return view(invoice, account, rows(totals));
    }

    /**
     * Creates many automatic invoices in the caller's transaction, with their claims, detail tables and
     * history, in a few batched statements: automatic invoicing writes a chunk of a run this way, and
     * falls back to {@link #createAutomatic} one by one should the chunk be refused. As one by one, a
     * postpay account's invoice is Pending and a prepay account's is closed and numbered at once (its
     * series' counter stays locked until the chunk commits: gapless, and nothing numbered if refused).
     *
     * @return the ids of the invoices, in the order asked
     */
    public List<Long> createAutomaticAll(List<AutomaticInvoice> wanted) {
        // Nothing this transaction reads depends on what it has not flushed yet: without this, every query
        // of the numbering and the mail outbox below would flush (and compare) hundreds of invoices again.
        em.setFlushMode(FlushModeType.COMMIT);
        Map<Long, Account> accounts = new HashMap<>();
        List<Long> ids =
                wanted.stream().map(AutomaticInvoice::accountId).distinct().toList();
        for (int from = 0; from < ids.size(); from += 1_000) {
            em.createQuery("SELECT a FROM Account a WHERE a.id IN :ids", Account.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1_000)))
                    .getResultStream()
                    .forEach(account -> accounts.put(account.getId(), account));
        }
        Instant now = clock.instant();
        Map<Long, InvoiceParties> parties = store.parties(accounts.keySet());
        List<Invoice> created = new ArrayList<>();
        List<LegalTotals> totals = new ArrayList<>();
        for (AutomaticInvoice automatic : wanted) {
            Account account = accounts.get(automatic.accountId());
            if (account == null) {
                throw new InvoicingException(
                        ErrorCode.ACCOUNT_NOT_FOUND, "accountId", "There is no account " + automatic.accountId() + ".");
            }
            AutoPeriod autoPeriod = automatic.period();
            if (!autoPeriod.isDue(account.zone(), account.maxCallDuration(), now)) {
                throw new IllegalArgumentException(
                        "The period " + autoPeriod + " of account " + account.getId() + " is not due yet");
            }
            InvoiceParties invoiceParties = parties.get(account.getId());
            LegalTotals legalTotals = InvoiceLegal.totals(invoiceParties, automatic.figures());
            Invoice invoice = Invoice.create(
                    account,
                    automatic.direction(),
                    autoPeriod.partial() ? InvoiceType.AUTO_PARTIAL : InvoiceType.AUTO,
                    autoPeriod.in(account.zone()),
                    automatic.figures(),
                    InvoiceLegal.frozen(
                            invoiceParties,
                            automatic.direction(),
                            legalTotals,
                            now.atZone(account.zone()).toLocalDate()),
                    now,
                    actor());
            created.add(invoice);
            totals.add(legalTotals);
        }
        // Once, as batches: the claims and detail rows reference the invoices.
        store.addAll(created, wanted.stream().map(AutomaticInvoice::figures).toList(), totals);
        List<Long> invoiceIds = created.stream().map(Invoice::getId).toList();
        Map<Invoice, Long> closing = new LinkedHashMap<>();
        for (Invoice invoice : created) {
            record(invoice, Action.CREATED, now, invoice.getType().name());
            events.fire(new InvoiceLifecycleEvent.InvoiceCreated(invoice.getId()));
            if (invoice.closesOnCreation()) {
                closing.put(invoice, numbering.seriesFor(invoice.getAccountId(), invoice.getDirection()));
            }
        }
        // Series by series: two chunks that number at once lock the series' counters in the same order. The
        // closed invoices are written with the rest when the transaction commits, after their detail rows.
        closing.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(entry -> issue(entry.getKey(), InvoiceState.CLOSED, entry.getValue(), false));
        return invoiceIds;
    }

    /** An operator approves a Pending invoice: it takes the next number of its series and never changes again. */
    public InvoiceView approve(long id) {
        Invoice invoice = store.locked(id);
        Account account = em.find(Account.class, invoice.getAccountId());
        issue(invoice, InvoiceState.APPROVED, numbering.seriesFor(account.getId(), invoice.getDirection()));
        if (invoice.getKind() == InvoiceKind.SUPPLEMENTARY) {
            recheck(invoice.getSupplementedInvoiceId());
        }
        return view(invoice, account, null);
    }

    /**
     * Corrects an issued invoice: a credit note from the credit-note series reverses it whole and
     * releases its period, so that the corrected invoice can be made. The original is not changed.
     */
    public InvoiceView credit(long id, String reason) {
        Invoice original = store.locked(id);
        Optional<Long> earlier = store.creditNoteOf(id);
        if (earlier.isPresent()) {
            throw new InvoicingException(
                    ErrorCode.INVOICE_ALREADY_CREDITED,
                    "Invoice " + id + " is already credited by credit note " + earlier.get() + ".");
        }
        Optional<Long> pending = store.pendingSupplementary(id);
        if (pending.isPresent()) {
            throw new InvoicingException(
                    ErrorCode.SUPPLEMENTARY_PENDING,
                    "Invoice " + id + " has a Pending supplementary invoice, " + pending.get()
                            + ": delete it before crediting.");
        }
        Instant now = clock.instant();
        LegalTotals issued = legalTotals(original, store.taxRows(id));
        LegalTotals reversed = issued == null ? null : issued.negated();
        Invoice note = Invoice.creditNoteOf(original, reason, reversed, now, actor());
        store.addCreditNote(note, reversed);
        record(note, Action.CREATED, now, "Credit note of invoice " + original.getNumber());
        Account account = em.find(Account.class, note.getAccountId());
        issue(note, InvoiceState.APPROVED, numbering.creditNoteSeries());
        record(original, Action.CREDITED, now, "Credited by " + note.getNumber() + ": " + note.getCreditReason());
        if (original.getKind() == InvoiceKind.SUPPLEMENTARY) {
            // What was issued for the period no longer counts this supplementary invoice.
            recheck(original.getSupplementedInvoiceId());
        } else {
            forgetDrift(id);
        }
        events.fire(new InvoiceLifecycleEvent.InvoiceCredited(original.getId(), note.getId()));
        return view(note, account, rows(reversed));
    }

    /**
     * Checks the drift of an issued invoice now (issue 13): its period recalculated as Calculate would,
     * compared with what was issued for it (the invoice plus its issued supplementary invoices that are
     * not credited). The check replaces the invoice's last one and is returned.
     */
    public DriftView checkDrift(long id) {
        Invoice invoice = store.get(id);
        requireCheckable(invoice);
        try {
            DriftCheck.Outcome outcome =
                    driftCheck.check(em, store.connection(), List.of(invoice)).get(0);
            DriftCheck.record(store.connection(), outcome, clock.instant(), actor());
            return DriftCheck.last(
                            store.connection(),
                            invoice,
                            store.pendingSupplementary(id).orElse(null))
                    .orElseThrow();
        } catch (SQLException e) {
            throw new PersistenceException("Could not check the drift of invoice " + id, e);
        }
    }

    /** The last drift check of an invoice, if it was ever checked. */
    public Optional<DriftView> findDrift(long id) {
        Invoice invoice = store.get(id);
        try (Connection connection = dataSource.getConnection()) {
            return DriftCheck.last(
                    connection, invoice, store.pendingSupplementary(id).orElse(null));
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the drift of invoice " + id, e);
        }
    }

    /** The same, refusing an invoice never checked with {@code DRIFT_NOT_CHECKED}. */
    public DriftView drift(long id) {
        return findDrift(id)
                .orElseThrow(() -> new InvoicingException(
                        ErrorCode.DRIFT_NOT_CHECKED,
                        "Invoice " + id + " was never checked for drift: POST /invoices/" + id
                                + "/drift-check checks it now."));
    }

    /**
     * Creates the supplementary invoice of a drifted invoice (issue 13): Pending (closed and numbered at
     * once for a prepay account, as its invoices are), billing the difference between its period now and
     * what was issued for it, with only the detail rows that changed. The original is never touched. A
     * decrease is refused ({@code DRIFT_IS_DECREASE}): a credit note and a corrected invoice settle it.
     */
    public InvoiceView supplement(long id) {
        Invoice original = store.locked(id);
        requireCheckable(original);
        Optional<Long> pending = store.pendingSupplementary(id);
        if (pending.isPresent()) {
            throw new InvoicingException(
                    ErrorCode.SUPPLEMENTARY_PENDING,
                    "Invoice " + id + " has a Pending supplementary invoice, " + pending.get()
                            + ": approve or delete it first.");
        }
        Instant now = clock.instant();
        Account account = em.find(Account.class, original.getAccountId());
        try {
            Connection connection = store.connection();
            DriftCheck.Outcome outcome =
                    driftCheck.check(em, connection, List.of(original)).get(0);
            InvoiceTally difference = outcome.difference();
            InvoiceFigures differenceFigures = new InvoiceFigures(
                    difference.direction(),
                    difference.calls(),
                    difference.services(),
                    difference.callTables(),
                    difference.serviceLines(),
                    PrepayDetails.NONE);
            InvoiceParties parties = store.parties(List.of(account.getId())).get(account.getId());
            LegalTotals totals = InvoiceLegal.totals(
                    parties, original.getDirection(), TaxLines.of(differenceFigures), difference.correctionsAmount());
            Invoice supplementary = Invoice.supplementaryOf(
                    original,
                    difference,
                    InvoiceLegal.frozen(
                            parties,
                            original.getDirection(),
                            totals,
                            now.atZone(original.zone()).toLocalDate()),
                    now,
                    actor());
            DriftCheck.record(connection, outcome, now, actor());
            store.addSupplementary(supplementary, differenceFigures, totals, connection);
            record(supplementary, Action.CREATED, now, "Supplementary invoice of invoice " + original.getNumber());
            events.fire(new InvoiceLifecycleEvent.InvoiceCreated(supplementary.getId()));
            if (Invoice.stateOnCreation(account) == InvoiceState.CLOSED) {
                issue(
                        supplementary,
                        InvoiceState.CLOSED,
                        numbering.seriesFor(account.getId(), original.getDirection()));
                recheck(id);
            }
            return view(supplementary, account, rows(totals));
        } catch (SQLException e) {
            throw new PersistenceException("Could not create the supplementary invoice of invoice " + id, e);
        }
    }

    /**
     * Settles a drift the other way (issue 13), as a decrease must be: in one transaction, a credit note
     * reverses the issued invoice (and one reverses each of its issued supplementary invoices, so that
     * nothing of the period stays billed twice), which releases its period, and the corrected invoice is
     * created for the same period with the figures it gives now (Pending; closed at once for a prepay
     * account). Returns the corrected invoice.
     */
    public InvoiceView correct(long id, String reason) {
        Invoice original = store.locked(id);
        requireCheckable(original);
        Optional<Long> pending = store.pendingSupplementary(id);
        if (pending.isPresent()) {
            throw new InvoicingException(
                    ErrorCode.SUPPLEMENTARY_PENDING,
                    "Invoice " + id + " has a Pending supplementary invoice, " + pending.get()
                            + ": delete it before correcting.");
        }
        List<Long> supplementaries = store.issuedSupplementaries(id);
        credit(id, reason);
        for (long supplementary : supplementaries) {
            credit(supplementary, reason);
        }
        Account account = em.find(Account.class, original.getAccountId());
        return create(account, original.getDirection(), original.period(), original.getType(), null);
    }

    /** Checks an original again once what was issued for its period changed (a supplementary issued or credited). */
    private void recheck(long originalId) {
        Invoice original = store.find(originalId).orElse(null);
        if (original == null || store.creditNoteOf(originalId).isPresent()) {
            return;
        }
        try {
            DriftCheck.record(
                    store.connection(),
                    driftCheck.check(em, store.connection(), List.of(original)).get(0),
                    clock.instant(),
                    actor());
        } catch (SQLException e) {
            throw new PersistenceException("Could not check the drift of invoice " + originalId, e);
        }
    }

    private void forgetDrift(long id) {
        try {
            DriftCheck.forget(store.connection(), id);
        } catch (SQLException e) {
            throw new PersistenceException("Could not forget the drift of invoice " + id, e);
        }
    }

    /** Only an issued invoice that is not a credit note, a supplementary invoice or credited drifts. */
    private void requireCheckable(Invoice invoice) {
        if (invoice.getKind() != InvoiceKind.INVOICE) {
            throw new InvoicingException(
                    ErrorCode.INVOICE_NOT_SUPPLEMENTABLE,
                    "Invoice " + invoice.getId() + " is a "
                            + (invoice.getKind() == InvoiceKind.CREDIT_NOTE ? "credit note" : "supplementary invoice")
                            + "; the invoice it refers to is checked for drift.");
        }
        if (!invoice.isIssued()) {
            throw new InvoicingException(
                    ErrorCode.INVOICE_NOT_ISSUED,
                    "Invoice " + invoice.getId()
                            + " is Pending: it is recalculated by deleting and creating it again, not checked for drift.");
        }
        Optional<Long> note = store.creditNoteOf(invoice.getId());
        if (note.isPresent()) {
            throw new InvoicingException(
                    ErrorCode.INVOICE_NOT_SUPPLEMENTABLE,
                    "Invoice " + invoice.getId() + " is credited by credit note " + note.get()
                            + ": its period is invoiced again, not supplemented.");
        }
    }

    private void issue(Invoice invoice, InvoiceState state, long seriesId) {
        issue(invoice, state, seriesId, true);
    }

    /** @param flush write the issued invoice now, before what the event's observers write */
    private void issue(Invoice invoice, InvoiceState state, long seriesId, boolean flush) {
        IssuedNumber number = numbering.take(seriesId);
        Instant now = clock.instant();
        invoice.issue(state, number, now, actor());
        if (flush) {
            em.flush();
        }
        record(invoice, state == InvoiceState.CLOSED ? Action.CLOSED : Action.APPROVED, now, number.number());
        events.fire(new InvoiceLifecycleEvent.InvoiceApproved(invoice.getId(), number.number(), state));
    }

    public Optional<InvoiceView> find(long id) {
        return store.find(id).map(invoice -> view(invoice, em.find(Account.class, invoice.getAccountId()), null));
    }

    public InvoiceView get(long id) {
        return find(id).orElseThrow(() -> InvoiceStore.notFound(id));
    }

    /** Deletes a Pending invoice and its detail tables; an issued invoice is never deleted. */
    public void delete(long id) {
        Invoice invoice = store.locked(id);
        invoice.requireDeletable();
        store.remove(invoice);
        record(invoice, Action.DELETED, clock.instant(), null);
    }

    /** What happened to an invoice, oldest first; it outlives a deleted invoice. */
    public List<InvoiceEventView> history(long id) {
        return store.history(id);
    }

    /**
     * The rows of one of a stored invoice's prepay groups (seed 002): {@code ChargeLine},
     * {@code SubscriptionLine} or {@code CorrectionLine} rows; empty for an invoice that has none (a
     * vendor invoice, a postpay account's, a credit note).
     */
    public List<?> table(long id, PrepayTable table) {
        return store.prepayLines(store.get(id), table);
    }

    /** The rows of one detail table of a stored invoice. */
    public List<?> table(long id, DetailTable table) {
        return store.detailLines(store.get(id), table);
    }

    /**
     * What the call detail export of a stored invoice reads ({@link CallExport}); the invoice must exist.
     * Ask for it before answering, so that an unknown invoice is refused before the file begins.
     */
    public CallExport callExport(long id) {
        return CallExport.of(store.get(id));
    }

    /**
     * Streams the export's CSV (zipped when {@code gzip}) to {@code out} from the database, holding one
     * connection only while it writes; returns the number of calls. A reader that goes away ends it with its
     * {@code IOException}, which is the reader's doing and passes through as it is.
     */
    public long writeCalls(CallExport export, OutputStream out, boolean gzip) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            return export.write(connection, out, gzip);
        } catch (SQLException e) {
            throw new PersistenceException("Could not export the calls of invoice " + export.invoiceId(), e);
        }
    }

    /** Invoices matching the filter, newest first; {@code page} counts from 0. */
    public InvoicePage search(InvoiceFilter filter, int page, int size) {
        if (page < 0) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, "page", "The page counts from 0.");
        }
        requirePageSize(size);
        if ((long) page * size > MAX_OFFSET) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED,
                    "page",
                    "Pages reach " + MAX_OFFSET
                            + " invoices deep; walk further with the cursor of a page (nextCursor).");
        }
        return search(filter, null, page, size);
    }

    /**
     * The invoices after a cursor (the {@code nextCursor} of a page; null: from the newest), newest first:
     * keyset paging, which costs the same however deep and never repeats or skips an invoice while new
     * ones are made.
     */
    public InvoicePage searchAfter(InvoiceFilter filter, String cursor, int size) {
        requirePageSize(size);
        return search(filter, cursor == null ? null : InvoiceCursor.decode(cursor, "cursor"), 0, size);
    }

    /**
     * The page's ids come from one index walk (InvoiceListQuery) and only the page's rows are then read
     * whole, with their accounts and credit notes; the total is counted up to a bound.
     */
    private InvoicePage search(InvoiceFilter filter, InvoiceCursor after, int page, int size) {
        InvoiceListQuery.Slice slice;
        InvoiceListQuery.Total total;
        try (Connection connection = dataSource.getConnection()) {
            InvoiceListQuery query = InvoiceListQuery.of(connection, filter);
            total = query.total(connection);
            slice = query.page(connection, after, (long) page * size, size, total);
        } catch (SQLException e) {
            throw new PersistenceException("Could not search invoices", e);
        }
        List<Long> ids = slice.rows().stream().map(InvoiceListQuery.Row::id).toList();
        List<InvoiceView> items = new ArrayList<>(ids.size());
        if (!ids.isEmpty()) {
            // Read only: the rows only become views, so they need no working copies compared at commit.
            Map<Long, Object[]> rows = new HashMap<>();
            for (Object[] row : em.createQuery(
                            "SELECT i, note.id FROM Invoice i"
                                    + " LEFT JOIN Invoice note ON note.creditedInvoiceId = i.id WHERE i.id IN :ids",
                            Object[].class)
                    .setParameter("ids", ids)
                    .setHint(READ_ONLY, true)
                    .getResultList()) {
                rows.put(((Invoice) row[0]).getId(), row);
            }
            Map<Long, Account> accounts = new HashMap<>();
            if (!rows.isEmpty()) {
                em.createQuery("SELECT a FROM Account a JOIN FETCH a.contractor WHERE a.id IN :ids", Account.class)
                        .setParameter(
                                "ids",
                                rows.values().stream()
                                        .map(row -> ((Invoice) row[0]).getAccountId())
                                        .distinct()
                                        .toList())
                        .setHint(READ_ONLY, true)
                        .getResultStream()
                        .forEach(account -> accounts.put(account.getId(), account));
            }
            for (Long id : ids) {
                Object[] row = rows.get(id);
                if (row != null) { // deleted between the two reads
                    Invoice invoice = (Invoice) row[0];
                    items.add(InvoiceViews.of(invoice, accounts.get(invoice.getAccountId()), (Long) row[1]));
                }
            }
        }
        String next = slice.more()
                ? slice.rows().get(slice.rows().size() - 1).cursor().encode()
                : null;
        return new InvoicePage(total.count(), page, size, items, total.exact(), next);
    }

    private static void requirePageSize(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED, "size", "The page size is from 1 to " + MAX_PAGE_SIZE + ".");
        }
    }

    /**
     * @param rows the invoice's VAT lines and breakdown when known here, else null: read through the
     *             persistence context's own connection, never a second one from the pool (an approval holds
     *             its series' counter locked meanwhile: fifty of them each waiting for a second connection
     *             of a pool of 32 would hold the lock until the others' lock timeout)
     */
    private InvoiceView view(Invoice invoice, Account account, TaxLineStore.Rows rows) {
        TaxLineStore.Rows tax = rows != null ? rows : store.taxRows(invoice.getId());
        return InvoiceViews.of(
                invoice, account, store.creditNoteOf(invoice.getId()).orElse(null), tax);
    }

    private static TaxLineStore.Rows rows(LegalTotals totals) {
        return totals == null ? TaxLineStore.Rows.NONE : new TaxLineStore.Rows(totals.lines(), totals.breakdown());
    }

    /** An issued invoice's legal totals with its stored rows; null for one made before they were kept (V17). */
    private static LegalTotals legalTotals(Invoice invoice, TaxLineStore.Rows rows) {
        InvoiceLegal legal = invoice.getLegal();
        if (legal == null || !legal.hasTotals()) {
            return null;
        }
        return new LegalTotals(
                rows.lines(),
                rows.breakdown(),
                legal.getNetTotal(),
                legal.getVatTotal(),
                legal.getGrossTotal(),
                legal.getPrepaidAmount(),
                legal.getAmountDue(),
                legal.getTaxNote());
    }

    private void record(Invoice invoice, Action action, Instant at, String detail) {
        store.record(invoice, action, actor(), at, detail);
    }

    private String actor() {
        return session.getCallerPrincipal().getName();
    }

    private Account account(InvoiceRequest request) {
        requireField(request.accountId(), "accountId");
        requireField(request.direction(), "direction");
        requireField(request.startDate(), "startDate");
        requireField(request.endDate(), "endDate");
        Account account = em.find(Account.class, request.accountId());
        if (account == null) {
            throw new InvoicingException(
                    ErrorCode.ACCOUNT_NOT_FOUND, "accountId", "There is no account " + request.accountId() + ".");
        }
        return account;
    }

    private BillingPeriod period(InvoiceRequest request, Account account) {
        return BillingPeriod.manual(
                request.startDate(), request.endDate(), account.zone(), clock.instant(), maxManualPeriod());
    }

    /** {@code invoicing.invoice.max-period}, an ISO-8601 period ({@code P1Y}, {@code P3M}); default one year. */
    static Period maxManualPeriod() {
        String configured = Settings.value("invoicing.invoice.max-period").orElse(null);
        if (configured == null) {
            return BillingPeriod.DEFAULT_MAX_LENGTH;
        }
        try {
            Period period = Period.parse(configured);
            if (period.isNegative() || period.isZero()) {
                throw new DateTimeParseException("not positive", configured, 0);
            }
            return period;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "The setting invoicing.invoice.max-period (INVOICING_INVOICE_MAX_PERIOD) is"
                            + " an ISO-8601 period such as P1Y or P3M; got '" + configured + "'.",
                    e);
        }
    }

    private InvoiceFigures figures(Account account, Direction direction, BillingPeriod period) {
        try (Connection connection = dataSource.getConnection()) {
            return calculator.calculate(connection, account.getId(), direction, account.getPaymentModel(), period);
        } catch (SQLException e) {
            throw new PersistenceException("Could not calculate the invoice of account " + account.getId(), e);
        }
    }

    private static void requireField(Object value, String field) {
        if (value == null) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, field, field + " is required.");
        }
    }
}
