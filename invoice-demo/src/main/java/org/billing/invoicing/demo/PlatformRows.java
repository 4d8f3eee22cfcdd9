package org.billing.invoicing.demo;

import java.sql.SQLException;

import org.postgresql.PGConnection;

/** Writes the small platform tables with COPY, in foreign-key order. */
final class PlatformRows {

    private final PGConnection connection;

    PlatformRows(PGConnection connection) {
        this.connection = connection;
    }

    void write(Destinations destinations, Parties parties, ServiceActivity activity) throws SQLException {
        try (CopyWriter out = CopyWriter.open(connection, "country", "id, name")) {
            for (Destinations.Country country : destinations.countries()) {
                out.value(country.id()).value(country.name()).endRow();
            }
        }
        try (CopyWriter out = CopyWriter.open(connection, "network", "id, name, country_id")) {
            for (Destinations.Network network : destinations.networks()) {
                out.value(network.id())
                        .value(network.name())
                        .value(network.country().id())
                        .endRow();
            }
        }
        writeParties(parties);
        writeServices(activity);
    }

    private void writeParties(Parties parties) throws SQLException {
        try (CopyWriter out = CopyWriter.open(
                connection, "contractor", "id, name, address, phones, email, is_customer, is_vendor, is_reseller")) {
            for (Parties.Contractor c : parties.contractors()) {
                out.value(c.id())
                        .value(c.name())
                        .value(c.address())
                        .value(c.phones())
                        .value(c.email())
                        .value(c.customer())
                        .value(c.vendor())
                        .value(c.reseller())
                        .endRow();
            }
        }
        try (CopyWriter out = CopyWriter.open(
                connection,
                "account",
                "id, contractor_id, name, balance, min_balance, "
                        + "max_balance, currency, timezone, payment_model, max_call_duration")) {
            for (Parties.Account a : parties.accounts()) {
                out.value(a.id())
                        .value(a.contractor().id())
                        .value(a.name())
                        .value(a.balance())
                        .value(a.minBalance())
                        .value(a.maxBalance())
                        .value(a.currency().name())
                        .value(a.timezone())
                        .value(a.paymentModel())
                        .value(a.maxCallDuration())
                        .endRow();
            }
        }
    }

    private void writeServices(ServiceActivity activity) throws SQLException {
        try (CopyWriter out = CopyWriter.open(connection, "service", "id, name")) {
            for (ServiceActivity.Service s : activity.services()) {
                out.value(s.id()).value(s.name()).endRow();
            }
        }
        try (CopyWriter out = CopyWriter.open(connection, "subscription", "id, account_id, name, status")) {
            for (ServiceActivity.Subscription s : activity.subscriptions()) {
                out.value(s.id())
                        .value(s.account().id())
                        .value(s.name())
                        .value(s.status())
                        .endRow();
            }
        }
        try (CopyWriter out = CopyWriter.open(
                connection,
                "service_transaction",
                "id, account_id, service_id, "
                        + "subscription_id, description, quantity, duration_months, unit_price, discount, taxes, amount, created_at")) {
            for (ServiceActivity.Transaction t : activity.transactions()) {
                out.value(t.id())
                        .value(t.accountId())
                        .value(t.serviceId())
                        .value(t.subscriptionId())
                        .value(t.description())
                        .value(t.quantity())
                        .value(t.durationMonths())
                        .value(t.unitPrice())
                        .value(t.discount())
                        .value(t.taxes())
                        .value(t.amount())
                        .value(t.createdAt())
                        .endRow();
            }
        }
        try (CopyWriter out =
                CopyWriter.open(connection, "balance_correction", "id, account_id, description, amount, approved_at")) {
            for (ServiceActivity.Correction c : activity.corrections()) {
                out.value(c.id())
                        .value(c.accountId())
                        .value(c.description())
                        .value(c.amount())
                        .value(c.approvedAt())
                        .endRow();
            }
        }
    }
}
