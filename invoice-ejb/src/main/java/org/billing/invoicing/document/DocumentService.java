package org.billing.invoicing.document;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.database.Database;
import org.billing.invoicing.einvoice.EInvoice;
import org.billing.invoicing.einvoice.EInvoiceService;
import org.billing.invoicing.einvoice.EInvoices;
import org.billing.invoicing.invoice.DetailTable;
import org.billing.invoicing.invoice.InvoiceBuyer;
import org.billing.invoicing.invoice.InvoiceKind;
import org.billing.invoicing.invoice.InvoiceService;
import org.billing.invoicing.invoice.InvoiceView;
import org.billing.invoicing.platform.Account;

/**
 * The documents of invoices: the frozen ODT and PDF of an issued invoice, the draft of a Pending one
 * rendered on the fly, and the preview of a template. Rendering never runs in a transaction.
 *
 * <p>For sibling modules (mail): {@link #documentOf(long)} answers the frozen document, once made.
 */
@Stateless
public class DocumentService {

    @PersistenceContext(unitName = "invoicing")
    private EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    @EJB
    private InvoiceService invoices;

    @EJB
    private TemplateService templates;

    @EJB
    private Office office;

    @EJB
    private EInvoiceService einvoices;

    @EJB
    private DocumentRenderer renderer;

    @EJB
    private DraftConversions drafts;

    @Resource
    private SessionContext session;

    private final OdtRenderer odtRenderer = new OdtRenderer();

    /** Who asks, for the bound on the documents one user may have in the making at once. */
    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    /** The frozen document (ODT and PDF) of an issued invoice, once it is made. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<InvoiceDocument> documentOf(long invoiceId) {
        return stored(invoiceId, true).filter(InvoiceDocument::ready);
    }

    /** What is known of an invoice's document, without its bytes. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<InvoiceDocument> status(long invoiceId) {
        invoices.get(invoiceId);
        return stored(invoiceId, false);
    }

    /** The PDF: frozen for an issued invoice, a draft rendered now for a Pending one. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public InvoiceFile pdf(long invoiceId) {
        InvoiceView invoice = invoices.get(invoiceId);
        if (invoice.pending()) {
            return drafts.make(
                    caller(),
                    () -> new InvoiceFile(draftName(invoice) + ".pdf", InvoiceFile.PDF, office.toPdf(draft(invoice))));
        }
        InvoiceDocument document = issued(invoice, true);
        if (document.pdf() == null) {
            throw notReady(invoice, document);
        }
        return new InvoiceFile(document.pdfFileName(), InvoiceFile.PDF, document.pdf());
    }

    /** The ODT: frozen for an issued invoice (made even when the PDF step failed), a draft for a Pending one. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public InvoiceFile odt(long invoiceId) {
        InvoiceView invoice = invoices.get(invoiceId);
        if (invoice.pending()) {
            return drafts.make(
                    caller(), () -> new InvoiceFile(draftName(invoice) + ".odt", InvoiceFile.ODT, draft(invoice)));
        }
        InvoiceDocument document = issued(invoice, true);
        if (document.odt() == null) {
            throw notReady(invoice, document);
        }
        return new InvoiceFile(document.odtFileName(), InvoiceFile.ODT, document.odt());
    }

    /**
     * The issued invoice's document as Factur-X (profile EN 16931): its frozen document, exported again
     * by LibreOffice as PDF/A-3, with the CII of its e-invoice embedded as {@code factur-x.xml}. The
     * document must be made; the e-invoice must be possible ({@code EINVOICE_INCOMPLETE} says why not).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public InvoiceFile facturX(long invoiceId) {
        EInvoice einvoice = einvoices.einvoice(invoiceId);
        InvoiceFile odt = odt(invoiceId);
        byte[] pdfA = office.toPdfA(odt.content());
        String name = odt.fileName().replaceFirst("\\.odt$", "") + "-facturx.pdf";
        return new InvoiceFile(name, InvoiceFile.PDF, EInvoices.facturX(pdfA, einvoice));
    }

    /** Makes an issued invoice's document now, unless it is made already (an operator's retry). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<InvoiceDocument> renderNow(long invoiceId) {
        InvoiceView invoice = invoices.get(invoiceId);
        if (invoice.pending()) {
            throw new InvoicingException(
                    ErrorCode.INVOICE_NOT_ISSUED,
                    "Invoice " + invoiceId
                            + " is Pending: its document is made when it is issued; download the draft instead.");
        }
        renderer.render(invoiceId, true);
        return stored(invoiceId, false);
    }

    /** "Preview PDF" of a template (seed 003): the template as it is, placeholders left in place. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public InvoiceFile previewTemplate(long templateId) {
        TemplateSource source = templates.source(templateId);
        String name = source.filename().replaceFirst("(?i)\\.odt$", "");
        return drafts.make(
                caller(),
                () -> new InvoiceFile(name + "-preview.pdf", InvoiceFile.PDF, office.toPdf(source.content())));
    }

    /** Everything an invoice's document prints, read now. */
    public DocumentData data(long invoiceId, boolean draft) {
        InvoiceView invoice = invoices.get(invoiceId);
        Account account = em.find(Account.class, invoice.accountId());
        Map<DetailTable, List<?>> tables = new EnumMap<>(DetailTable.class);
        for (DetailTable table : DetailTable.values()) {
            tables.put(table, invoices.table(invoiceId, table));
        }
        Long original =
                invoice.supplementedInvoiceId() != null ? invoice.supplementedInvoiceId() : invoice.creditedInvoiceId();
        String originalReference = original == null
                ? null
                : invoices.find(original).map(InvoiceView::number).orElse(null);
        // The address and phones the invoice copied when it was made (issue 12, V21); the platform's now only
        // for an invoice the database had before it kept them.
        InvoiceBuyer copied = invoice.buyer() != null && invoice.buyer().name() != null ? invoice.buyer() : null;
        return new DocumentData(
                invoice,
                account.getBalance(),
                account.getMinBalance(),
                account.getMaxBalance(),
                invoicePeriod(invoice),
                copied != null ? copied.address() : account.getContractor().getAddress(),
                copied != null ? copied.phones() : account.getContractor().getPhones(),
                tables,
                draft,
                originalReference);
    }

