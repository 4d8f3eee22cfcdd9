-- Emailing issued invoices (seed 000: an approved invoice "is sent to the contragent's email configured
-- in account settings"). A transactional outbox: the approving transaction inserts one row per
-- recipient, a sender delivers them after the commit. The invoice row is never touched for delivery
-- (issued invoices never change); its delivery status is read from here.
CREATE TABLE mail_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- An issued invoice is never deleted, so the reference always holds.
    invoice_id      bigint       NOT NULL REFERENCES invoice (id),
    -- ISSUED: queued by the approval or closing itself; RESEND: an operator asked again.
    cause           varchar(8)   NOT NULL CHECK (cause IN ('ISSUED', 'RESEND')),
    requested_by    varchar(255) NOT NULL,
    recipient       text         NOT NULL,
    subject         text         NOT NULL,
    body            text         NOT NULL,
    -- The invoice document, once documents exist; a message without one is sent as it is.
    attachment_name text,
    attachment_type varchar(100),
    attachment      bytea,
    status          varchar(8)   NOT NULL CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz  NOT NULL,
    -- A sender claims a row (SENDING) in a short transaction of its own before it talks to the SMTP
    -- server, and only the holder of the claim may record the outcome. A claim whose lease ran out
    -- means a sender stopped half-way: the message may or may not have left, so it is never sent
    -- again by itself (it becomes FAILED and an operator may resend).
    claim_token     uuid,
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz,
    CONSTRAINT mail_outbox_attachment_named CHECK (
        attachment IS NULL OR (attachment_name IS NOT NULL AND attachment_type IS NOT NULL)),
    CONSTRAINT mail_outbox_claimed_while_sending CHECK (
        status <> 'SENDING' OR (claim_token IS NOT NULL AND lease_until IS NOT NULL)),
    CONSTRAINT mail_outbox_sent_at CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);

CREATE INDEX mail_outbox_invoice_idx ON mail_outbox (invoice_id, id);
-- What the sender looks for every few seconds: only the rows still on their way.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at, id) WHERE status = 'QUEUED';
CREATE INDEX mail_outbox_sending_idx ON mail_outbox (lease_until) WHERE status = 'SENDING';
