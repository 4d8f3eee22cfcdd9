package org.billing.invoicing.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.tax.InvoiceParties;
import org.billing.invoicing.tax.LegalTotals;
import org.billing.invoicing.tax.TaxTreatment;
import org.billing.invoicing.tax.TaxableLine;
import org.billing.invoicing.tax.VatCalculation;

/**
 * What an invoice says as a tax document, copied when it is made (issue 12) and never changed: the
 * seller's and the buyer's identity (the account's name and the buyer's phones included), the currency,
 * the buyer's tax treatment, whether it is self-billed, the legal totals and the due date. Columns of the
 * invoice row, so the database keeps them unchanged once it is issued (V3, V17, V19, V21).
 * The lines and the VAT breakdown are stored beside it ({@link TaxLineStore}).
 */
@Embeddable
public class InvoiceLegal {

    @Column(name = "currency", updatable = false)
    private String currency;

    @Column(name = "seller_profile_id", updatable = false)
    private Long sellerProfileId;

    @Column(name = "seller_legal_name", updatable = false)
    private String sellerLegalName;

    @Column(name = "seller_street", updatable = false)
    private String sellerStreet;

    @Column(name = "seller_city", updatable = false)
    private String sellerCity;

    @Column(name = "seller_postal_code", updatable = false)
    private String sellerPostalCode;

    @Column(name = "seller_country", updatable = false)
    private String sellerCountry;

    @Column(name = "seller_vat_id", updatable = false)
    private String sellerVatId;

    @Column(name = "seller_registration", updatable = false)
    private String sellerRegistration;

    @Column(name = "seller_email", updatable = false)
    private String sellerEmail;

    @Column(name = "seller_phone", updatable = false)
    private String sellerPhone;

    @Column(name = "seller_iban", updatable = false)
    private String sellerIban;

    @Column(name = "seller_bic", updatable = false)
    private String sellerBic;

    /** The account's name ({@code [A_NAME]}, the list's account column; V21). */
    @Column(name = "account_name", updatable = false)
    private String accountName;

    @Column(name = "buyer_name", updatable = false)
    private String buyerName;

    @Column(name = "buyer_address", updatable = false)
    private String buyerAddress;

    @Column(name = "buyer_phones", updatable = false)
    private String buyerPhones;

    @Column(name = "buyer_country", updatable = false)
    private String buyerCountry;

    @Column(name = "buyer_vat_id", updatable = false)
    private String buyerVatId;

