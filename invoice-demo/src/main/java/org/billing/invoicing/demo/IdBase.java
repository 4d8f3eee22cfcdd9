package org.billing.invoicing.demo;

/**
 * The highest id already used in each platform table (0 in an empty database): generated ids continue
 * from there, so an empty database gets 1..n and a forced run never collides with existing rows.
 */
record IdBase(
        long country,
        long network,
        long contractor,
        long account,
        long service,
        long subscription,
        long serviceTransaction,
        long balanceCorrection,
        long cdr) {

    static final IdBase EMPTY = new IdBase(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
