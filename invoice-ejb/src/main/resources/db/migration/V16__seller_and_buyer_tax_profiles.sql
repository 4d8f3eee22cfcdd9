-- Issue 12, first part: who sells (the platform operator's legal entities) and how each buyer is taxed.
-- The platform's tables hold no tax data, so the module keeps it. Invoices copy these at creation (a later
-- migration); editing a profile never changes an issued invoice.

CREATE TABLE seller_profile (
    id                 bigserial    PRIMARY KEY,
    legal_name         varchar(200) NOT NULL CHECK (btrim(legal_name) <> ''),
    street             varchar(200) NOT NULL,
    city               varchar(100) NOT NULL,
    postal_code        varchar(20)  NOT NULL,
    country            char(2)      NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    vat_id             varchar(20),
    registration       varchar(100),
    contact_email      varchar(254),
    contact_phone      varchar(50),
    iban               varchar(34),
    bic                varchar(11),
    payment_terms_days integer      NOT NULL CHECK (payment_terms_days BETWEEN 0 AND 365),
    rounding           varchar(16)  NOT NULL CHECK (rounding IN ('HALF_UP', 'HALF_EVEN')),
    is_default         boolean      NOT NULL DEFAULT false,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL
);
-- One default seller at most: the one every account sells through unless assigned another.
CREATE UNIQUE INDEX seller_profile_one_default ON seller_profile ((true)) WHERE is_default;
CREATE UNIQUE INDEX seller_profile_name_unique ON seller_profile (lower(legal_name));

-- An account that sells through another legal entity than the default.
CREATE TABLE account_seller_profile (
    account_id        bigint      PRIMARY KEY REFERENCES account (id),
    seller_profile_id bigint      NOT NULL REFERENCES seller_profile (id),
    updated_at        timestamptz NOT NULL
);
CREATE INDEX account_seller_profile_seller_idx ON account_seller_profile (seller_profile_id);

-- How a contractor (the buyer of its accounts' customer invoices) is taxed.
CREATE TABLE buyer_tax_profile (
    contractor_id    bigint       PRIMARY KEY REFERENCES contractor (id),
    country          char(2)      NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    vat_id           varchar(20),
    treatment        varchar(16)  NOT NULL CHECK (treatment IN ('DOMESTIC', 'REVERSE_CHARGE', 'EXPORT', 'EXEMPT')),
    -- Percent, for DOMESTIC only (0 is zero-rated).
    vat_rate         numeric(5,2) CHECK (vat_rate BETWEEN 0 AND 100),
    exemption_reason varchar(300),
    buyer_reference  varchar(100),
    updated_at       timestamptz  NOT NULL,
    updated_by       varchar(255) NOT NULL,
    CHECK ((treatment = 'DOMESTIC') = (vat_rate IS NOT NULL)),
    CHECK (treatment <> 'EXEMPT' OR btrim(coalesce(exemption_reason, '')) <> ''),
    CHECK (treatment <> 'REVERSE_CHARGE' OR vat_id IS NOT NULL)
);
