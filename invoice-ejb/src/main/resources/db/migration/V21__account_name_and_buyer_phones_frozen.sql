-- Issue 12, frozen at creation, completed: the account's name and the contractor's phones an invoice
-- prints ([A_NAME], [C_PHONES]) and the list shows are copied when it is made, like the buyer's name and
-- address (V17). Renaming the account or changing the phones later changes no invoice. On the invoice row,
-- so the V3 trigger keeps them unchanged once the invoice is issued, with the rest.
ALTER TABLE invoice
    ADD COLUMN account_name varchar(255),
    ADD COLUMN buyer_phones varchar(255);

-- Invoices made before: the names and phones as the platform has them now, the best that is known of
-- them. Issued invoices refuse every UPDATE (V3); this one-off backfill of new columns is the exception,
-- as in V7 and V17.
ALTER TABLE invoice DISABLE TRIGGER invoice_issued_never_changes;
UPDATE invoice i SET account_name = a.name, buyer_phones = c.phones
    FROM account a JOIN contractor c ON c.id = a.contractor_id
    WHERE a.id = i.account_id;
ALTER TABLE invoice ENABLE TRIGGER invoice_issued_never_changes;