    @Column(name = "buyer_reference", updatable = false)
    private String buyerReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "tax_treatment", updatable = false)
    private TaxTreatment taxTreatment;

    @Column(name = "vat_rate", updatable = false)
    private BigDecimal vatRate;

    @Column(name = "exemption_reason", updatable = false)
    private String exemptionReason;

    @Column(name = "net_total", updatable = false)
    private BigDecimal netTotal;

    @Column(name = "vat_total", updatable = false)
    private BigDecimal vatTotal;

    @Column(name = "gross_total", updatable = false)
    private BigDecimal grossTotal;

    @Column(name = "prepaid_amount", updatable = false)
    private BigDecimal prepaidAmount;

    @Column(name = "amount_due", updatable = false)
    private BigDecimal amountDue;

    @Column(name = "tax_note", updatable = false)
    private String taxNote;

    @Column(name = "payment_terms_days", updatable = false)
    private Integer paymentTermsDays;

    @Column(name = "due_date", updatable = false)
    private LocalDate dueDate;

    /**
     * A vendor invoice the platform issues in the vendor's name (V19): the vendor (the contractor, the
     * "buyer" columns) is the supplier, the platform operator (the "seller" columns) the customer.
     */
    @Column(name = "self_billed", updatable = false)
    private boolean selfBilled;

    protected InvoiceLegal() {}

    /**
     * A customer invoice is taxed by the buyer's treatment. A vendor invoice (what the platform owes the
     * account) is self-billed when the account's vendor settings say so, and then taxed by the same tax
     * profile of the contractor, who is the supplier there; else it is a statement and carries no VAT.
     */
    static TaxTreatment treatment(InvoiceParties parties, Direction direction) {
        return direction == Direction.CUSTOMER || selfBilled(parties, direction)
                ? parties.buyer().treatment()
                : null;
    }

    /** Whether an invoice made now for these parties is a self-billed one: a vendor invoice, if the account says so. */
    static boolean selfBilled(InvoiceParties parties, Direction direction) {
        return direction == Direction.VENDOR && parties.selfBilling();
    }

    /**
     * The legal totals of an invoice's lines, by the parties' treatment and the seller's rounding.
     *
     * @throws InvoicingException {@code TAX_PROFILE_REQUIRED} for a self-billed invoice whose contractor has
     *     no tax profile (or a reverse-charge one without the VAT ID it needs): its VAT cannot be stated
     */
    static LegalTotals totals(
            InvoiceParties parties, Direction direction, List<TaxableLine> lines, BigDecimal prepaid) {
        boolean selfBilled = selfBilled(parties, direction);
        TaxTreatment treatment = treatment(parties, direction);
        if (selfBilled) {
            requireSupplierTaxProfile(parties);
        }
        return VatCalculation.calculate(
                lines,
                treatment,
                treatment == null ? null : parties.buyer().vatRate(),
                treatment == null ? null : parties.buyer().exemptionReason(),
                VatCalculation.minorUnit(parties.currency()),
                parties.rounding(),
                prepaid,
                selfBilled);
    }

    /**
     * A self-billed invoice states the vendor's VAT as its tax profile says (Art. 226 Directive 2006/112/EC):
     * without a profile there is nothing to state, and a reverse charge names the vendor's VAT ID.
     */
    private static void requireSupplierTaxProfile(InvoiceParties parties) {
        InvoiceParties.Buyer vendor = parties.buyer();
        if (vendor.treatment() == null) {
            throw new InvoicingException(
                    ErrorCode.TAX_PROFILE_REQUIRED,
                    "The vendor invoices of account " + parties.accountId() + " are self-billed, but its contractor "
                            + vendor.name() + " has no tax profile: give it one (PUT /contractors/"
                            + vendor.contractorId() + "/tax-profile) or turn self-billing off.");
        }
        if (vendor.treatment() == TaxTreatment.REVERSE_CHARGE && vendor.vatId() == null) {
            throw new InvoicingException(
                    ErrorCode.TAX_PROFILE_REQUIRED,
                    "A reverse-charge self-billed invoice names the vendor's VAT ID: give it in the tax profile of "
                            + vendor.name() + ".");
        }
    }

    static LegalTotals totals(InvoiceParties parties, InvoiceFigures figures) {
        return totals(parties, figures.direction(), TaxLines.of(figures), figures.correctionsAmount());
    }

    /**
     * The parties and totals copied for an invoice made on {@code creationDay} (in the account's zone): it
     * is due that day plus the seller's payment terms.
     */
    static InvoiceLegal frozen(InvoiceParties parties, Direction direction, LegalTotals totals, LocalDate creationDay) {
        InvoiceLegal legal = new InvoiceLegal();
        legal.currency = parties.currency();
        InvoiceParties.Seller seller = parties.seller();
        if (seller != null) {
            legal.sellerProfileId = seller.profileId();
            legal.sellerLegalName = seller.legalName();
            legal.sellerStreet = seller.street();
            legal.sellerCity = seller.city();
            legal.sellerPostalCode = seller.postalCode();
            legal.sellerCountry = seller.country();
            legal.sellerVatId = seller.vatId();
            legal.sellerRegistration = seller.registration();
            legal.sellerEmail = seller.contactEmail();
            legal.sellerPhone = seller.contactPhone();
            legal.sellerIban = seller.iban();
            legal.sellerBic = seller.bic();
            legal.paymentTermsDays = seller.paymentTermsDays();
        }
        InvoiceParties.Buyer buyer = parties.buyer();
        legal.accountName = parties.accountName();
        legal.buyerName = buyer.name();
        legal.buyerAddress = buyer.address();
        legal.buyerPhones = buyer.phones();
        legal.buyerCountry = buyer.country();
        legal.buyerVatId = buyer.vatId();
        legal.buyerReference = buyer.buyerReference();
        legal.selfBilled = selfBilled(parties, direction);
        legal.taxTreatment = treatment(parties, direction);
        if (legal.taxTreatment != null) {
            legal.vatRate = buyer.vatRate();
            legal.exemptionReason = buyer.exemptionReason();
        }
        legal.takeTotals(totals, creationDay);
        return legal;
    }

    /** What a credit note made on {@code creationDay} says: the same parties, every amount reversed. */
    InvoiceLegal reversed(LegalTotals reversedTotals, LocalDate creationDay) {
        InvoiceLegal note = copy();
        note.takeTotals(reversedTotals, creationDay);
        return note;
    }

    private void takeTotals(LegalTotals totals, LocalDate creationDay) {
        if (totals == null) {
            netTotal = vatTotal = grossTotal = prepaidAmount = amountDue = null;
            taxNote = null;
            dueDate = null;
            return;
        }
        netTotal = totals.netTotal();
        vatTotal = totals.vatTotal();
        grossTotal = totals.grossTotal();
        prepaidAmount = totals.prepaidAmount();
        amountDue = totals.amountDue();
        taxNote = totals.taxNote();
        dueDate = creationDay.plusDays(paymentTermsDays == null ? 0 : paymentTermsDays);
    }

    private InvoiceLegal copy() {
        InvoiceLegal copy = new InvoiceLegal();
        copy.currency = currency;
        copy.sellerProfileId = sellerProfileId;
        copy.sellerLegalName = sellerLegalName;
        copy.sellerStreet = sellerStreet;
        copy.sellerCity = sellerCity;
        copy.sellerPostalCode = sellerPostalCode;
        copy.sellerCountry = sellerCountry;
        copy.sellerVatId = sellerVatId;
        copy.sellerRegistration = sellerRegistration;
        copy.sellerEmail = sellerEmail;
        copy.sellerPhone = sellerPhone;
        copy.sellerIban = sellerIban;
        copy.sellerBic = sellerBic;
        copy.accountName = accountName;
        copy.buyerName = buyerName;
        copy.buyerAddress = buyerAddress;
        copy.buyerPhones = buyerPhones;
        copy.buyerCountry = buyerCountry;
        copy.buyerVatId = buyerVatId;
        copy.buyerReference = buyerReference;
        copy.taxTreatment = taxTreatment;
        copy.vatRate = vatRate;
        copy.exemptionReason = exemptionReason;
        copy.paymentTermsDays = paymentTermsDays;
        copy.selfBilled = selfBilled;
        return copy;
    }

    /** Whether the legal totals were computed (not for an invoice made before V17). */
    public boolean hasTotals() {
        return netTotal != null;
    }

    public String getCurrency() {
        return currency;
    }

    public Long getSellerProfileId() {
        return sellerProfileId;
    }

    public String getSellerLegalName() {
        return sellerLegalName;
    }

    public String getSellerStreet() {
        return sellerStreet;
    }

    public String getSellerCity() {
        return sellerCity;
    }

    public String getSellerPostalCode() {
        return sellerPostalCode;
    }

    public String getSellerCountry() {
        return sellerCountry;
    }

    public String getSellerVatId() {
        return sellerVatId;
    }

    public String getSellerRegistration() {
        return sellerRegistration;
    }

    public String getSellerEmail() {
        return sellerEmail;
    }

    public String getSellerPhone() {
        return sellerPhone;
    }

    public String getSellerIban() {
        return sellerIban;
    }

    public String getSellerBic() {
        return sellerBic;
    }

    public String getAccountName() {
        return accountName;
    }

    public String getBuyerPhones() {
        return buyerPhones;
    }

    public String getBuyerName() {
        return buyerName;
    }

    public String getBuyerAddress() {
        return buyerAddress;
    }

    public String getBuyerCountry() {
        return buyerCountry;
    }

    public String getBuyerVatId() {
        return buyerVatId;
    }

    public String getBuyerReference() {
        return buyerReference;
    }

    public TaxTreatment getTaxTreatment() {
        return taxTreatment;
    }

    public BigDecimal getVatRate() {
        return vatRate;
    }

    public String getExemptionReason() {
        return exemptionReason;
    }

    public BigDecimal getNetTotal() {
        return netTotal;
    }

    public BigDecimal getVatTotal() {
        return vatTotal;
    }

    public BigDecimal getGrossTotal() {
        return grossTotal;
    }

    public BigDecimal getPrepaidAmount() {
        return prepaidAmount;
    }

    public BigDecimal getAmountDue() {
        return amountDue;
    }

    public String getTaxNote() {
        return taxNote;
    }

    public Integer getPaymentTermsDays() {
        return paymentTermsDays;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public boolean isSelfBilled() {
        return selfBilled;
    }
}
