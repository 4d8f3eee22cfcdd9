package org.billing.invoicing.api;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.invoice.InvoiceRequest;
import org.billing.invoicing.numbering.SeriesDefinition;
import org.billing.invoicing.period.InvoicePeriod;
import org.billing.invoicing.settings.NumberingDefaults;
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

    /**
     * The request bodies read into a record (by {@link JsonBodies} or the resource) are documented from
     * that record: a property per component, its type from the component's type ({@link #fromRecord});
     * only the words are written here, one per component.
     */
    static final Map<String, String> INVOICE_REQUEST_FIELDS = Map.of(
            "accountId", "The platform's account",
            "direction", "CUSTOMER: we invoice the account; VENDOR: the account invoices us",
            "startDate", "First day of the period",
            "endDate", "Last day of the period (inclusive)");

    static final Map<String, String> SERIES_DEFINITION_FIELDS = Map.of(
            "name", "Unique name",
            "pattern", "Literals and %year%, %mon%, %mday%, ...; %num% exactly once",
            "startNumber", "The first number",
            "yearlyRestart", "Numbers start again each year (default false)",
            "padding", "Zero-pad the number to this many digits (default 0)");

    static final Map<String, String> NUMBERING_DEFAULTS_FIELDS = Map.of(
            "customerSeriesId", "Series of customer invoices",
            "vendorSeriesId", "Series of vendor invoices",
            "creditNoteSeriesId", "Series of credit notes");

    /** The records documented from their components, with the words of each component. */
    static final Map<Class<? extends Record>, Map<String, String>> RECORD_FIELDS = Map.of(
            InvoiceRequest.class, INVOICE_REQUEST_FIELDS,
            SeriesDefinition.class, SERIES_DEFINITION_FIELDS,
            NumberingDefaults.class, NUMBERING_DEFAULTS_FIELDS);

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSchema(PROBLEM, problem())
                        .addSchema(
                                INVOICE_REQUEST,
                                fromRecord(
                                        InvoiceRequest.class,
                                        "An invoice to calculate or create: an account, a direction"
                                                + " and a billing period given by its first and last day (inclusive).",
                                        INVOICE_REQUEST_FIELDS,
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
                                fromRecord(
                                        SeriesDefinition.class,
                                        "A numbering series.",
                                        SERIES_DEFINITION_FIELDS,
                                        "name",
                                        "pattern",
                                        "startNumber"))
                        .addSchema(
                                NUMBERING_DEFAULTS_REQUEST,
                                fromRecord(
                                        NumberingDefaults.class,
                                        "The series used unless an account names its own.",
                                        NUMBERING_DEFAULTS_FIELDS,
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
                                                                "Who receives the issued invoices by e-mail; [] for nobody"),
                                                "attachCalls",
                                                OASFactory.createSchema()
                                                        .type(SchemaType.BOOLEAN)
                                                        .description("Whether the e-mail also carries the invoice's"
                                                                + " calls (calls-<number>.csv.gz); absent: unchanged"),
                                                "einvoiceAttachment",
                                                enumeration(
                                                        "The e-invoice the e-mail carries: UBL or CII XML beside the"
                                                                + " PDF, or the PDF as Factur-X; absent: unchanged",
                                                        "NONE",
                                                        "UBL",
                                                        "CII",
                                                        "FACTUR_X"),
                                                "selfBilling",
                                                OASFactory.createSchema()
                                                        .type(SchemaType.BOOLEAN)
                                                        .description("VENDOR only: whether the account's vendor"
                                                                + " invoices are self-billed invoices (type 389),"
                                                                + " taxed by its contractor's tax profile, rather"
                                                                + " than statements; default false; absent:"
                                                                + " unchanged")),
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

    /**
     * The schema of a request body read into {@code type}: one property per record component, described
     * by {@code fields} (which must name every component and nothing else).
     */
    private static Schema fromRecord(
            Class<? extends Record> type, String description, Map<String, String> fields, String... required) {
        Map<String, Schema> properties = new HashMap<>();
        components(type, fields.keySet())
                .forEach((name, componentType) -> properties.put(name, schemaOf(componentType, fields.get(name))));
        return object(description, properties, required);
    }

    /** The record's components by name and type; refused unless {@code described} names exactly them. */
    static Map<String, Class<?>> components(Class<? extends Record> type, Set<String> described) {
        Map<String, Class<?>> components = new TreeMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            components.put(component.getName(), component.getType());
        }
        if (!components.keySet().equals(new TreeSet<>(described))) {
            throw new IllegalArgumentException(type.getSimpleName() + " has the components " + components.keySet()
                    + "; described are " + new TreeSet<>(described));
        }
        components.values().forEach(OpenApiModel::requireDocumentable);
        return components;
    }

    private static void requireDocumentable(Class<?> type) {
        if (!(WHOLE_NUMBERS.contains(type)
                || type == boolean.class
                || type == Boolean.class
                || type == LocalDate.class
                || type == String.class
                || type.isEnum())) {
            throw new IllegalArgumentException("No schema for a component of type " + type.getName());
        }
    }

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(long.class, Long.class, int.class, Integer.class);

    /** Whole numbers as int64 (as every id and count of the API), enums by their constants' names. */
    private static Schema schemaOf(Class<?> type, String description) {
        if (WHOLE_NUMBERS.contains(type)) {
            return integer(description);
        }
        if (type == boolean.class || type == Boolean.class) {
            return bool(description);
        }
        if (type == LocalDate.class) {
            return date(description);
        }
        if (type.isEnum()) {
            return enumeration(
                    description,
                    Arrays.stream(type.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .toArray(String[]::new));
        }
        return string(description);
    }

    private static Schema object(String description, Map<String, Schema> properties, String... required) {
        Schema schema = OASFactory.createSchema()
                .type(SchemaType.OBJECT)
                .description(description)
                .properties(new TreeMap<>(properties));
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
