package org.billing.invoicing.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A contractor of the platform (customer, vendor, reseller). Read only: the platform owns it. */
@Entity
@Table(name = "contractor")
public class Contractor {

    @Id
    private Long id;

    private String name;
    private String address;
    private String phones;
    private String email;

    @Column(name = "is_customer")
    private boolean customer;

    @Column(name = "is_vendor")
    private boolean vendor;

    @Column(name = "is_reseller")
    private boolean reseller;

    protected Contractor() {}

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getPhones() {
        return phones;
    }

    public String getEmail() {
        return email;
    }

    public boolean isCustomer() {
        return customer;
    }

    public boolean isVendor() {
        return vendor;
    }

    public boolean isReseller() {
        return reseller;
    }
}
