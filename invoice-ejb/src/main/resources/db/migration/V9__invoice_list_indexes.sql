-- The invoice list at a carrier's size (issue 14): a million invoices, newest first, filtered,
-- searched and walked by many clients at once. Every page is an index walk in the list's order
-- (created_at DESC, id DESC) that stops after the page, alone or after one filter's equality; the
-- total is counted on the same walk, bounded (InvoiceListQuery).

-- Filters the operators and integrations use, each with the list's order behind it, so that the
-- page of one account, contractor, state, type, direction or payment model is read in order and
-- stops at the page, however rare or common the value. The contractor's replaces the plain
-- (contractor_id) index, which it serves as well (the foreign key's lookups).
CREATE INDEX invoice_account_created_idx ON invoice (account_id, created_at DESC, id DESC);
CREATE INDEX invoice_contractor_created_idx ON invoice (contractor_id, created_at DESC, id DESC);
DROP INDEX invoice_contractor_idx;
CREATE INDEX invoice_state_created_idx ON invoice (state, created_at DESC, id DESC);
CREATE INDEX invoice_type_created_idx ON invoice (type, created_at DESC, id DESC);
CREATE INDEX invoice_direction_created_idx ON invoice (direction, created_at DESC, id DESC);
CREATE INDEX invoice_payment_model_created_idx ON invoice (payment_model, created_at DESC, id DESC);

-- The dates filter: the invoices whose days [first_day, last_day] meet [from, to]. Written as a range
-- overlap so that one index answers a "from" alone, a "to" alone and both (btree_gist, V2).
CREATE INDEX invoice_days_idx ON invoice USING gist (daterange(first_day, last_day, '[]'));

-- The credit-note link credited_invoice_id is indexed since V3 (invoice_credited_once, unique, on the
-- credit notes only): the list reads the credit notes of a page's invoices by it.

-- The search box of seed 003 (number, account or contractor name): a substring of the number, any
-- case, through trigrams. Account and contractor names are the platform's (a few thousand rows, read
-- once per search); their matching ids then select the invoices by the indexes above. pg_trgm is a
-- contrib extension, trusted since PostgreSQL 13, like btree_gist.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX invoice_number_trgm_idx ON invoice USING gin (number gin_trgm_ops) WHERE number IS NOT NULL;
