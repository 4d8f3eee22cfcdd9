-- Issue 12, frozen at creation: what EU VAT law (Directive 2006/112/EC, Art. 226) asks an invoice to say
-- of its seller and buyer, its currency and tax treatment, is copied onto the invoice when it is made,
-- from the seller profile of its account (or the default one), the contractor and the buyer's tax profile
-- (V16). Renaming a contractor or editing a profile later changes no invoice. The columns are on the
-- invoice row itself, so the V3 trigger keeps them unchanged once the invoice is issued, with the rest.
-- A column is null where nothing was known at creation (no seller profile, no buyer tax profile).
ALTER TABLE invoice
    ADD COLUMN currency            char(3),
    -- Which profile was copied; a reference only (the profile may change or go), never read for display.
    ADD COLUMN seller_profile_id   bigint,
    ADD COLUMN seller_legal_name   varchar(200),
    ADD COLUMN seller_street       varchar(200),
    ADD COLUMN seller_city         varchar(100),
    ADD COLUMN seller_postal_code  varchar(20),
    ADD COLUMN seller_country      char(2),
    ADD COLUMN seller_vat_id       varchar(20),
    ADD COLUMN seller_registration varchar(100),
    ADD COLUMN seller_email        varchar(254),
    ADD COLUMN seller_phone        varchar(50),
    ADD COLUMN seller_iban         varchar(34),
    ADD COLUMN seller_bic          varchar(11),
    ADD COLUMN buyer_name          varchar(255),
    ADD COLUMN buyer_address       text,
    ADD COLUMN buyer_country       char(2),
    ADD COLUMN buyer_vat_id        varchar(20),
    ADD COLUMN buyer_reference     varchar(100),
    -- The buyer's treatment, for a customer invoice with a buyer tax profile; null: not set (no VAT).
    ADD COLUMN tax_treatment       varchar(16) CHECK (tax_treatment IN ('DOMESTIC', 'REVERSE_CHARGE', 'EXPORT', 'EXEMPT')),
    ADD COLUMN vat_rate            numeric(5,2),
    ADD COLUMN exemption_reason    varchar(300),
    -- The legal totals (VatCalculation), rounded to the currency's minor unit; the raw sums above stay.
    ADD COLUMN net_total           numeric,
    ADD COLUMN vat_total           numeric,
    ADD COLUMN gross_total         numeric,
    ADD COLUMN prepaid_amount      numeric,
    ADD COLUMN amount_due          numeric,
    ADD COLUMN tax_note            varchar(500),
    ADD COLUMN payment_terms_days  integer,
    ADD COLUMN due_date            date,
    ADD CONSTRAINT invoice_totals_consistent CHECK (gross_total = net_total + vat_total),
    ADD CONSTRAINT invoice_amount_due_consistent CHECK (amount_due = gross_total - prepaid_amount);

-- Invoices made before: the buyer's name and address and the currency as the platform has them now,
-- the best that is known of them; no seller, no treatment and no legal totals. Issued invoices refuse
-- every UPDATE (V3); this one-off backfill of new columns is the exception, as in V7.
ALTER TABLE invoice DISABLE TRIGGER invoice_issued_never_changes;
UPDATE invoice i SET buyer_name = c.name, buyer_address = c.address, currency = a.currency
    FROM account a JOIN contractor c ON c.id = a.contractor_id
    WHERE a.id = i.account_id;
ALTER TABLE invoice ENABLE TRIGGER invoice_issued_never_changes;

-- The lines of the legal document (EN 16931 BG-25): one per call section, per service, the reverse-billing
-- earnings on their own; net amounts rounded to the minor unit, with their VAT category and rate.
CREATE TABLE inv_tax_lines (
    invoice_id   bigint       NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
    line_no      integer      NOT NULL,
    description  varchar(300) NOT NULL,
    net_amount   numeric      NOT NULL,
    vat_category varchar(2)   CHECK (vat_category IN ('S', 'Z', 'AE', 'E', 'O')),
    vat_rate     numeric(5,2),
    PRIMARY KEY (invoice_id, line_no)
);

-- The VAT breakdown (EN 16931 BG-23): one row per category and rate, its VAT rounded once for the group.
CREATE TABLE inv_vat_breakdown (
    invoice_id       bigint       NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
    line_no          integer      NOT NULL,
    vat_category     varchar(2)   NOT NULL CHECK (vat_category IN ('S', 'Z', 'AE', 'E', 'O')),
    vat_rate         numeric(5,2),
    taxable_amount   numeric      NOT NULL,
    vat_amount       numeric      NOT NULL,
    exemption_reason varchar(500),
    PRIMARY KEY (invoice_id, line_no)
);

-- Kept like the detail tables (V3, V10, V12): the rows of an issued invoice never change, it never gains
-- any, and the tables are never truncated.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['inv_tax_lines', 'inv_vat_breakdown']
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION refuse_change_of_issued_invoice_line()',
                       t || '_issued_never_change', t);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS inserted
                        FOR EACH STATEMENT EXECUTE FUNCTION refuse_rows_of_issued_invoice()',
                       t || '_issued_never_gains_rows', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()',
                       t || '_never_truncated', t);
    END LOOP;
END
$$;
