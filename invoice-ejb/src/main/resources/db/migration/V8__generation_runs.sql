-- Runs of automatic invoicing, kept by the module itself rather than by the batch runtime: every node
-- of a cluster sees them, and a run whose node died (kill -9, a lost VM) is recognised by its stale
-- heartbeat instead of staying "started" for ever in a node's batch repository.
CREATE SEQUENCE generation_run_seq;
CREATE TABLE generation_run (
    id           bigint       PRIMARY KEY DEFAULT nextval('generation_run_seq'),
    status       varchar(16)  NOT NULL CHECK (status IN ('STARTED', 'COMPLETED', 'ABANDONED')),
    trigger      varchar(16)  NOT NULL CHECK (trigger IN ('SCHEDULE', 'OPERATOR')),
    started_by   varchar(255) NOT NULL,
    -- The node that planned the run; others may work on it too.
    node         varchar(255) NOT NULL,
    -- Buckets of accounts the run's items are spread over (the partitions of the batch step).
    partitions   integer      NOT NULL CHECK (partitions > 0),
    -- Periods due beyond the per-run bound: the next run takes them.
    deferred     integer      NOT NULL DEFAULT 0,
    cdrs         bigint       NOT NULL DEFAULT 0,
    started_at   timestamptz  NOT NULL,
    heartbeat_at timestamptz  NOT NULL,
    ended_at     timestamptz
);
-- At most one run goes at a time, whatever the number of nodes.
CREATE UNIQUE INDEX generation_run_one_going ON generation_run ((true)) WHERE status = 'STARTED';
CREATE INDEX generation_run_started_idx ON generation_run (started_at DESC, id DESC);

-- One due account-period of a run. The row is the work queue: a node claims items with
-- FOR UPDATE SKIP LOCKED, marks them WORKING under a lease, and sets CREATED (in the transaction that
-- creates the invoice), SKIPPED or FAILED with the reason.
CREATE SEQUENCE generation_item_seq;
CREATE TABLE generation_item (
    id          bigint      PRIMARY KEY DEFAULT nextval('generation_item_seq'),
    run_id      bigint      NOT NULL REFERENCES generation_run (id) ON DELETE CASCADE,
    account_id  bigint      NOT NULL,
    direction   varchar(8)  NOT NULL CHECK (direction IN ('CUSTOMER', 'VENDOR')),
    first_day   date        NOT NULL,
    last_day    date        NOT NULL,
    partial     boolean     NOT NULL,
    bucket      integer     NOT NULL,
    status      varchar(16) NOT NULL CHECK (status IN ('DUE', 'WORKING', 'CREATED', 'SKIPPED', 'FAILED', 'ABANDONED')),
    node        varchar(255),
    lease_until timestamptz,
    attempts    integer     NOT NULL DEFAULT 0,
    invoice_id  bigint,
    code        varchar(64),
    reason      text,
    ended_at    timestamptz
);
CREATE INDEX generation_item_queue_idx ON generation_item (run_id, status, bucket);
CREATE INDEX generation_item_account_idx ON generation_item (account_id, direction, ended_at DESC);
