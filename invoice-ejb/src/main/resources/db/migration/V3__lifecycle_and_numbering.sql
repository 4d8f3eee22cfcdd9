-- Issuing invoices: numbering series (seed 003), approval and prepay closing, credit notes, the audit
-- trail, and the rule that an issued invoice never changes, kept by the database itself.

-- EclipseLink takes each value as the last id of a block of 50: the first block is 51..100, after
-- the three series below.
CREATE SEQUENCE numbering_series_seq START WITH 100 INCREMENT BY 50 MINVALUE 50;

CREATE TABLE numbering_series (
    id             bigint PRIMARY KEY,
    name           varchar(100) NOT NULL UNIQUE,
    -- Literals and %year%, %mon%, %mday%, %num%; %num% is required.
    pattern        varchar(200) NOT NULL CHECK (position('%num%' IN pattern) > 0),
    start_number   bigint       NOT NULL CHECK (start_number >= 1),
    yearly_restart boolean      NOT NULL DEFAULT false,
    -- %num% is zero-padded to this many digits (0: as it is).
    padding        integer      NOT NULL DEFAULT 0 CHECK (padding BETWEEN 0 AND 18),
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL
);

-- The next %num% of a series (per year of issue when it restarts yearly, else year 0). A number is
-- taken by locking this row in the transaction that issues the invoice: a rollback gives it back.
CREATE TABLE numbering_counter (
    series_id   bigint  NOT NULL REFERENCES numbering_series (id),
    period_year integer NOT NULL,
    next_number bigint  NOT NULL CHECK (next_number >= 1),
    PRIMARY KEY (series_id, period_year)
);

INSERT INTO numbering_series (id, name, pattern, start_number, yearly_restart, padding, created_at, updated_at) VALUES
    (1, 'Customer invoices', 'INV-%year%-%num%', 1, true, 6, now(), now()),
    (2, 'Vendor invoices', 'VND-%year%-%num%', 1, true, 6, now(), now()),
    (3, 'Credit notes', 'CN-%year%-%num%', 1, true, 6, now(), now());

-- The series that number what, unless an account's settings name another.
CREATE TABLE invoicing_settings (
    id                    integer PRIMARY KEY CHECK (id = 1),
    customer_series_id    bigint  NOT NULL REFERENCES numbering_series (id),
    vendor_series_id      bigint  NOT NULL REFERENCES numbering_series (id),
    credit_note_series_id bigint  NOT NULL REFERENCES numbering_series (id)
);
INSERT INTO invoicing_settings VALUES (1, 1, 2, 3);

-- Invoice settings of an account, per direction: its own series and the recipients of its invoices.
CREATE TABLE account_invoice_settings (
    account_id bigint      NOT NULL REFERENCES account (id),
    direction  varchar(8)  NOT NULL CHECK (direction IN ('CUSTOMER', 'VENDOR')),
    series_id  bigint      REFERENCES numbering_series (id),
    recipients text[]      NOT NULL DEFAULT '{}',
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, direction)
);

ALTER TABLE invoice
    ADD COLUMN kind                varchar(12) NOT NULL DEFAULT 'INVOICE' CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    ADD COLUMN number              varchar(200),
    ADD COLUMN series_id           bigint REFERENCES numbering_series (id),
    ADD COLUMN issued_at           timestamptz,
    ADD COLUMN issued_by           varchar(255),
    ADD COLUMN created_by          varchar(255),
    ADD COLUMN credited_invoice_id bigint REFERENCES invoice (id),
    ADD COLUMN credit_reason       text;
ALTER TABLE invoice
    ADD CONSTRAINT invoice_number_unique UNIQUE (series_id, number),
    ADD CONSTRAINT invoice_issued_is_numbered CHECK (
        (state = 'PENDING' AND number IS NULL AND issued_at IS NULL)
        OR (state <> 'PENDING' AND number IS NOT NULL AND series_id IS NOT NULL AND issued_at IS NOT NULL)),
    ADD CONSTRAINT credit_note_references_invoice CHECK ((kind = 'CREDIT_NOTE') = (credited_invoice_id IS NOT NULL));
-- An invoice is credited whole, once.
CREATE UNIQUE INDEX invoice_credited_once ON invoice (credited_invoice_id) WHERE credited_invoice_id IS NOT NULL;

-- The period an invoice claims for its account and direction. The claim, not the invoice, carries
-- the exclusion constraint: crediting an issued invoice releases its claim, so that the corrected
-- invoice can be made for the same period, while the issued invoice itself is never changed.
CREATE TABLE invoice_period_claim (
    invoice_id bigint      PRIMARY KEY REFERENCES invoice (id) ON DELETE CASCADE,
    account_id bigint      NOT NULL,
    direction  varchar(8)  NOT NULL,
    start_at   timestamptz NOT NULL,
    end_at     timestamptz NOT NULL,
    CONSTRAINT invoice_period_claim_no_overlap EXCLUDE USING gist (
        account_id WITH =, direction WITH =, tstzrange(start_at, end_at, '[)') WITH &&)
);
INSERT INTO invoice_period_claim SELECT id, account_id, direction, start_at, end_at FROM invoice;
ALTER TABLE invoice DROP CONSTRAINT invoice_no_overlap;

-- Who did what to an invoice, and when. No foreign key: the trail of a deleted invoice stays.
CREATE SEQUENCE invoice_event_seq START WITH 50 INCREMENT BY 50 MINVALUE 50;
CREATE TABLE invoice_event (
    id         bigint PRIMARY KEY,
    invoice_id bigint       NOT NULL,
    action     varchar(32)  NOT NULL,
    actor      varchar(255) NOT NULL,
    at         timestamptz  NOT NULL,
    detail     text
);
CREATE INDEX invoice_event_invoice_idx ON invoice_event (invoice_id, at, id);

-- An issued (approved or closed) invoice and its detail rows never change, whoever asks: the
-- approving UPDATE itself starts from PENDING and is allowed.
CREATE FUNCTION refuse_change_of_issued_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state <> 'PENDING' THEN
        RAISE EXCEPTION 'invoice % is issued (%) and never changes; correct it with a credit note', OLD.id, OLD.state
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER invoice_issued_never_changes BEFORE UPDATE OR DELETE ON invoice
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_issued_invoice();

CREATE FUNCTION refuse_change_of_issued_invoice_line() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    line_invoice bigint := CASE WHEN TG_OP = 'INSERT' THEN NEW.invoice_id ELSE OLD.invoice_id END;
BEGIN
    IF EXISTS (SELECT 1 FROM invoice WHERE id = line_invoice AND state <> 'PENDING') THEN
        RAISE EXCEPTION 'invoice % is issued and its % rows never change', line_invoice, TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['inv_orig_dst', 'inv_orig_dst_succ', 'inv_term_dst', 'inv_term_dst_succ',
                             'inv_orig_networks', 'inv_orig_networks_succ', 'inv_term_networks',
                             'inv_term_networks_succ', 'inv_srv_data']
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION refuse_change_of_issued_invoice_line()',
                       t || '_issued_never_change', t);
    END LOOP;
END
$$;
