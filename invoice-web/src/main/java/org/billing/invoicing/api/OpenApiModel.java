package org.billing.invoicing.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.period.InvoicePeriod;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The parts of the OpenAPI document that the resources cannot say by their Java types: the
 * {@code Problem} answer with every {@link ErrorCode} (taken from the enum, so a new code is documented
 * the day it is added), and the JSON request bodies, which the resources read as {@code JsonValue} to
 * name each wrong field. Registered by {@code mp.openapi.model.reader}; Payara merges the annotations in.
 */
public class OpenApiModel implements OASModelReader {

    public static final String PROBLEM = "Problem";
    public static final String INVOICE_REQUEST = "InvoiceRequest";
    public static final String CREDIT_NOTE_REQUEST = "CreditNoteRequest";
    public static final String SERIES_DEFINITION = "SeriesDefinition";
    public static final String NUMBERING_DEFAULTS_REQUEST = "NumberingDefaultsRequest";
    public static final String INVOICE_SETTINGS_REQUEST = "InvoiceSettingsRequest";
    public static final String AUTO_INVOICING_REQUEST = "AutoInvoicingRequest";
    public static final String TEMPLATE_CHOICE = "TemplateChoice";
    public static final String SELLER_PROFILE_DEFINITION = "SellerProfileDefinition";
    public static final String ACCOUNT_SELLER_REQUEST = "AccountSellerRequest";
    public static final String BUYER_TAX_PROFILE_DEFINITION = "BuyerTaxProfileDefinition";
    public static final String BASIC = "basic";

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSchema(PROBLEM, problem())
                        .addSchema(
                                INVOICE_REQUEST,
                                object(
                                        "An invoice to calculate or create: an account, a direction"
                                                + " and a billing period given by its first and last day (inclusive).",
                                        Map.of(
                                                "accountId",
                                                integer("The platform's account"),
                                                "direction",
                                                enumeration(
                                                        "CUSTOMER: we invoice the account; VENDOR: the"
                                                                + " account invoices us",
                                                        "CUSTOMER",
                                                        "VENDOR"),
                                                "startDate",
                                                date("First day of the period"),
                                                "endDate",
                                                date("Last day of the period (inclusive)")),
                                        "accountId",
                                        "direction",
                                        "startDate",
                                        "endDate"))
                        .addSchema(
                                CREDIT_NOTE_REQUEST,
                                object(
                                        "Why the issued invoice is credited.",
                                        Map.of("reason", string("Printed on the credit note")),
                                        "reason"))
                        .addSchema(
                                SERIES_DEFINITION,
                                object(
                                        "A numbering series.",
                                        Map.of(
                                                "name",
                                                string("Unique name"),
                                                "pattern",
                                                string("Literals and %year%, %mon%, %mday%, ...; %num% exactly once"),
                                                "startNumber",
                                                integer("The first number"),
                                                "yearlyRestart",
                                                bool("Numbers start again each year (default false)"),
                                                "padding",
                                                integer("Zero-pad the number to this many digits (default 0)")),
                                        "name",
                                        "pattern",
                                        "startNumber"))
                        .addSchema(
                                NUMBERING_DEFAULTS_REQUEST,
                                object(
                                        "The series used unless an account names its own.",
                                        Map.of(
                                                "customerSeriesId",
                                                integer("Series of customer invoices"),
                                                "vendorSeriesId",
                                                integer("Series of vendor invoices"),
                                                "creditNoteSeriesId",
                                                integer("Series of credit notes")),
                                        "customerSeriesId",
                                        "vendorSeriesId",
                                        "creditNoteSeriesId"))
                        .addSchema(
                                INVOICE_SETTINGS_REQUEST,
                                object(
                                        "An account's invoicing settings for one direction,"
                                                + " both fields always given: a missing field is refused, never reset.",
                                        Map.of(
                                                "seriesId",
                                                integer("Its own numbering series; null for the default"),
                                                "recipients",
                                                OASFactory.createSchema()
                                                        .type(SchemaType.ARRAY)
                                                        .items(string("E-mail address"))
                                                        .description(
                                                                "Who receives the issued invoices by e-mail; [] for nobody")),
                                        "seriesId",
                                        "recipients"))
                        .addSchema(
                                AUTO_INVOICING_REQUEST,
                                object(
                                        "Automatic invoicing of an account in one direction.",
                                        Map.of(
                                                "invoicePeriod",
                                                enumeration(
                                                        "How long each invoiced period is",
                                                        Arrays.stream(InvoicePeriod.values())
                                                                .map(Enum::name)
                                                                .toArray(String[]::new)),
                                                "generateFrom",
                                                date("Invoice every period from the first whole one on or"
                                                        + " after this day")),
                                        "invoicePeriod",
                                        "generateFrom"))
                        .addSchema(
                                TEMPLATE_CHOICE,
                                object(
                                        "A template; null removes the choice.",
                                        Map.of("templateId", integer("The template; null for none"))))
                        .addSchema(
                                SELLER_PROFILE_DEFINITION,
                                object(
                                        "A legal entity of the platform operator, as"
                                                + " invoices name their supplier. On PUT every field is given (null for none):"
                                                + " a missing field is refused, never reset.",
                                        Map.ofEntries(
                                                Map.entry("legalName", string("Unique legal name")),
                                                Map.entry("street", string("Street and number")),
                                                Map.entry("city", string("City")),
                                                Map.entry("postalCode", string("Postal code")),
                                                Map.entry("country", string("ISO 3166-1 alpha-2, e.g. DE")),
                                                Map.entry(
                                                        "vatId",
                                                        string("VAT ID in its country's syntax; required in the EU")),
                                                Map.entry("registration", string("Company register and number")),
                                                Map.entry("contactEmail", string("Contact e-mail address")),
                                                Map.entry("contactPhone", string("Contact phone")),
                                                Map.entry("iban", string("IBAN for payment, check digits checked")),
                                                Map.entry("bic", string("BIC, 8 or 11 characters")),
                                                Map.entry(
                                                        "paymentTermsDays",
                                                        integer("Days to the due date, 0 to 365 (default 30)")),
                                                Map.entry(
                                                        "rounding",
                                                        enumeration(
                                                                "How legal totals are rounded (default HALF_UP)",
                                                                "HALF_UP",
                                                                "HALF_EVEN")),
                                                Map.entry(
                                                        "isDefault",
                                                        bool("The seller of every account not assigned another;"
                                                                + " the first profile is the default"))),
                                        "legalName",
                                        "street",
                                        "city",
                                        "postalCode",
                                        "country"))
                        .addSchema(
                                ACCOUNT_SELLER_REQUEST,
                                object(
                                        "The legal entity an account sells through.",
                                        Map.of("sellerProfileId", integer("A seller profile; null for the default")),
                                        "sellerProfileId"))
                        .addSchema(
                                BUYER_TAX_PROFILE_DEFINITION,
                                object(
                                        "How a contractor is taxed as a buyer. On PUT"
                                                + " every field is given (null for none).",
                                        Map.of(
                                                "country",
                                                string("ISO 3166-1 alpha-2"),
                                                "vatId",
                                                string("VAT ID in its country's syntax; required for REVERSE_CHARGE"),
                                                "treatment",
                                                enumeration(
                                                        "DOMESTIC: VAT at vatRate; REVERSE_CHARGE: an EU"
                                                                + " business buyer accounts for the VAT; EXPORT: outside the EU;"
                                                                + " EXEMPT: for exemptionReason",
                                                        "DOMESTIC",
                                                        "REVERSE_CHARGE",
                                                        "EXPORT",
                                                        "EXEMPT"),
                                                "vatRate",
                                                OASFactory.createSchema()
                                                        .type(SchemaType.NUMBER)
                                                        .description("Percent, 0 to 100, DOMESTIC only"),
                                                "exemptionReason",
                                                string("The legal ground, EXEMPT only"),
                                                "buyerReference",
                                                string("Purchase order or buyer reference")),
                                        "country",
                                        "vatId",
                                        "treatment",
                                        "vatRate",
                                        "exemptionReason",
                                        "buyerReference"))
                        .addResponse(
                                PROBLEM,
                                OASFactory.createAPIResponse()
                                        .description("An error, as application/problem+json with a stable code")
                                        .content(problemContent()))
                        .addSecurityScheme(
                                BASIC,
                                OASFactory.createSecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("HTTP Basic with a user of the server's realm or of the configured"
                                                + " users. Roles: invoice-viewer reads (every GET); invoice-operator also"
                                                + " calculates, creates, approves, credits and deletes invoices, renders"
                                                + " documents and resends emails; invoice-admin also changes templates,"
                                                + " numbering series and defaults, account settings, automatic invoicing"
                                                + " and starts generation runs. 401 AUTHENTICATION_REQUIRED without valid"
                                                + " credentials, 403 ACCESS_DENIED to a role too low.")))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BASIC));
    }

    /** The content of every error answer. */
    static Content problemContent() {
        MediaType problem =
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
    }

    /** A reference to the shared error answer. */
    static APIResponse problemResponse() {
        return OASFactory.createAPIResponse().ref(PROBLEM);
    }

    private static Schema problem() {
        List<Object> codes = Arrays.stream(ErrorCode.values())
                .map(code -> (Object) code.name())
                .toList();
        StringBuilder statuses =
                new StringBuilder("The stable error code; integrations switch on it. HTTP status of" + " each:");
        for (ErrorCode code : ErrorCode.values()) {
            statuses.append(' ')
                    .append(code.name())
                    .append(' ')
                    .append(code.httpStatus())
                    .append(';');
        }
        statuses.setLength(statuses.length() - 1);
        return object(
                "An error answer, RFC 9457 application/problem+json, with the module's stable code.",
                Map.of(
                        "type",
                        string("urn:invoicing:problem:<code in lower case>"),
                        "title",
                        string("The code in words"),
                        "status",
                        integer("The HTTP status"),
                        "detail",
                        string("What went wrong, for a person"),
                        "code",
                        OASFactory.createSchema()
                                .type(SchemaType.STRING)
                                .enumeration(codes)
                                .description(statuses.append('.').toString()),
                        "field",
                        string("The request field the error is about; null when about the request as a whole")
                                .nullable(true)),
                "type",
                "title",
                "status",
                "code");
    }

    private static Schema object(String description, Map<String, Schema> properties, String... required) {
        Schema schema = OASFactory.createSchema()
                .type(SchemaType.OBJECT)
                .description(description)
                .properties(new java.util.TreeMap<>(properties));
        return required.length == 0 ? schema : schema.required(List.of(required));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(SchemaType.STRING).description(description);
    }

    private static Schema integer(String description) {
        return OASFactory.createSchema()
                .type(SchemaType.INTEGER)
                .format("int64")
                .description(description);
    }

    private static Schema bool(String description) {
        return OASFactory.createSchema().type(SchemaType.BOOLEAN).description(description);
    }

    private static Schema date(String description) {
        return OASFactory.createSchema().type(SchemaType.STRING).format("date").description(description);
    }

    private static Schema enumeration(String description, String... values) {
        return OASFactory.createSchema()
                .type(SchemaType.STRING)
                .enumeration(List.of((Object[]) values))
                .description(description);
    }
}