    /** The template an invoice's account uses for its direction, else the global default. */
    public Optional<TemplateSource> templateFor(InvoiceView invoice) {
        try (Connection connection = dataSource.getConnection()) {
            return DocumentStore.templateFor(
                            connection, invoice.accountId(), invoice.direction().name())
                    .map(templates::source);
        } catch (SQLException e) {
            throw new PersistenceException("Could not find the template of invoice " + invoice.id(), e);
        }
    }

    /**
     * {@code [A_INV_PERIOD]}: the account's automatic invoice period for the invoice's direction
     * ("Monthly", "Weekly split by new month", ...), or "Manual" when it is invoiced by hand.
     */
    private String invoicePeriod(InvoiceView invoice) {
        try (Connection connection = dataSource.getConnection();
                var select = connection.prepareStatement("SELECT invoice_period FROM account_auto_invoicing"
                        + " WHERE account_id = ? AND direction = ?")) {
            select.setLong(1, invoice.accountId());
            select.setString(2, invoice.direction().name());
            try (var row = select.executeQuery()) {
                if (!row.next()) {
                    return "Manual";
                }
                String words = row.getString(1)
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ')
                        .replace("by month", "by new month");
                return Character.toUpperCase(words.charAt(0)) + words.substring(1);
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the invoice period of account " + invoice.accountId(), e);
        }
    }

    private byte[] draft(InvoiceView invoice) {
        TemplateSource template = templateFor(invoice).orElseThrow(() -> noTemplate(invoice));
        return odtRenderer.render(template.content(), data(invoice.id(), true));
    }

    private InvoiceDocument issued(InvoiceView invoice, boolean withContent) {
        return stored(invoice.id(), withContent)
                .orElseThrow(() -> templateFor(invoice).isPresent()
                        ? new InvoicingException(
                                ErrorCode.DOCUMENT_NOT_READY,
                                "The document of invoice " + invoice.id() + " is not made yet; it is on its way.")
                        : noTemplate(invoice));
    }

    private Optional<InvoiceDocument> stored(long invoiceId, boolean withContent) {
        try (Connection connection = dataSource.getConnection()) {
            return DocumentStore.find(connection, invoiceId, withContent);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the document of invoice " + invoiceId, e);
        }
    }

    static String fileName(InvoiceView invoice) {
        String kind = invoice.kind() == InvoiceKind.CREDIT_NOTE ? "credit-note-" : "invoice-";
        return kind
                + (invoice.number() == null
                        ? String.valueOf(invoice.id())
                        : invoice.number().replaceAll("[^A-Za-z0-9._-]+", "-"));
    }

    private static String draftName(InvoiceView invoice) {
        return "draft-invoice-" + invoice.id();
    }

    private static InvoicingException noTemplate(InvoiceView invoice) {
        return new InvoicingException(
                ErrorCode.DOCUMENT_NOT_FOUND,
                "Invoice " + invoice.id() + " has no document:"
                        + " account " + invoice.accountId() + " has no template for "
                        + invoice.direction().name().toLowerCase(Locale.ROOT)
                        + " invoices and there is no global default template.");
    }

    private static InvoicingException notReady(InvoiceView invoice, InvoiceDocument document) {
        return new InvoicingException(
                ErrorCode.DOCUMENT_NOT_READY,
                "The document of invoice " + invoice.id()
                        + " is " + document.status() + (document.failure() == null ? "" : ": " + document.failure())
                        + (document.status() == InvoiceDocument.Status.READY ? "" : " It is retried."));
    }
}
