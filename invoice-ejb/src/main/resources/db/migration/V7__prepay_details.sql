-- The invoice of a prepay account (seed 002): its payment model, the signed sum of its balance
-- corrections, and its three groups, charges, subscriptions and corrections, stored with it like the
-- nine detail tables, so that an issued invoice keeps them as they were whatever the platform does later.

-- The account's payment model when the invoice was made; the platform may change the account's later.
-- corrections_amount: the signed sum of a prepay customer invoice's corrections (0 for any other invoice);
-- such an invoice's amount is spent - earned - corrections_amount.
ALTER TABLE invoice
    ADD COLUMN payment_model      varchar(8) NOT NULL DEFAULT 'POSTPAY' CHECK (payment_model IN ('PREPAY', 'POSTPAY')),
    ADD COLUMN corrections_amount numeric    NOT NULL DEFAULT 0;

-- Invoices made before: only a prepay account's invoice was ever created Closed (V3), and a credit note
-- follows the invoice it reverses. Their amounts stay as issued (no corrections were counted then).
-- Issued invoices refuse every UPDATE (V3); this one-off backfill of a new column is the exception.
ALTER TABLE invoice DISABLE TRIGGER invoice_issued_never_changes;
UPDATE invoice SET payment_model = 'PREPAY' WHERE state = 'CLOSED' AND kind = 'INVOICE';
UPDATE invoice note SET payment_model = 'PREPAY'
    FROM invoice original
    WHERE note.credited_invoice_id = original.id AND original.payment_model = 'PREPAY';
ALTER TABLE invoice ENABLE TRIGGER invoice_issued_never_changes;

-- Copies of the platform's rows, not references to them: no foreign keys to service_transaction,
-- subscription or balance_correction, which the platform owns. line_no is the "#" of seed 002.
CREATE TABLE inv_charges (
    invoice_id      bigint      NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
    line_no         integer     NOT NULL,
    transaction_id  bigint      NOT NULL,
    service_id      bigint      NOT NULL,
    subscription_id bigint,
    description     text,
    quantity        numeric,
    duration_months integer,
    unit_price      numeric,
    discount        numeric,
    taxes           numeric,
    amount          numeric     NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);

-- Name and status as they were when the invoice was made; status is the platform's code, kept as given.
CREATE TABLE inv_subscriptions (
    invoice_id      bigint  NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
    line_no         integer NOT NULL,
    subscription_id bigint  NOT NULL,
    name            text    NOT NULL,
    status          text    NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);

CREATE TABLE inv_corrections (
    invoice_id    bigint      NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
    line_no       integer     NOT NULL,
    correction_id bigint      NOT NULL,
    description   text,
    amount        numeric     NOT NULL,
    approved_at   timestamptz NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);

-- The rows of an issued invoice never change, as those of the nine detail tables (V3).
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['inv_charges', 'inv_subscriptions', 'inv_corrections']
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION refuse_change_of_issued_invoice_line()',
                       t || '_issued_never_change', t);
    END LOOP;
END
$$;
