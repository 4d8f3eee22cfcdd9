package org.billing.invoicing.api;

import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.Gated;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.EInvoiceAttachment;
import org.billing.invoicing.platform.AccountView;
import org.billing.invoicing.platform.ContractorView;
import org.billing.invoicing.platform.DirectoryPage;
import org.billing.invoicing.platform.PlatformDirectory;
import org.billing.invoicing.settings.AccountInvoiceSettings;
import org.billing.invoicing.settings.InvoiceSettingsService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's contractors and accounts, read only: what an integration invoices. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform", description = "Contractors and accounts read from the platform, and their invoicing settings")
@Gated(Action.READ)
public class PlatformResource {

    private static final int DEFAULT_PAGE_SIZE = 50;

    @EJB
    private PlatformDirectory directory;

    @EJB
    private InvoiceSettingsService settings;

    @Operation(summary = "The contractors by name, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of contractors: {total, page, size, items}")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @GET
    @Path("contractors")
    public DirectoryPage<ContractorView> contractors(
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "The page, from 0; at most 100,000 deep (page x size)",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
                    @QueryParam("page")
                    String page,
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "Contractors a page, 1 to 500",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
                    @QueryParam("size")
                    String size) {
        return directory.contractors(Params.integer(page, "page", 0), Params.integer(size, "size", DEFAULT_PAGE_SIZE));
    }

    @GET
    @Path("contractors/{id}")
    public ContractorView contractor(@PathParam("id") String id) {
        return directory
                .findContractor(Params.pathId(id, ErrorCode.CONTRACTOR_NOT_FOUND, "contractor"))
                .orElseThrow(() -> Params.notFound(ErrorCode.CONTRACTOR_NOT_FOUND, "contractor", id));
    }

    @Operation(summary = "The accounts by name, all or a contractor's, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of accounts: {total, page, size, items}")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @GET
    @Path("accounts")
    public DirectoryPage<AccountView> accounts(
            @Parameter(in = ParameterIn.QUERY, description = "The contractor's accounts only")
                    @QueryParam("contractorId")
                    String contractorId,
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "The page, from 0; at most 100,000 deep (page x size)",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
                    @QueryParam("page")
                    String page,
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "Accounts a page, 1 to 500",
                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
                    @QueryParam("size")
                    String size) {
        return directory.accounts(
                Params.id(contractorId, "contractorId"),
                Params.integer(page, "page", 0),
                Params.integer(size, "size", DEFAULT_PAGE_SIZE));
    }

    @GET
    @Path("accounts/{id}")
    public AccountView account(@PathParam("id") String id) {
        return directory
                .findAccount(accountId(id))
                .orElseThrow(() -> Params.notFound(ErrorCode.ACCOUNT_NOT_FOUND, "account", id));
    }

    /** An account's invoice settings for one direction: its numbering series and the recipients of its invoices. */
    @GET
    @Path("accounts/{id}/invoice-settings/{direction}")
    public AccountInvoiceSettings invoiceSettings(
            @PathParam("id") String id, @PathParam("direction") String direction) {
        return settings.accountSettings(accountId(id), direction(direction));
    }

    @Operation(summary = "Change an account's numbering series and e-mail recipients for one direction")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.INVOICE_SETTINGS_REQUEST)))
    @APIResponse(responseCode = "200", description = "The settings")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "ACCOUNT_NOT_FOUND, SERIES_NOT_FOUND")
    @PUT
    @Gated(Action.MANAGE_ACCOUNT_SETTINGS)
    @Path("accounts/{id}/invoice-settings/{direction}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountInvoiceSettings changeInvoiceSettings(
            @PathParam("id") String id, @PathParam("direction") String direction, JsonValue body) {
        JsonObject json =
                JsonBodies.object(body, "{seriesId, recipients, attachCalls, einvoiceAttachment, selfBilling}");
        JsonBodies.requirePresent(json, "seriesId", "null for the default series");
        JsonBodies.requirePresent(json, "recipients", "[] for nobody");
        long account = accountId(id);
        Direction chosen = direction(direction);
        // attachCalls, einvoiceAttachment and selfBilling came later: a client that does not send them keeps what
        // is set.
        AccountInvoiceSettings current = settings.accountSettings(account, chosen);
        boolean attachCalls = json.containsKey("attachCalls")
                ? JsonBodies.optionalBoolean(json, "attachCalls", false)
                : current.attachCalls();
        EInvoiceAttachment einvoice = json.containsKey("einvoiceAttachment")
                ? Params.enumValue(
                        EInvoiceAttachment.class,
                        JsonBodies.optionalString(json, "einvoiceAttachment"),
                        "einvoiceAttachment")
                : current.einvoiceAttachment();
        boolean selfBilling = json.containsKey("selfBilling")
                ? JsonBodies.optionalBoolean(json, "selfBilling", false)
                : current.selfBilling();
        return settings.changeAccountSettings(new AccountInvoiceSettings(
                account,
                chosen,
                JsonBodies.optionalLong(json, "seriesId"),
                JsonBodies.stringList(json, "recipients"),
                attachCalls,
                einvoice,
                selfBilling));
    }

    private static long accountId(String id) {
        return Params.pathId(id, ErrorCode.ACCOUNT_NOT_FOUND, "account");
    }

    private static Direction direction(String direction) {
        Direction parsed = Params.enumValue(Direction.class, direction, "direction");
        if (parsed == null) {
            throw Params.invalid("direction", "direction is CUSTOMER or VENDOR.");
        }
        return parsed;
    }
}
