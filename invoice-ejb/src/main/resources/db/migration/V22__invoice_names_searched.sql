-- The list's search box (seed 003: number, account or contractor name) finds an account or contractor by the
-- names its invoices show. Since V17 and V21 an invoice shows the buyer's and the account's names as they
-- were when it was made, so searching only today's names (the account and contractor tables) missed the
-- invoices of an account renamed since: searching the name they print found nothing. Every name an invoice
-- was made under is kept here, once per account or contractor: a few rows per account, searched like the
-- platform's own tables, never the invoices themselves. Its ids then select the invoices by their indexes (V9).
CREATE TABLE invoice_name (
    -- 'A': an account's name (invoice.account_name); 'C': a contractor's (invoice.buyer_name, the buyer).
    kind     char(1)      NOT NULL CHECK (kind IN ('A', 'C')),
    owner_id bigint       NOT NULL,
    name     varchar(255) NOT NULL,
    PRIMARY KEY (kind, owner_id, name)
);

INSERT INTO invoice_name (kind, owner_id, name)
SELECT DISTINCT 'A', account_id, account_name FROM invoice WHERE account_name IS NOT NULL
UNION
SELECT DISTINCT 'C', contractor_id, buyer_name FROM invoice WHERE buyer_name IS NOT NULL;

-- Once per statement: an automatic run's batch of hundreds of invoices adds the few names it brings.
CREATE FUNCTION keep_invoice_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO invoice_name (kind, owner_id, name)
    SELECT DISTINCT 'A', n.account_id, n.account_name FROM inserted n WHERE n.account_name IS NOT NULL
    UNION
    SELECT DISTINCT 'C', n.contractor_id, n.buyer_name FROM inserted n WHERE n.buyer_name IS NOT NULL
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER invoice_keeps_its_names AFTER INSERT ON invoice
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION keep_invoice_names();
