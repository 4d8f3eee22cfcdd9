-- An invoice number is unique across every series (issue 11): two series of the same pattern printed
-- the same number twice, which the old constraint, unique per series, allowed. Numbers already issued
-- twice cannot be renumbered (an issued invoice never changes), so the migration stops and names them:
-- the operator decides (a credit note and a new invoice under a distinct series) before upgrading.
DO $$
DECLARE
    repeated text;
BEGIN
    SELECT string_agg(number, ', ' ORDER BY number) INTO repeated FROM (
        SELECT number FROM invoice WHERE number IS NOT NULL GROUP BY number HAVING count(*) > 1 LIMIT 20) r;
    IF repeated IS NOT NULL THEN
        RAISE EXCEPTION 'invoice numbers issued more than once by different series: %', repeated
            USING HINT = 'Correct them (credit note, new invoice in a series of its own prefix) and migrate again.';
    END IF;
END
$$;

CREATE UNIQUE INDEX invoice_number_unique_idx ON invoice (number);
ALTER TABLE invoice DROP CONSTRAINT invoice_number_unique;
