package org.billing.invoicing.api;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.Gated;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.tax.AccountSellerView;
import org.billing.invoicing.tax.BuyerTaxProfileDefinition;
import org.billing.invoicing.tax.BuyerTaxProfileView;
import org.billing.invoicing.tax.SellerProfileDefinition;
import org.billing.invoicing.tax.SellerProfileView;
import org.billing.invoicing.tax.TaxProfileService;
import org.billing.invoicing.tax.TaxTreatment;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who sells (the seller profiles, and which one an account sells through) and how each buyer is taxed. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tax profiles", description = "Seller profiles and the buyers' tax profiles")
@Gated(Action.READ)
public class TaxProfileResource {

    private static final String SELLER_SHAPE = "{legalName, street, city, postalCode, country, vatId, registration,"
            + " contactEmail, contactPhone, iban, bic, paymentTermsDays, rounding, isDefault}";
    private static final List<String> SELLER_FIELDS = List.of(
            "vatId",
            "registration",
            "contactEmail",
            "contactPhone",
            "iban",
            "bic",
            "paymentTermsDays",
            "rounding",
            "isDefault");
    private static final String BUYER_SHAPE = "{country, vatId, treatment, vatRate, exemptionReason, buyerReference}";
    private static final List<String> BUYER_FIELDS =
            List.of("country", "vatId", "treatment", "vatRate", "exemptionReason", "buyerReference");

    @EJB
    private TaxProfileService profiles;

    @Context
    private UriInfo uriInfo;

    @GET
    @Path("seller-profiles")
    public List<SellerProfileView> sellers() {
        return profiles.sellers();
    }

    @GET
    @Path("seller-profiles/{id}")
    public SellerProfileView seller(@PathParam("id") String id) {
        return profiles.seller(sellerId(id));
    }

