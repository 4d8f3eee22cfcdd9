-- Invoice documents (seed 001, seed 003): .odt templates, which template an account uses, and the
-- frozen ODT and PDF of every issued invoice. The invoice row is never touched (issued invoices never
-- change); a document lives in its own row keyed by the invoice.

CREATE SEQUENCE invoice_template_seq;

CREATE TABLE invoice_template (
    id         bigint PRIMARY KEY,
    name       varchar(200) NOT NULL UNIQUE,
    filename   varchar(255) NOT NULL,
    -- SHA1 of the file's bytes, lower-case hex (seed 001).
    sha1       char(40)     NOT NULL,
    size       integer      NOT NULL CHECK (size > 0),
    content    bytea        NOT NULL,
    created_at timestamptz  NOT NULL,
    created_by varchar(255)
);

-- The template of an account for one direction; without one, the global default below.
CREATE TABLE account_invoice_template (
    account_id  bigint     NOT NULL REFERENCES account (id),
    direction   varchar(8) NOT NULL CHECK (direction IN ('CUSTOMER', 'VENDOR')),
    template_id bigint     NOT NULL REFERENCES invoice_template (id),
    PRIMARY KEY (account_id, direction)
);
CREATE INDEX account_invoice_template_template_idx ON account_invoice_template (template_id);

-- The global default template (seed 003, "Default Invoice Template"); none: no documents by default.
CREATE TABLE invoice_template_default (
    id          integer PRIMARY KEY CHECK (id = 1),
    template_id bigint REFERENCES invoice_template (id)
);
INSERT INTO invoice_template_default VALUES (1, NULL);

-- The document of an issued invoice: PENDING until rendered (after the approving transaction
-- committed), READY once frozen, FAILED with the reason while retries go on. A READY document never
-- changes: the database refuses it, like the invoice itself.
CREATE TABLE invoice_document (
    invoice_id      bigint       PRIMARY KEY REFERENCES invoice (id),
    status          varchar(8)   NOT NULL CHECK (status IN ('PENDING', 'READY', 'FAILED')),
    -- The template used, by id and SHA1, kept as a record: no foreign key, so that a template no
    -- account uses any more can be deleted while the documents made from it stay.
    template_id     bigint,
    template_sha1   char(40),
    odt             bytea,
    odt_sha256      char(64),
    pdf             bytea,
    pdf_sha256      char(64),
    file_name       varchar(255),
    attempts        integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    failure         text,
    next_attempt_at timestamptz,
    requested_at    timestamptz  NOT NULL,
    rendered_at     timestamptz,
    CONSTRAINT invoice_document_ready CHECK (status <> 'READY' OR (odt IS NOT NULL AND pdf IS NOT NULL
        AND odt_sha256 IS NOT NULL AND pdf_sha256 IS NOT NULL AND template_id IS NOT NULL
        AND template_sha1 IS NOT NULL AND rendered_at IS NOT NULL)),
    CONSTRAINT invoice_document_failed CHECK (status <> 'FAILED' OR failure IS NOT NULL)
);
CREATE INDEX invoice_document_due_idx ON invoice_document (next_attempt_at) WHERE status <> 'READY';

CREATE FUNCTION refuse_change_of_ready_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'READY' THEN
        RAISE EXCEPTION 'the document of invoice % is frozen and never changes', OLD.invoice_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER invoice_document_ready_never_changes BEFORE UPDATE OR DELETE ON invoice_document
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_ready_document();
