package org.billing.invoicing.einvoice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;

/**
 * Writes an {@link EInvoice} as a UN/CEFACT Cross Industry Invoice (D16B) following EN 16931 (guideline
 * {@value #GUIDELINE}, which is also Factur-X's and ZUGFeRD's "EN 16931" profile). Elements in the order
 * the CII schema wants them.
 */
public final class CiiWriter {

    /** BT-24: the EN 16931 core, the Factur-X profile "EN 16931" (formerly COMFORT). */
    public static final String GUIDELINE = "urn:cen.eu:en16931:2017";

    static final String RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    static final String RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    static final String UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    static final String QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

    /** CII's date format 102: {@code CCYYMMDD}. */
    private static final DateTimeFormatter FORMAT_102 = DateTimeFormatter.BASIC_ISO_DATE;

    private CiiWriter() {}

    /** The CII document as UTF-8 XML. */
    public static byte[] write(EInvoice invoice) {
        Map<String, String> namespaces = new LinkedHashMap<>();
        namespaces.put("rsm", RSM);
        namespaces.put("ram", RAM);
        namespaces.put("qdt", QDT);
        namespaces.put("udt", UDT);
        Xml xml = new Xml("rsm:CrossIndustryInvoice", namespaces);
        new Writing(xml, invoice).document();
        return xml.bytes();
    }

    private record Writing(Xml xml, EInvoice invoice) {

