package org.billing.invoicing.einvoice;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;

/**
 * Writes an {@link EInvoice} as OASIS UBL 2.1 following EN 16931 (customization {@value #CUSTOMIZATION}):
 * an {@code Invoice} for types 380 and 389, a {@code CreditNote} for 381 and 261. Elements in the order the UBL
 * schema wants them; the EN 16931 business terms named where they are written.
 */
public final class UblWriter {

    /** The EN 16931 core specification, without national extensions (BT-24). */
    public static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017";

    static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    private UblWriter() {}

    /** The UBL document as UTF-8 XML. */
    public static byte[] write(EInvoice invoice) {
        boolean creditNote = invoice.type().isCreditNote();
        Map<String, String> namespaces = new LinkedHashMap<>();
        namespaces.put("", creditNote ? CREDIT_NOTE_NS : INVOICE_NS);
        namespaces.put("cac", CAC);
        namespaces.put("cbc", CBC);
        Xml xml = new Xml(creditNote ? "CreditNote" : "Invoice", namespaces);
        new Writing(xml, invoice, creditNote).document();
        return xml.bytes();
    }

    private record Writing(Xml xml, EInvoice invoice, boolean creditNote) {

        void document() {
            Element root = xml.root();
            xml.add(root, "cbc:CustomizationID", CUSTOMIZATION);
            xml.add(root, "cbc:ID", invoice.number());
            xml.add(root, "cbc:IssueDate", date(invoice.issueDate()));
            if (!creditNote) {
                xml.add(root, "cbc:DueDate", date(invoice.dueDate()));
            }
            xml.add(
                    root,
                    creditNote ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode",
                    invoice.type().code());
            invoice.notes().forEach(note -> xml.add(root, "cbc:Note", note));
            xml.add(root, "cbc:DocumentCurrencyCode", invoice.currency());
            xml.add(root, "cbc:BuyerReference", invoice.buyerReference());
            if (invoice.period() != null) {
                Element period = xml.add(root, "cac:InvoicePeriod");
                xml.add(period, "cbc:StartDate", date(invoice.period().start()));
                xml.add(period, "cbc:EndDate", date(invoice.period().end()));
            }
            if (invoice.purchaseOrder() != null) {
                xml.add(xml.add(root, "cac:OrderReference"), "cbc:ID", invoice.purchaseOrder());
            }
            if (invoice.precedingInvoice() != null) {
                Element reference = xml.add(xml.add(root, "cac:BillingReference"), "cac:InvoiceDocumentReference");
                xml.add(reference, "cbc:ID", invoice.precedingInvoice().number());
                xml.add(
                        reference,
                        "cbc:IssueDate",
                        date(invoice.precedingInvoice().issueDate()));
            }
            party(xml.add(root, "cac:AccountingSupplierParty"), invoice.seller());
            party(xml.add(root, "cac:AccountingCustomerParty"), invoice.buyer());
            paymentMeans(root);
            if (invoice.paymentTerms() != null) {
                xml.add(xml.add(root, "cac:PaymentTerms"), "cbc:Note", invoice.paymentTerms());
            }
            taxTotal(root);
            monetaryTotal(root);
            invoice.lines().forEach(line -> line(root, line));
        }

        private void party(Element role, EInvoice.Party party) {
            Element element = xml.add(role, "cac:Party");
            xml.add(element, "cbc:EndpointID", party.email(), "schemeID", "EM");
            Element address = xml.add(element, "cac:PostalAddress");
            List<String> lines = party.addressLines();
            xml.add(address, "cbc:StreetName", lines.size() > 0 ? lines.get(0) : null);
            xml.add(address, "cbc:AdditionalStreetName", lines.size() > 1 ? lines.get(1) : null);
            xml.add(address, "cbc:CityName", party.city());
            xml.add(address, "cbc:PostalZone", party.postcode());
            if (lines.size() > 2) {
                xml.add(xml.add(address, "cac:AddressLine"), "cbc:Line", lines.get(2));
            }
            xml.add(xml.add(address, "cac:Country"), "cbc:IdentificationCode", party.countryCode());
            if (party.vatId() != null) {
                Element taxScheme = xml.add(element, "cac:PartyTaxScheme");
                xml.add(taxScheme, "cbc:CompanyID", party.vatId());
                vat(taxScheme);
            }
            Element legal = xml.add(element, "cac:PartyLegalEntity");
            xml.add(legal, "cbc:RegistrationName", party.name());
            xml.add(legal, "cbc:CompanyID", party.registrationId());
            if (party.hasContact()) {
                Element contact = xml.add(element, "cac:Contact");
                xml.add(contact, "cbc:Telephone", party.phone());
                xml.add(contact, "cbc:ElectronicMail", party.email());
            }
        }

