-- The platform's own tables (DESIGN.md, "The platform data it reads"). The switch and the platform
-- write them and the module only reads them. In the standalone build this migration creates them, so
-- that the module runs on its own; on the platform's database, where they exist, it creates nothing
-- and checks that every column of the contract is there. Nothing here may become required.

DO $platform$
BEGIN
    IF to_regclass('contractor') IS NULL THEN
        CREATE TABLE contractor (
            id          bigint PRIMARY KEY,
            name        varchar(255) NOT NULL,
            address     text,
            phones      varchar(255),
            email       varchar(255),
            is_customer boolean NOT NULL DEFAULT false,
            is_vendor   boolean NOT NULL DEFAULT false,
            is_reseller boolean NOT NULL DEFAULT false
        );

        CREATE TABLE account (
            id                bigint PRIMARY KEY,
            contractor_id     bigint NOT NULL REFERENCES contractor (id),
            name              varchar(255) NOT NULL,
            balance           numeric NOT NULL DEFAULT 0,
            min_balance       numeric,
            max_balance       numeric,
            currency          char(3) NOT NULL,
            timezone          varchar(64) NOT NULL DEFAULT 'UTC',
            payment_model     varchar(8) NOT NULL DEFAULT 'POSTPAY' CHECK (payment_model IN ('PREPAY', 'POSTPAY')),
            max_call_duration integer
        );
        CREATE INDEX account_contractor_idx ON account (contractor_id);

        CREATE TABLE country (
            id   bigint PRIMARY KEY,
            name varchar(255) NOT NULL
        );

        CREATE TABLE network (
            id         bigint PRIMARY KEY,
            name       varchar(255) NOT NULL,
            country_id bigint REFERENCES country (id)
        );

        -- Tens of millions of rows a month: range-partitioned by time_start. The platform adds a partition
        -- per month; the default partition keeps a standalone install working before it has any.
        CREATE TABLE cdr (
            id                          bigint      NOT NULL,
            time_start                  timestamptz NOT NULL,
            time_connect                timestamptz,
            duration                    integer     NOT NULL DEFAULT 0,
            success                     boolean     NOT NULL DEFAULT false,
            is_last_cdr                 boolean     NOT NULL DEFAULT true,
            customer_acc_id             bigint,
            vendor_acc_id               bigint,
            customer_price              numeric,
            vendor_price                numeric,
            customer_duration           integer,
            vendor_duration             integer,
            destination_prefix          varchar(64),
            destination_next_rate       numeric,
            destination_reverse_billing boolean NOT NULL DEFAULT false,
            dialpeer_prefix             varchar(64),
            dialpeer_next_rate          numeric,
            dialpeer_reverse_billing    boolean NOT NULL DEFAULT false,
            dst_country_id              bigint,
            dst_network_id              bigint,
            PRIMARY KEY (id, time_start)
        ) PARTITION BY RANGE (time_start);
        CREATE TABLE cdr_default PARTITION OF cdr DEFAULT;
        CREATE INDEX cdr_customer_time_idx ON cdr (customer_acc_id, time_start);
        CREATE INDEX cdr_vendor_time_idx ON cdr (vendor_acc_id, time_start);

        CREATE TABLE service (
            id   bigint PRIMARY KEY,
            name varchar(255) NOT NULL
        );

        CREATE TABLE subscription (
            id         bigint PRIMARY KEY,
            account_id bigint NOT NULL REFERENCES account (id),
            name       varchar(255) NOT NULL,
            status     varchar(32) NOT NULL CHECK (status IN (
                'ORDERED', 'ACTIVE', 'DELIVERED', 'GRACED', 'STOPPED', 'DELETED', 'INSTALLATION_FAILED',
                'ACTIVATION_FAILED', 'RENEWAL_FAILED', 'UPDATING_FAILED', 'STOPPING_FAILED', 'DELETION_FAILED',
                'SWITCHING_FAILED', 'INSTALLING', 'ACTIVATING', 'RENEWING', 'UPDATING', 'STOPPING', 'DELETING',
                'SWITCHING', 'WAITING_FOR_MANUAL_APPROVE', 'BLOCKED'))
        );

        CREATE TABLE service_transaction (
            id              bigint PRIMARY KEY,
            account_id      bigint NOT NULL REFERENCES account (id),
            service_id      bigint NOT NULL REFERENCES service (id),
            subscription_id bigint REFERENCES subscription (id),
            description     text,
            quantity        numeric(18, 3),
            duration_months integer,
            unit_price      numeric,
            discount        numeric,
            taxes           numeric,
            amount          numeric NOT NULL,
            created_at      timestamptz NOT NULL
        );
        CREATE INDEX service_transaction_account_time_idx ON service_transaction (account_id, created_at);

        CREATE TABLE balance_correction (
            id          bigint PRIMARY KEY,
            account_id  bigint NOT NULL REFERENCES account (id),
            description text,
            amount      numeric NOT NULL,
            approved_at timestamptz NOT NULL
        );
        CREATE INDEX balance_correction_account_time_idx ON balance_correction (account_id, approved_at);
    END IF;
