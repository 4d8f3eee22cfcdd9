-- The rows of an issued invoice never change (V3, V7). Inserting the rows of Pending invoices is what
-- automatic invoicing does by the hundred thousand: the check that none of their invoices is issued now
-- runs once per INSERT statement over the rows it inserted (a transition table), not once per row, which
-- cost as much as the insert itself. Updates and deletes keep the row trigger.
CREATE FUNCTION refuse_rows_of_issued_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    issued bigint;
BEGIN
    SELECT i.id INTO issued FROM inserted n JOIN invoice i ON i.id = n.invoice_id WHERE i.state <> 'PENDING' LIMIT 1;
    IF issued IS NOT NULL THEN
        RAISE EXCEPTION 'invoice % is issued and its % rows never change', issued, TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['inv_orig_dst', 'inv_orig_dst_succ', 'inv_term_dst', 'inv_term_dst_succ',
                             'inv_orig_networks', 'inv_orig_networks_succ', 'inv_term_networks',
                             'inv_term_networks_succ', 'inv_srv_data', 'inv_charges', 'inv_subscriptions',
                             'inv_corrections']
    LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_issued_never_change', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I
                        FOR EACH ROW EXECUTE FUNCTION refuse_change_of_issued_invoice_line()',
                       t || '_issued_never_change', t);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS inserted
                        FOR EACH STATEMENT EXECUTE FUNCTION refuse_rows_of_issued_invoice()',
                       t || '_issued_never_gains_rows', t);
    END LOOP;
END
$$;
