package org.billing.invoicing.tax;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A legal entity of the platform operator that invoices are issued in the name of. */
@Entity
@Table(name = "seller_profile")
public class SellerProfile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "legal_name", nullable = false)
    private String legalName;

    private String street;
    private String city;

    @Column(name = "postal_code")
    private String postalCode;

    private String country;

    @Column(name = "vat_id")
    private String vatId;

    private String registration;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "contact_phone")
    private String contactPhone;

    private String iban;
    private String bic;

    @Column(name = "payment_terms_days")
    private int paymentTermsDays;

    private String rounding;

    @Column(name = "is_default")
    private boolean isDefault;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected SellerProfile() {}

    /** A new profile from a validated definition; whether it is the default is the service's to set. */
    static SellerProfile of(SellerProfileDefinition definition, Instant now) {
        SellerProfile profile = new SellerProfile();
        profile.createdAt = now;
        profile.revise(definition, now);
        return profile;
    }

    /** Takes a validated definition's fields; never the default flag (see {@link #makeDefault}). */
    void revise(SellerProfileDefinition definition, Instant now) {
        legalName = definition.legalName();
        street = definition.street();
        city = definition.city();
        postalCode = definition.postalCode();
        country = definition.country();
        vatId = definition.vatId();
        registration = definition.registration();
        contactEmail = definition.contactEmail();
        contactPhone = definition.contactPhone();
        iban = definition.iban();
        bic = definition.bic();
        paymentTermsDays = definition.paymentTermsDays();
        rounding = definition.rounding();
        updatedAt = now;
    }

    void makeDefault(boolean value) {
        isDefault = value;
    }

    public Long getId() {
        return id;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public SellerProfileView view() {
        return new SellerProfileView(
                id,
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
                isDefault,
                createdAt,
                updatedAt);
    }
}
