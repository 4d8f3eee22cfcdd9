-- What the database keeps whoever asks (issue 11), beside the issued invoice and its rows (V3, V7, V10):
--  * the audit trail: an event is appended and never changed or deleted;
--  * the period an issued invoice claims: released (deleted) only by its credit note, which is written
--    first in the same transaction; a Pending invoice's claim goes with it (ON DELETE CASCADE);
--  * none of the protected tables is emptied by TRUNCATE, which fires no row trigger.
-- A test copy lets go as an administrator does: SET LOCAL session_replication_role = replica.
CREATE FUNCTION refuse_change_of_invoice_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the invoice history is append-only: event % of invoice % never changes', OLD.id, OLD.invoice_id
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER invoice_event_append_only BEFORE UPDATE OR DELETE ON invoice_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_invoice_event();

CREATE FUNCTION refuse_release_of_issued_claim() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    issued text;
BEGIN
    SELECT state INTO issued FROM invoice WHERE id = OLD.invoice_id AND state <> 'PENDING';
    IF issued IS NOT NULL AND (TG_OP = 'UPDATE'
            OR NOT EXISTS (SELECT 1 FROM invoice WHERE credited_invoice_id = OLD.invoice_id)) THEN
        RAISE EXCEPTION 'invoice % is issued (%): its period is released only by its credit note', OLD.invoice_id, issued
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER invoice_period_claim_kept_while_issued BEFORE UPDATE OR DELETE ON invoice_period_claim
    FOR EACH ROW EXECUTE FUNCTION refuse_release_of_issued_claim();

CREATE FUNCTION refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% keeps issued invoices and their trail: it is never truncated', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['invoice', 'invoice_period_claim', 'invoice_event', 'invoice_document',
                             'inv_orig_dst', 'inv_orig_dst_succ', 'inv_term_dst', 'inv_term_dst_succ',
                             'inv_orig_networks', 'inv_orig_networks_succ', 'inv_term_networks',
                             'inv_term_networks_succ', 'inv_srv_data', 'inv_charges', 'inv_subscriptions',
                             'inv_corrections']
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()',
                       t || '_never_truncated', t);
    END LOOP;
END
$$;