    @Operation(summary = "Create a seller profile (the first is the default)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.SELLER_PROFILE_DEFINITION)))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "409", description = "SELLER_PROFILE_NAME_TAKEN")
    @POST
    @Gated(Action.MANAGE_TAX_PROFILES)
    @Path("seller-profiles")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createSeller(JsonValue body) {
        SellerProfileView created = profiles.createSeller(seller(JsonBodies.object(body, SELLER_SHAPE)));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(String.valueOf(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @Operation(summary = "Revise a seller profile; issued invoices keep what they were issued with")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.SELLER_PROFILE_DEFINITION)))
    @APIResponse(responseCode = "200", description = "The revised profile")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "SELLER_PROFILE_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "SELLER_PROFILE_NAME_TAKEN")
    @PUT
    @Gated(Action.MANAGE_TAX_PROFILES)
    @Path("seller-profiles/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SellerProfileView reviseSeller(@PathParam("id") String id, JsonValue body) {
        JsonObject json = JsonBodies.object(body, SELLER_SHAPE);
        SELLER_FIELDS.forEach(field -> JsonBodies.requirePresent(json, field, "null for none"));
        return profiles.reviseSeller(sellerId(id), seller(json));
    }

    @Operation(summary = "Delete a seller profile that is neither the default nor assigned to an account")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "SELLER_PROFILE_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "SELLER_PROFILE_IN_USE")
    @DELETE
    @Gated(Action.MANAGE_TAX_PROFILES)
    @Path("seller-profiles/{id}")
    public Response deleteSeller(@PathParam("id") String id) {
        profiles.deleteSeller(sellerId(id));
        return Response.noContent().build();
    }

    @GET
    @Path("accounts/{id}/seller-profile")
    public AccountSellerView accountSeller(@PathParam("id") String id) {
        return profiles.sellerOf(accountId(id));
    }

    @Operation(summary = "Choose the legal entity an account sells through")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.ACCOUNT_SELLER_REQUEST)))
    @APIResponse(responseCode = "200", description = "The account's seller")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "ACCOUNT_NOT_FOUND, SELLER_PROFILE_NOT_FOUND")
    @PUT
    @Gated(Action.MANAGE_TAX_PROFILES)
    @Path("accounts/{id}/seller-profile")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountSellerView assignSeller(@PathParam("id") String id, JsonValue body) {
        JsonObject json = JsonBodies.object(body, "{sellerProfileId}");
        JsonBodies.requirePresent(json, "sellerProfileId", "null for the default seller");
        return profiles.assignSeller(accountId(id), JsonBodies.optionalLong(json, "sellerProfileId"));
    }

    @Operation(summary = "A contractor's tax profile")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "404", description = "CONTRACTOR_NOT_FOUND, TAX_PROFILE_NOT_FOUND")
    @GET
    @Path("contractors/{id}/tax-profile")
    public BuyerTaxProfileView buyer(@PathParam("id") String id) {
        long contractorId = contractorId(id);
        return profiles.buyerProfile(contractorId)
                .orElseThrow(() -> new InvoicingException(
                        ErrorCode.TAX_PROFILE_NOT_FOUND,
                        "id",
                        "Contractor " + contractorId + " has no tax profile yet."));
    }

    @Operation(summary = "Set a contractor's tax profile (every field given, null for none)")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = OpenApiModel.BUYER_TAX_PROFILE_DEFINITION)))
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "404", description = "CONTRACTOR_NOT_FOUND")
    @PUT
    @Gated(Action.MANAGE_TAX_PROFILES)
    @Path("contractors/{id}/tax-profile")
    @Consumes(MediaType.APPLICATION_JSON)
    public BuyerTaxProfileView putBuyer(@PathParam("id") String id, JsonValue body) {
        JsonObject json = JsonBodies.object(body, BUYER_SHAPE);
        BUYER_FIELDS.forEach(field -> JsonBodies.requirePresent(json, field, "null for none"));
        String treatment = JsonBodies.optionalString(json, "treatment");
        return profiles.putBuyerProfile(
                contractorId(id),
                new BuyerTaxProfileDefinition(
                        JsonBodies.optionalString(json, "country"),
                        JsonBodies.optionalString(json, "vatId"),
                        treatment == null ? null : Params.enumValue(TaxTreatment.class, treatment, "treatment"),
                        JsonBodies.optionalDecimal(json, "vatRate"),
                        JsonBodies.optionalString(json, "exemptionReason"),
                        JsonBodies.optionalString(json, "buyerReference")));
    }

    private static SellerProfileDefinition seller(JsonObject json) {
        Long terms = JsonBodies.optionalLong(json, "paymentTermsDays");
        if (terms != null && (terms < 0 || terms > 365)) {
            throw Params.invalid("paymentTermsDays", "Payment terms are from 0 to 365 days.");
        }
        return new SellerProfileDefinition(
                JsonBodies.optionalString(json, "legalName"),
                JsonBodies.optionalString(json, "street"),
                JsonBodies.optionalString(json, "city"),
                JsonBodies.optionalString(json, "postalCode"),
                JsonBodies.optionalString(json, "country"),
                JsonBodies.optionalString(json, "vatId"),
                JsonBodies.optionalString(json, "registration"),
                JsonBodies.optionalString(json, "contactEmail"),
                JsonBodies.optionalString(json, "contactPhone"),
                JsonBodies.optionalString(json, "iban"),
                JsonBodies.optionalString(json, "bic"),
                terms == null ? null : terms.intValue(),
                JsonBodies.optionalString(json, "rounding"),
                JsonBodies.optionalBoolean(json, "isDefault", false));
    }

    private static long sellerId(String id) {
        return Params.pathId(id, ErrorCode.SELLER_PROFILE_NOT_FOUND, "seller profile");
    }

    private static long accountId(String id) {
        return Params.pathId(id, ErrorCode.ACCOUNT_NOT_FOUND, "account");
    }

    private static long contractorId(String id) {
        return Params.pathId(id, ErrorCode.CONTRACTOR_NOT_FOUND, "contractor");
    }
}
