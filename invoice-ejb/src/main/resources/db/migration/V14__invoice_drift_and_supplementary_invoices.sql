-- Drift of issued invoices and supplementary invoices (issue 13).
--
-- Calls arrive or are re-rated after their period was invoiced. A drift check recalculates an issued
-- invoice's period as Calculate would now and records the difference; an operator settles an increase
-- with a SUPPLEMENTARY invoice for the difference only, never by editing the issued invoice.

-- A supplementary invoice references the invoice it supplements. It claims no period of its own: the
-- original's claim (invoice_period_claim) already holds the period, and the exclusion constraint there
-- stays the only rule about overlaps. It is numbered from the invoice series on approval like any
-- invoice, and the V3/V10 triggers keep it unchanged once issued.
ALTER TABLE invoice ALTER COLUMN kind TYPE varchar(16);
ALTER TABLE invoice DROP CONSTRAINT invoice_kind_check;
ALTER TABLE invoice
    ADD CONSTRAINT invoice_kind_check CHECK (kind IN ('INVOICE', 'CREDIT_NOTE', 'SUPPLEMENTARY')),
    ADD COLUMN supplemented_invoice_id bigint REFERENCES invoice (id),
    ADD CONSTRAINT supplementary_references_invoice
        CHECK ((kind = 'SUPPLEMENTARY') = (supplemented_invoice_id IS NOT NULL));
CREATE INDEX invoice_supplemented_idx ON invoice (supplemented_invoice_id) WHERE supplemented_invoice_id IS NOT NULL;

-- The last drift check of an issued invoice, one row per invoice, replaced by each check: what was
-- issued then (the invoice plus its issued supplementary invoices that are not credited) and what
-- its period gives now. Derived data, not part of the issued record: a check may replace it at any time.
CREATE TABLE invoice_drift (
    invoice_id            bigint      PRIMARY KEY REFERENCES invoice (id) ON DELETE CASCADE,
    checked_at            timestamptz NOT NULL,
    checked_by            varchar(255) NOT NULL,
    drifted               boolean     NOT NULL,
    calls_then            bigint      NOT NULL,
    calls_now             bigint      NOT NULL,
    duration_then         bigint      NOT NULL,
    duration_now          bigint      NOT NULL,
    billing_duration_then bigint      NOT NULL,
    billing_duration_now  bigint      NOT NULL,
    amount_then           numeric     NOT NULL,
    amount_now            numeric     NOT NULL,
    -- Detail rows (destinations, networks, services) whose figures differ.
    rows_changed          integer     NOT NULL
);
-- The list's "drifted" filter and the dashboard's count read this index only.
CREATE INDEX invoice_drift_drifted_idx ON invoice_drift (invoice_id) WHERE drifted;

-- A drift check the automatic run could not make: reported with the run's failures, the other checks go on.
CREATE TABLE generation_drift_failure (
    run_id     bigint      NOT NULL REFERENCES generation_run (id) ON DELETE CASCADE,
    invoice_id bigint      NOT NULL,
    account_id bigint      NOT NULL,
    direction  varchar(8)  NOT NULL,
    first_day  date        NOT NULL,
    last_day   date        NOT NULL,
    code       varchar(64) NOT NULL,
    reason     text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX generation_drift_failure_run_idx ON generation_drift_failure (run_id);