        void document() {
            Element root = xml.root();
            Element context = xml.add(root, "rsm:ExchangedDocumentContext");
            xml.add(xml.add(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID", GUIDELINE);

            Element document = xml.add(root, "rsm:ExchangedDocument");
            xml.add(document, "ram:ID", invoice.number());
            xml.add(document, "ram:TypeCode", invoice.type().code());
            date(xml.add(document, "ram:IssueDateTime"), "udt", invoice.issueDate());
            invoice.notes().forEach(note -> xml.add(xml.add(document, "ram:IncludedNote"), "ram:Content", note));

            Element transaction = xml.add(root, "rsm:SupplyChainTradeTransaction");
            invoice.lines().forEach(line -> line(transaction, line));
            agreement(xml.add(transaction, "ram:ApplicableHeaderTradeAgreement"));
            xml.add(transaction, "ram:ApplicableHeaderTradeDelivery");
            settlement(xml.add(transaction, "ram:ApplicableHeaderTradeSettlement"));
        }

        private void line(Element transaction, EInvoice.Line line) {
            Element item = xml.add(transaction, "ram:IncludedSupplyChainTradeLineItem");
            xml.add(xml.add(item, "ram:AssociatedDocumentLineDocument"), "ram:LineID", line.id());
            xml.add(xml.add(item, "ram:SpecifiedTradeProduct"), "ram:Name", line.name());
            Element agreement = xml.add(item, "ram:SpecifiedLineTradeAgreement");
            xml.add(xml.add(agreement, "ram:NetPriceProductTradePrice"), "ram:ChargeAmount", Xml.decimal(line.price()));
            Element delivery = xml.add(item, "ram:SpecifiedLineTradeDelivery");
            xml.add(delivery, "ram:BilledQuantity", Xml.decimal(line.quantity()), "unitCode", line.unitCode());
            Element settlement = xml.add(item, "ram:SpecifiedLineTradeSettlement");
            Element tax = xml.add(settlement, "ram:ApplicableTradeTax");
            xml.add(tax, "ram:TypeCode", "VAT");
            xml.add(tax, "ram:CategoryCode", line.vatCategory().name());
            xml.add(tax, "ram:RateApplicablePercent", line.vatRate() == null ? null : Xml.decimal(line.vatRate()));
            Element summation = xml.add(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation");
            xml.add(summation, "ram:LineTotalAmount", Xml.amount(line.netAmount()));
        }

        private void agreement(Element agreement) {
            xml.add(agreement, "ram:BuyerReference", invoice.buyerReference());
            party(xml.add(agreement, "ram:SellerTradeParty"), invoice.seller());
            party(xml.add(agreement, "ram:BuyerTradeParty"), invoice.buyer());
            if (invoice.purchaseOrder() != null) {
                xml.add(
                        xml.add(agreement, "ram:BuyerOrderReferencedDocument"),
                        "ram:IssuerAssignedID",
                        invoice.purchaseOrder());
            }
        }

        private void party(Element element, EInvoice.Party party) {
            xml.add(element, "ram:Name", party.name());
            if (party.registrationId() != null) {
                xml.add(xml.add(element, "ram:SpecifiedLegalOrganization"), "ram:ID", party.registrationId());
            }
            if (party.hasContact()) {
                Element contact = xml.add(element, "ram:DefinedTradeContact");
                if (party.phone() != null) {
                    xml.add(
                            xml.add(contact, "ram:TelephoneUniversalCommunication"),
                            "ram:CompleteNumber",
                            party.phone());
                }
                if (party.email() != null) {
                    xml.add(xml.add(contact, "ram:EmailURIUniversalCommunication"), "ram:URIID", party.email());
                }
            }
            Element address = xml.add(element, "ram:PostalTradeAddress");
            List<String> lines = party.addressLines();
            xml.add(address, "ram:PostcodeCode", party.postcode());
            xml.add(address, "ram:LineOne", lines.size() > 0 ? lines.get(0) : null);
            xml.add(address, "ram:LineTwo", lines.size() > 1 ? lines.get(1) : null);
            xml.add(address, "ram:LineThree", lines.size() > 2 ? lines.get(2) : null);
            xml.add(address, "ram:CityName", party.city());
            xml.add(address, "ram:CountryID", party.countryCode());
            if (party.email() != null) {
                xml.add(
                        xml.add(element, "ram:URIUniversalCommunication"),
                        "ram:URIID",
                        party.email(),
                        "schemeID",
                        "EM");
            }
            if (party.vatId() != null) {
                xml.add(xml.add(element, "ram:SpecifiedTaxRegistration"), "ram:ID", party.vatId(), "schemeID", "VA");
            }
        }

        private void settlement(Element settlement) {
            xml.add(settlement, "ram:InvoiceCurrencyCode", invoice.currency());
            EInvoice.Party seller = invoice.seller();
            // A credit note is paid back by the seller: no account of the seller to pay to.
            if (!invoice.type().isCreditNote() && seller.iban() != null) {
                Element means = xml.add(settlement, "ram:SpecifiedTradeSettlementPaymentMeans");
                xml.add(means, "ram:TypeCode", "EUR".equals(invoice.currency()) ? "58" : "30");
                Element account = xml.add(means, "ram:PayeePartyCreditorFinancialAccount");
                xml.add(account, "ram:IBANID", seller.iban());
                xml.add(account, "ram:AccountName", seller.name());
                if (seller.bic() != null) {
                    xml.add(
                            xml.add(means, "ram:PayeeSpecifiedCreditorFinancialInstitution"),
                            "ram:BICID",
                            seller.bic());
                }
            }
            for (EInvoice.VatBreakdown entry : invoice.vatBreakdown()) {
                Element tax = xml.add(settlement, "ram:ApplicableTradeTax");
                xml.add(tax, "ram:CalculatedAmount", Xml.amount(entry.vatAmount()));
                xml.add(tax, "ram:TypeCode", "VAT");
                xml.add(tax, "ram:ExemptionReason", entry.exemptionReason());
                xml.add(tax, "ram:BasisAmount", Xml.amount(entry.taxableAmount()));
                xml.add(tax, "ram:CategoryCode", entry.category().name());
                xml.add(tax, "ram:ExemptionReasonCode", entry.exemptionReasonCode());
                xml.add(tax, "ram:RateApplicablePercent", entry.rate() == null ? null : Xml.decimal(entry.rate()));
            }
            if (invoice.period() != null) {
                Element period = xml.add(settlement, "ram:BillingSpecifiedPeriod");
                date(
                        xml.add(period, "ram:StartDateTime"),
                        "udt",
                        invoice.period().start());
                date(xml.add(period, "ram:EndDateTime"), "udt", invoice.period().end());
            }
            if (invoice.paymentTerms() != null || invoice.dueDate() != null) {
                Element terms = xml.add(settlement, "ram:SpecifiedTradePaymentTerms");
                xml.add(terms, "ram:Description", invoice.paymentTerms());
                if (invoice.dueDate() != null) {
                    date(xml.add(terms, "ram:DueDateDateTime"), "udt", invoice.dueDate());
                }
            }
            EInvoice.Totals totals = invoice.totals();
            Element summation = xml.add(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation");
            xml.add(summation, "ram:LineTotalAmount", Xml.amount(totals.lineTotal()));
            xml.add(summation, "ram:TaxBasisTotalAmount", Xml.amount(totals.taxExclusive()));
            xml.add(summation, "ram:TaxTotalAmount", Xml.amount(totals.vatTotal()), "currencyID", invoice.currency());
            xml.add(summation, "ram:GrandTotalAmount", Xml.amount(totals.taxInclusive()));
            if (totals.prepaid().signum() != 0) {
                xml.add(summation, "ram:TotalPrepaidAmount", Xml.amount(totals.prepaid()));
            }
            xml.add(summation, "ram:DuePayableAmount", Xml.amount(totals.payable()));
            if (invoice.precedingInvoice() != null) {
                Element reference = xml.add(settlement, "ram:InvoiceReferencedDocument");
                xml.add(
                        reference,
                        "ram:IssuerAssignedID",
                        invoice.precedingInvoice().number());
                if (invoice.precedingInvoice().issueDate() != null) {
                    date(
                            xml.add(reference, "ram:FormattedIssueDateTime"),
                            "qdt",
                            invoice.precedingInvoice().issueDate());
                }
            }
        }

        /** A date as CII writes it: {@code <udt:DateTimeString format="102">20260131</udt:DateTimeString>}. */
        private void date(Element parent, String prefix, LocalDate date) {
            xml.add(parent, prefix + ":DateTimeString", date.format(FORMAT_102), "format", "102");
        }
    }
}
