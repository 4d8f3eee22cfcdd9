-- The month at a glance (index.xhtml, GET /dashboard) and the lists its counts open: each figure is read
-- through an index of its own, never by reading every invoice, message or run item.

-- Issued invoices by the month of their first day, with what the dashboard sums: an index-only scan of the
-- last twelve months, however many invoices are Pending.
CREATE INDEX invoice_issued_month_idx ON invoice (first_day)
    INCLUDE (direction, account_id, kind, amount, calls_count, billing_duration)
    WHERE state <> 'PENDING';

-- Invoices whose document failed (GET /invoices?documentFailed=true): few among many.
CREATE INDEX invoice_document_failed_idx ON invoice_document (invoice_id) WHERE status = 'FAILED';

-- Invoices whose email failed (GET /invoices?emailFailed=true): the failed messages, then whether a later
-- message went to the same recipient (mail_outbox_invoice_idx, V4).
CREATE INDEX mail_outbox_failed_idx ON mail_outbox (invoice_id) WHERE status = 'FAILED';

-- Automatic invoicing failing (automatic.xhtml?period=FAILING): whether a failed period was tried again later.
CREATE INDEX generation_item_period_idx ON generation_item (account_id, direction, first_day, id);

-- The call detail attached to an invoice's email (issue 13), per account and direction, off by default.
ALTER TABLE account_invoice_settings ADD COLUMN attach_calls boolean NOT NULL DEFAULT false;
-- The name of the calls file a message carries (calls-<number>.csv.gz), set when it is queued if the account's
-- settings ask for it then. The file itself is made from the calls when the message leaves, in a temporary file,
-- and never stored here: the outbox keeps no copy of it, whatever the attachment retention.
ALTER TABLE mail_outbox ADD COLUMN calls_attachment_name text;
