-- Issue 12, self-billing: the platform issues the invoice of what it owes a vendor account in the vendor's
-- name (Directive 2006/112/EC Art. 224, 226(10a)) where the account's vendor settings say so; else the
-- vendor invoice stays a statement that is not an e-invoice. Only the VENDOR direction has the choice.
ALTER TABLE account_invoice_settings
    ADD COLUMN self_billing boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT account_invoice_settings_self_billing_vendor CHECK (NOT self_billing OR direction = 'VENDOR');

-- Frozen when the invoice is made, like the rest of what it says as a tax document (V17): the V3 trigger
-- refuses every change of an issued invoice's row, this column included. Credit notes copy their invoice's.
ALTER TABLE invoice
    ADD COLUMN self_billed boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT invoice_self_billed_vendor CHECK (NOT self_billed OR direction = 'VENDOR');