END
$platform$;

-- The contract: the module reads exactly these columns. A platform database that lacks one is
-- refused here, at deployment, with the missing columns named.
DO $contract$
DECLARE
    missing text;
BEGIN
    SELECT string_agg(c.table_name || '.' || c.column_name, ', ' ORDER BY c.table_name, c.column_name)
    INTO missing
    FROM (VALUES
        ('contractor', 'id'), ('contractor', 'name'), ('contractor', 'address'), ('contractor', 'phones'),
        ('contractor', 'email'), ('contractor', 'is_customer'), ('contractor', 'is_vendor'),
        ('contractor', 'is_reseller'),
        ('account', 'id'), ('account', 'contractor_id'), ('account', 'name'), ('account', 'balance'),
        ('account', 'min_balance'), ('account', 'max_balance'), ('account', 'currency'), ('account', 'timezone'),
        ('account', 'payment_model'), ('account', 'max_call_duration'),
        ('country', 'id'), ('country', 'name'),
        ('network', 'id'), ('network', 'name'), ('network', 'country_id'),
        ('cdr', 'id'), ('cdr', 'time_start'), ('cdr', 'time_connect'), ('cdr', 'duration'), ('cdr', 'success'),
        ('cdr', 'is_last_cdr'), ('cdr', 'customer_acc_id'), ('cdr', 'vendor_acc_id'), ('cdr', 'customer_price'),
        ('cdr', 'vendor_price'), ('cdr', 'customer_duration'), ('cdr', 'vendor_duration'),
        ('cdr', 'destination_prefix'), ('cdr', 'destination_next_rate'), ('cdr', 'destination_reverse_billing'),
        ('cdr', 'dialpeer_prefix'), ('cdr', 'dialpeer_next_rate'), ('cdr', 'dialpeer_reverse_billing'),
        ('cdr', 'dst_country_id'), ('cdr', 'dst_network_id'),
        ('service', 'id'), ('service', 'name'),
        ('subscription', 'id'), ('subscription', 'account_id'), ('subscription', 'name'), ('subscription', 'status'),
        ('service_transaction', 'id'), ('service_transaction', 'account_id'), ('service_transaction', 'service_id'),
        ('service_transaction', 'subscription_id'), ('service_transaction', 'description'),
        ('service_transaction', 'quantity'), ('service_transaction', 'duration_months'),
        ('service_transaction', 'unit_price'), ('service_transaction', 'discount'), ('service_transaction', 'taxes'),
        ('service_transaction', 'amount'), ('service_transaction', 'created_at'),
        ('balance_correction', 'id'), ('balance_correction', 'account_id'), ('balance_correction', 'description'),
        ('balance_correction', 'amount'), ('balance_correction', 'approved_at')
    ) AS c (table_name, column_name)
    WHERE NOT EXISTS (SELECT 1 FROM information_schema.columns i
                      WHERE i.table_schema = current_schema() AND i.table_name = c.table_name
                        AND i.column_name = c.column_name);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'The platform database lacks columns of the invoicing contract: %', missing;
    END IF;
END
$contract$;
