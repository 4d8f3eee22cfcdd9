-- Automatic invoicing: how often an account is invoiced, per direction, and from which day on.
CREATE TABLE account_auto_invoicing (
    account_id     bigint      NOT NULL REFERENCES account (id),
    direction      varchar(8)  NOT NULL CHECK (direction IN ('CUSTOMER', 'VENDOR')),
    invoice_period varchar(32) NOT NULL CHECK (invoice_period IN ('DAILY', 'WEEKLY', 'BIWEEKLY', 'MONTHLY',
        'WEEKLY_SPLIT_BY_MONTH', 'BIWEEKLY_SPLIT_BY_MONTH', 'SEMIMONTHLY')),
    -- The first day automatic invoices cover; earlier days are left to manual invoices.
    generate_from  date        NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (account_id, direction)
);
