package org.billing.invoicing.platform;

import java.math.BigDecimal;

/** An account as the module's readers see it. */
public record AccountView(
        long id,
        long contractorId,
        String contractorName,
        String name,
        BigDecimal balance,
        BigDecimal minBalance,
        BigDecimal maxBalance,
        String currency,
        String timeZone,
        PaymentModel paymentModel,
        long maxCallDuration) {

    static AccountView of(Account account) {
        return new AccountView(
                account.getId(),
                account.getContractor().getId(),
                account.getContractor().getName(),
                account.getName(),
                account.getBalance(),
                account.getMinBalance(),
                account.getMaxBalance(),
                account.getCurrency(),
                account.getTimeZone(),
                account.getPaymentModel(),
                account.maxCallDuration().toSeconds());
    }
}
