-- The module's own tables: invoices and the nine detail tables of seed 001.
-- Raw sums are stored unrounded (numeric); rounding happens only where a value is displayed.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- EclipseLink takes a sequence value as the last id of a block of 50, so the first value is 50.
CREATE SEQUENCE invoice_seq START WITH 50 INCREMENT BY 50 MINVALUE 50;

CREATE TABLE invoice (
    id                       bigint PRIMARY KEY,
    contractor_id            bigint      NOT NULL REFERENCES contractor (id),
    account_id               bigint      NOT NULL REFERENCES account (id),
    direction                varchar(8)  NOT NULL CHECK (direction IN ('CUSTOMER', 'VENDOR')),
    state                    varchar(8)  NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'CLOSED')),
    type                     varchar(12) NOT NULL CHECK (type IN ('AUTO', 'AUTO_PARTIAL', 'MANUAL')),
    start_at                 timestamptz NOT NULL,
    end_at                   timestamptz NOT NULL,
    time_zone                varchar(64) NOT NULL,
    -- The local days of time_zone the period covers, the last one whole: what the operator picked.
    first_day                date        NOT NULL,
    last_day                 date        NOT NULL,
    amount                   numeric     NOT NULL,
    orig_spent               numeric     NOT NULL,
    orig_earned              numeric     NOT NULL,
    term_spent               numeric     NOT NULL,
    term_earned              numeric     NOT NULL,
    srv_spent                numeric     NOT NULL,
    srv_earned               numeric     NOT NULL,
    srv_transactions_count   bigint      NOT NULL,
    calls_count              bigint      NOT NULL,
    successful_calls_count   bigint      NOT NULL,
    calls_duration           bigint      NOT NULL,
    billing_duration         bigint      NOT NULL,
    first_call_at            timestamptz,
    last_call_at             timestamptz,
    first_successful_call_at timestamptz,
    last_successful_call_at  timestamptz,
    created_at               timestamptz NOT NULL,
    CONSTRAINT invoice_period_valid CHECK (start_at < end_at),
    -- Two invoices of one account and direction never overlap; touching [a,b) [b,c) is fine. The
    -- database decides, so two concurrent requests cannot both win.
    CONSTRAINT invoice_no_overlap EXCLUDE USING gist (
        account_id WITH =, direction WITH =, tstzrange(start_at, end_at, '[)') WITH &&)
);
CREATE INDEX invoice_created_idx ON invoice (created_at DESC, id DESC);
CREATE INDEX invoice_contractor_idx ON invoice (contractor_id);
CREATE INDEX invoice_account_idx ON invoice (account_id, start_at);

-- The eight call tables share one shape; the destination-prefix tables add the prefix.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['inv_orig_dst', 'inv_orig_dst_succ', 'inv_term_dst', 'inv_term_dst_succ',
                             'inv_orig_networks', 'inv_orig_networks_succ', 'inv_term_networks',
                             'inv_term_networks_succ']
    LOOP
        EXECUTE format($f$
            CREATE TABLE %I (
                invoice_id             bigint  NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
                line_no                integer NOT NULL,
                dst_prefix             varchar(64),
                country_id             bigint,
                country                varchar(255),
                network_id             bigint,
                network                varchar(255),
                rate                   numeric,
                calls_count            bigint  NOT NULL,
                successful_calls_count bigint  NOT NULL,
                calls_duration         bigint  NOT NULL,
                billing_duration       bigint  NOT NULL,
                amount                 numeric NOT NULL,
                first_call_at          timestamptz,
                last_call_at           timestamptz,
                PRIMARY KEY (invoice_id, line_no)
            )$f$, t);
    END LOOP;
END
$$;

CREATE TABLE inv_srv_data (
    invoice_id         bigint  NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
    line_no            integer NOT NULL,
    service_id         bigint  NOT NULL,
    service            varchar(255) NOT NULL,
    transactions_count bigint  NOT NULL,
    amount             numeric NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);
