package org.billing.invoicing.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.billing.invoicing.invoice.CallLineView;
import org.billing.invoicing.invoice.DetailTable;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.InvoiceBuyer;
import org.billing.invoicing.invoice.InvoiceKind;
import org.billing.invoicing.invoice.InvoiceSeller;
import org.billing.invoicing.invoice.InvoiceState;
import org.billing.invoicing.invoice.InvoiceType;
import org.billing.invoicing.invoice.InvoiceView;
import org.billing.invoicing.invoice.ServiceLine;
import org.billing.invoicing.invoice.TaxLineView;
import org.billing.invoicing.invoice.VatBreakdownView;
import org.billing.invoicing.platform.PaymentModel;

/**
 * A Customer invoice of account 10 'Acme wholesale' (Europe/Berlin) for March 2026 whose every figure
 * is chosen so that each format rule shows (a half to round, a DST change, a negative amount, a
 * contractor name with markup characters, a two-line address); and zip helpers for the tests.
 */
public final class DocumentFixtures {

    public static final String CONTRACTOR = "<b>&\"x\" Telecom";

    private DocumentFixtures() {}

    public static OffsetDateTime at(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset);
    }

    public static InvoiceView invoice() {
        return new InvoiceView(
                51L,
                1,
                CONTRACTOR,
                10,
                "Acme wholesale",
                "EUR",
                Direction.CUSTOMER,
                PaymentModel.POSTPAY,
                InvoiceState.APPROVED,
                InvoiceType.MANUAL,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                at("2026-03-01T00:00+01:00"),
                at("2026-04-01T00:00+02:00"),
                "Europe/Berlin",
                new BigDecimal("10.5650"),
                new BigDecimal("12.3449"),
                new BigDecimal("1.7799"),
                new BigDecimal("11.3449"),
                new BigDecimal("1.2799"),
                BigDecimal.ZERO,
                new BigDecimal("0.000"),
                new BigDecimal("1.00"),
                new BigDecimal("0.5"),
                BigDecimal.ZERO,
                3,
                7,
                5,
                3_725,
                3_780,
                at("2026-03-01T00:00:05+01:00"),
                at("2026-03-31T23:59:59+02:00"),
                at("2026-03-01T00:00:05+01:00"),
                at("2026-03-31T23:59:59+02:00"),
                at("2026-04-01T09:30+02:00"),
                "operator",
                InvoiceKind.INVOICE,
                "INV-2026-000001",
                at("2026-04-02T10:00+02:00"),
                "operator",
                null,
                null,
                null,
                null,
                null,
                // Made before issue 12: no seller, buyer, treatment, lines, breakdown or legal totals.
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false);
    }

    /**
     * The fixture invoice as issue 12 makes it: a domestic buyer at 19 %, every amount worked out by hand.
     * Lines: originated calls 11.3449 -> 11.34; reverse-billing earnings -1.2799 -> -1.28; Number rental
     * 1.00; Refund -0.125 -> -0.13 (half-up, away from zero). Net 11.34 - 1.28 + 1.00 - 0.13 = 10.93; VAT
     * 10.93 x 0.19 = 2.0767 -> 2.08; gross 13.01; nothing prepaid; made 2026-04-01, due 14 days later.
     */
    public static InvoiceView legalInvoice() {
        InvoiceView v = invoice();
        return withLegal(
                v,
                v.direction(),
                v.kind(),
                v.number(),
                v.creditedInvoiceId(),
                new InvoiceSeller(
                        "Northwind Carrier Services GmbH",
                        "Friedrichstraße 100",
                        "Berlin",
                        "10117",
                        "DE",
                        "DE123456789",
                        "HRB 123456 B",
                        "billing@northwind-carrier.example",
                        "+49 30 5550 100",
                        "DE89370400440532013000",
                        "COBADEFFXXX"),
                new InvoiceBuyer(CONTRACTOR, "Hauptstr. 1\n10115 Berlin", null, "DE", "DE987654321", "PO-4711"),
                "DOMESTIC",
                new BigDecimal("19.00"),
                List.of(
                        new TaxLineView(1, "Originated calls", new BigDecimal("11.34"), "S", new BigDecimal("19.00")),
                        new TaxLineView(
                                2,
                                "Originated calls to reverse-billing destinations (earned)",
                                new BigDecimal("-1.28"),
                                "S",
                                new BigDecimal("19.00")),
                        new TaxLineView(
                                3, "Service: Number rental", new BigDecimal("1.00"), "S", new BigDecimal("19.00")),
                        new TaxLineView(4, "Service: Refund", new BigDecimal("-0.13"), "S", new BigDecimal("19.00"))),
                List.of(new VatBreakdownView(
                        "S", new BigDecimal("19.00"), new BigDecimal("10.93"), new BigDecimal("2.08"), null)),
                new BigDecimal("10.93"),
                new BigDecimal("2.08"),
                new BigDecimal("13.01"),
                new BigDecimal("0.00"),
                new BigDecimal("13.01"),
                LocalDate.of(2026, 4, 15),
                null,
                v.selfBilled());
    }

    /**
     * {@code v} as another direction, kind, number and credited invoice, self-billed or not, with what it
     * copied when it was made: its seller and buyer, treatment and rate, VAT lines and breakdown, and legal
     * totals.
     */
    public static InvoiceView withLegal(
            InvoiceView v,
            Direction direction,
            InvoiceKind kind,
            String number,
            Long creditedInvoiceId,
            InvoiceSeller seller,
            InvoiceBuyer buyer,
            String taxTreatment,
            BigDecimal vatRate,
            List<TaxLineView> lines,
            List<VatBreakdownView> vatBreakdown,
            BigDecimal netTotal,
            BigDecimal vatTotal,
            BigDecimal grossTotal,
            BigDecimal prepaidAmount,
            BigDecimal amountDue,
            LocalDate dueDate,
            String taxNote,
            boolean selfBilled) {
        return new InvoiceView(
                v.id(),
                v.contractorId(),
                v.contractorName(),
                v.accountId(),
                v.accountName(),
                v.currency(),
                direction,
                v.paymentModel(),
                v.state(),
                v.type(),
                v.startDate(),
                v.endDate(),
                v.periodStart(),
                v.periodEnd(),
                v.timeZone(),
                v.amount(),
                v.spent(),
                v.earned(),
                v.origSpent(),
                v.origEarned(),
                v.termSpent(),
                v.termEarned(),
                v.servicesSpent(),
                v.servicesEarned(),
                v.correctionsAmount(),
                v.serviceTransactionsCount(),
                v.callsCount(),
                v.successfulCallsCount(),
                v.callsDuration(),
                v.billingDuration(),
                v.firstCallAt(),
                v.lastCallAt(),
                v.firstSuccessfulCallAt(),
                v.lastSuccessfulCallAt(),
                v.createdAt(),
                v.createdBy(),
                kind,
                number,
                v.issuedAt(),
                v.issuedBy(),
                creditedInvoiceId,
                v.creditReason(),
                v.creditNoteId(),
                v.supplementedInvoiceId(),
                v.tables(),
                seller,
                buyer,
                taxTreatment,
                vatRate,
                lines,
                vatBreakdown,
                netTotal,
                vatTotal,
                grossTotal,
                prepaidAmount,
                amountDue,
                dueDate,
                taxNote,
                selfBilled);
    }

    /** {@link #data()} of {@link #legalInvoice()}. */
    public static DocumentData legalData() {
        DocumentData data = data();
        return new DocumentData(
                legalInvoice(),
                data.accountBalance(),
                data.accountMinBalance(),
                data.accountMaxBalance(),
                data.invoicePeriod(),
                data.contractorAddress(),
                data.contractorPhones(),
                data.tables(),
                false);
    }

    public static CallLineView line(
            String prefix, String network, String rate, long calls, long duration, String amount) {
        return new CallLineView(
                prefix,
                1L,
                "Germany",
                7L,
                network,
                new BigDecimal(rate),
                calls,
                calls - 1,
                duration,
                duration,
                new BigDecimal(amount),
                at("2026-03-02T08:00:01+01:00"),
                at("2026-03-30T18:15:00+02:00"));
    }

    public static DocumentData data() {
        Map<DetailTable, List<?>> tables = new EnumMap<>(DetailTable.class);
        tables.put(
                DetailTable.INV_ORIG_DST_TABLE,
                List.of(
                        line("4930", "DE Fixed", "0.0100", 4, 125, "0.02083"),
                        line("49151", "DE Mobile", "0.0650", 3, 3_600, "3.9")));
        tables.put(DetailTable.INV_ORIG_DST_SUCC_TABLE, List.of(line("4930", "DE Fixed", "0.0100", 3, 125, "0.02083")));
        tables.put(DetailTable.INV_ORIG_NETWORKS_TABLE, List.of(line(null, "DE Fixed", "0.0100", 4, 125, "0.02083")));
        tables.put(DetailTable.INV_ORIG_NETWORKS_SUCC_TABLE, List.of());
        tables.put(
                DetailTable.INV_SRV_DATA_TABLE,
                List.of(
                        new ServiceLine(1, "Number rental", 2, new BigDecimal("1.00")),
                        new ServiceLine(2, "Refund", 1, new BigDecimal("-0.125"))));
        return new DocumentData(
                invoice(),
                new BigDecimal("-20.005"),
                new BigDecimal("-100"),
                null,
                "Manual",
                "Hauptstr. 1\n10115 Berlin",
                "+49 30 1234",
                tables,
                false);
    }

    /** A document with {@code rows} rows in every call table and the services table. */
    public static DocumentData withRows(int rows) {
        Map<DetailTable, List<?>> tables = new EnumMap<>(DetailTable.class);
        List<CallLineView> calls = new ArrayList<>(rows);
        List<ServiceLine> services = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            calls.add(line(String.valueOf(4_930_000 + i), "Network " + i, "0.0123", 10 + i, 60L * i + 7, "1.23456"));
            services.add(new ServiceLine(i, "Service " + i, i, new BigDecimal("9.995")));
        }
        for (DetailTable table : DetailTable.values()) {
            tables.put(table, table.isCallTable() ? calls : services);
        }
        return new DocumentData(
                invoice(), BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN, "Manual", "Somewhere", "+1", tables, false);
    }

    public static byte[] demoTemplate() {
        return resource("/org/billing/invoicing/document/demo-invoice-template.odt");
    }

    public static byte[] resource(String name) {
        try (InputStream in = DocumentFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of a zip package, by name. */
    public static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    public static String entry(byte[] zip, String name) {
        return new String(entries(zip).get(name), StandardCharsets.UTF_8);
    }

    /** The demo template with one entry replaced (or added). */
    public static byte[] withEntry(byte[] zip, String name, byte[] content) {
        Map<String, byte[]> entries = entries(zip);
        entries.put(name, content);
        return zip(entries);
    }

    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
