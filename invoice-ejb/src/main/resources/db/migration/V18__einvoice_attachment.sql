-- Issue 12: which e-invoice an account's invoice emails carry, chosen per account and direction; and, on
-- each queued message, the choice as it was when the message was queued (its retries keep it).
ALTER TABLE account_invoice_settings
    ADD COLUMN einvoice_attachment varchar(16) NOT NULL DEFAULT 'NONE'
        CHECK (einvoice_attachment IN ('NONE', 'UBL', 'CII', 'FACTUR_X'));

ALTER TABLE mail_outbox
    ADD COLUMN einvoice_attachment varchar(16) NOT NULL DEFAULT 'NONE'
        CHECK (einvoice_attachment IN ('NONE', 'UBL', 'CII', 'FACTUR_X'));
