package org.billing.invoicing.web;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.tax.SellerProfileDefinition;
import org.billing.invoicing.tax.SellerProfileView;
import org.billing.invoicing.tax.TaxProfileService;

/**
 * taxes.xhtml: the seller profiles, and the form that creates one or revises one. A refusal is shown
 * next to the input it names.
 */
@Named
@ViewScoped
public class SellerProfileEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's id in taxes.xhtml; its inputs carry the ids of the definition fields they fill. */
    private static final String FORM = "seller";

    private static final Set<String> INPUTS = Set.of(
            "legalName",
            "street",
            "city",
            "postalCode",
            "country",
            "vatId",
            "registration",
            "contactEmail",
            "contactPhone",
            "iban",
            "bic",
            "paymentTermsDays",
            "rounding",
            "isDefault");

    @EJB
    private TaxProfileService profiles;

    private List<SellerProfileView> sellers;
    private Long editedId;
    private String legalName;
    private String street;
    private String city;
    private String postalCode;
    private String country;
    private String vatId;
    private String registration;
    private String contactEmail;
    private String contactPhone;
    private String iban;
    private String bic;
    private Integer paymentTermsDays;
    private String rounding;
    private boolean isDefault;

    public SellerProfileEditor() {
        startNew();
    }

    public List<SellerProfileView> getSellers() {
        if (sellers == null) {
            sellers = profiles.sellers();
        }
        return sellers;
    }

    public void startNew() {
        editedId = null;
        legalName = street = city = postalCode = country = vatId = registration = null;
        contactEmail = contactPhone = iban = bic = null;
        paymentTermsDays = SellerProfileDefinition.DEFAULT_PAYMENT_TERMS_DAYS;
        rounding = "HALF_UP";
        isDefault = false;
    }

    public void edit(SellerProfileView view) {
        editedId = view.id();
        legalName = view.legalName();
        street = view.street();
        city = view.city();
        postalCode = view.postalCode();
        country = view.country();
        vatId = view.vatId();
        registration = view.registration();
        contactEmail = view.contactEmail();
        contactPhone = view.contactPhone();
        iban = view.iban();
        bic = view.bic();
        paymentTermsDays = view.paymentTermsDays();
        rounding = view.rounding();
        isDefault = view.isDefault();
    }

    public void save() {
        if (!Access.permits(Action.MANAGE_TAX_PROFILES, "change seller profiles")) {
            return;
        }
        SellerProfileDefinition definition = new SellerProfileDefinition(
                legalName,
                street,
                city,
                postalCode,
                country,
                vatId,
                registration,
                contactEmail,
                contactPhone,
                iban,
                bic,
                paymentTermsDays,
                rounding,
                isDefault);
        SellerProfileView saved;
        try {
            saved = editedId == null ? profiles.createSeller(definition) : profiles.reviseSeller(editedId, definition);
        } catch (RuntimeException e) {
            InvoicingException refusal = Refusals.refusal(e);
            Messages.error(
                    INPUTS.contains(refusal.field()) ? FORM + ":" + refusal.field() : null, refusal.getMessage());
            return;
        }
        Messages.info("Seller '" + saved.legalName() + "' is " + (editedId == null ? "created" : "saved")
                + (saved.isDefault() ? "; it is the default seller." : "."));
        sellers = null;
        startNew();
    }

    public boolean isEditing() {
        return editedId != null;
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getVatId() {
        return vatId;
    }

    public void setVatId(String vatId) {
        this.vatId = vatId;
    }

    public String getRegistration() {
        return registration;
    }

    public void setRegistration(String registration) {
        this.registration = registration;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getIban() {
        return iban;
    }

    public void setIban(String iban) {
        this.iban = iban;
    }

    public String getBic() {
        return bic;
    }

    public void setBic(String bic) {
        this.bic = bic;
    }

    public Integer getPaymentTermsDays() {
        return paymentTermsDays;
    }

    public void setPaymentTermsDays(Integer paymentTermsDays) {
        this.paymentTermsDays = paymentTermsDays;
    }

    public String getRounding() {
        return rounding;
    }

    public void setRounding(String rounding) {
        this.rounding = rounding;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public void setDefault(boolean isDefault) {
        this.isDefault = isDefault;
    }
}