        /**
         * How to pay (BG-16): a credit transfer to the seller's account (58 SEPA in euros, else 30). A
         * credit note is paid back by the seller, so it names no account; UBL 2.1's CreditNote has no
         * DueDate of its own, EN 16931 puts its due date here (code 1: instrument not defined).
         */
        private void paymentMeans(Element root) {
            EInvoice.Party seller = invoice.seller();
            if (!creditNote && seller.iban() != null) {
                Element means = xml.add(root, "cac:PaymentMeans");
                xml.add(means, "cbc:PaymentMeansCode", "EUR".equals(invoice.currency()) ? "58" : "30");
                xml.add(means, "cbc:PaymentID", invoice.number());
                Element account = xml.add(means, "cac:PayeeFinancialAccount");
                xml.add(account, "cbc:ID", seller.iban());
                xml.add(account, "cbc:Name", seller.name());
                if (seller.bic() != null) {
                    xml.add(xml.add(account, "cac:FinancialInstitutionBranch"), "cbc:ID", seller.bic());
                }
            } else if (creditNote && invoice.dueDate() != null) {
                Element means = xml.add(root, "cac:PaymentMeans");
                xml.add(means, "cbc:PaymentMeansCode", "1");
                xml.add(means, "cbc:PaymentDueDate", date(invoice.dueDate()));
            }
        }

        private void taxTotal(Element root) {
            Element total = xml.add(root, "cac:TaxTotal");
            money(total, "cbc:TaxAmount", invoice.totals().vatTotal());
            for (EInvoice.VatBreakdown entry : invoice.vatBreakdown()) {
                Element subtotal = xml.add(total, "cac:TaxSubtotal");
                money(subtotal, "cbc:TaxableAmount", entry.taxableAmount());
                money(subtotal, "cbc:TaxAmount", entry.vatAmount());
                Element category = xml.add(subtotal, "cac:TaxCategory");
                xml.add(category, "cbc:ID", entry.category().name());
                xml.add(category, "cbc:Percent", entry.rate() == null ? null : Xml.decimal(entry.rate()));
                xml.add(category, "cbc:TaxExemptionReasonCode", entry.exemptionReasonCode());
                xml.add(category, "cbc:TaxExemptionReason", entry.exemptionReason());
                vat(category);
            }
        }

        private void monetaryTotal(Element root) {
            EInvoice.Totals totals = invoice.totals();
            Element total = xml.add(root, "cac:LegalMonetaryTotal");
            money(total, "cbc:LineExtensionAmount", totals.lineTotal());
            money(total, "cbc:TaxExclusiveAmount", totals.taxExclusive());
            money(total, "cbc:TaxInclusiveAmount", totals.taxInclusive());
            if (totals.prepaid().signum() != 0) {
                money(total, "cbc:PrepaidAmount", totals.prepaid());
            }
            money(total, "cbc:PayableAmount", totals.payable());
        }

        private void line(Element root, EInvoice.Line line) {
            Element element = xml.add(root, creditNote ? "cac:CreditNoteLine" : "cac:InvoiceLine");
            xml.add(element, "cbc:ID", line.id());
            xml.add(
                    element,
                    creditNote ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity",
                    Xml.decimal(line.quantity()),
                    "unitCode",
                    line.unitCode());
            money(element, "cbc:LineExtensionAmount", line.netAmount());
            Element item = xml.add(element, "cac:Item");
            xml.add(item, "cbc:Name", line.name());
            Element category = xml.add(item, "cac:ClassifiedTaxCategory");
            xml.add(category, "cbc:ID", line.vatCategory().name());
            xml.add(category, "cbc:Percent", line.vatRate() == null ? null : Xml.decimal(line.vatRate()));
            vat(category);
            Element price = xml.add(element, "cac:Price");
            xml.add(price, "cbc:PriceAmount", Xml.decimal(line.price()), "currencyID", invoice.currency());
        }

        private void vat(Element parent) {
            xml.add(xml.add(parent, "cac:TaxScheme"), "cbc:ID", "VAT");
        }

        private void money(Element parent, String name, java.math.BigDecimal amount) {
            xml.add(parent, name, Xml.amount(amount), "currencyID", invoice.currency());
        }

        private static String date(LocalDate date) {
            return date == null ? null : date.toString();
        }
    }
}
