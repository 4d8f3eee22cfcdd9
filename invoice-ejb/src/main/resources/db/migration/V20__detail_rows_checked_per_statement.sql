-- The detail rows of an invoice (its nine tables, the prepay lists, its VAT lines and breakdown) are written by
-- the hundred thousand in a run of automatic invoicing, always in the transaction that creates their invoice. A
-- foreign key checks each row with a query of its own (measured: it more than doubles the cost of COPYing them,
-- 30,000 rows in 650 ms instead of 270 ms). The statement-level trigger that already refuses rows of an issued
-- invoice (V10) now also does what the foreign keys did, once per statement: it refuses rows of an invoice that
-- does not exist, and locks their invoices against deletion until the transaction ends (FOR KEY SHARE, as a
-- foreign key does). Deleting invoices deletes their detail rows, as ON DELETE CASCADE did, by a statement-level
-- trigger on invoice.
-- The statement's invoices are looked up by their primary key, each once (a few hundred for tens of thousands
-- of rows), never by joining the rows to the invoices, which the planner, blind to the rows of a transition
-- table, may do by scanning every invoice.
CREATE OR REPLACE FUNCTION refuse_rows_of_issued_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
    locked record;
    locked_count integer := 0;
    missing bigint;
BEGIN
    ids := ARRAY(SELECT DISTINCT n.invoice_id FROM inserted n ORDER BY 1);
    FOR locked IN SELECT i.id, i.state FROM invoice i WHERE i.id = ANY (ids) FOR KEY SHARE OF i LOOP
        IF locked.state <> 'PENDING' THEN
            RAISE EXCEPTION 'invoice % is issued and its % rows never change', locked.id, TG_TABLE_NAME
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        locked_count := locked_count + 1;
    END LOOP;
    IF locked_count < cardinality(ids) THEN
        SELECT x.id INTO missing FROM unnest(ids) AS x(id)
        WHERE NOT EXISTS (SELECT 1 FROM invoice i WHERE i.id = x.id) LIMIT 1;
        RAISE EXCEPTION 'invoice % does not exist: % rows belong to an invoice', missing, TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$;

-- By the deleted invoices' ids through each table's primary key (invoice_id, line_no), never a scan.
CREATE FUNCTION delete_detail_rows_of_deleted_invoices() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    ids := ARRAY(SELECT d.id FROM deleted d);
    DELETE FROM inv_orig_dst WHERE invoice_id = ANY (ids);
    DELETE FROM inv_orig_dst_succ WHERE invoice_id = ANY (ids);
    DELETE FROM inv_term_dst WHERE invoice_id = ANY (ids);
    DELETE FROM inv_term_dst_succ WHERE invoice_id = ANY (ids);
    DELETE FROM inv_orig_networks WHERE invoice_id = ANY (ids);
    DELETE FROM inv_orig_networks_succ WHERE invoice_id = ANY (ids);
    DELETE FROM inv_term_networks WHERE invoice_id = ANY (ids);
    DELETE FROM inv_term_networks_succ WHERE invoice_id = ANY (ids);
    DELETE FROM inv_srv_data WHERE invoice_id = ANY (ids);
    DELETE FROM inv_charges WHERE invoice_id = ANY (ids);
    DELETE FROM inv_subscriptions WHERE invoice_id = ANY (ids);
    DELETE FROM inv_corrections WHERE invoice_id = ANY (ids);
    DELETE FROM inv_tax_lines WHERE invoice_id = ANY (ids);
    DELETE FROM inv_vat_breakdown WHERE invoice_id = ANY (ids);
    RETURN NULL;
END
$$;

CREATE TRIGGER invoice_deletes_its_detail_rows AFTER DELETE ON invoice
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION delete_detail_rows_of_deleted_invoices();

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['inv_orig_dst', 'inv_orig_dst_succ', 'inv_term_dst', 'inv_term_dst_succ',
                             'inv_orig_networks', 'inv_orig_networks_succ', 'inv_term_networks',
                             'inv_term_networks_succ', 'inv_srv_data', 'inv_charges', 'inv_subscriptions',
                             'inv_corrections', 'inv_tax_lines', 'inv_vat_breakdown']
    LOOP
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t, t || '_invoice_id_fkey');
    END LOOP;
END
$$;
