package org.billing.invoicing.it;

import static org.billing.invoicing.it.InvoiceApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seller profiles, the seller an account sells through, and the buyers' tax profiles, over REST on the
 * deployed WAR (issue 12, first part), on the fixture's contractors 1 and 2 and account 10.
 */
@ExtendWith(DeployedModule.class)
class TaxProfilesIT {

    private final Http admin = DeployedModule.deployment().http().as(Users.ADMIN);

    @BeforeEach
    void noProfiles() throws Exception {
        Fixtures.removeTaxProfiles(DeployedModule.deployment().database());
    }

    private final Http viewer = DeployedModule.deployment().http().as(Users.VIEWER);

    private static JsonObjectBuilder seller(String name, String country, String vatId, boolean isDefault) {
        return Json.createObjectBuilder()
                .add("legalName", name)
                .add("street", "Hauptstr. 1")
                .add("city", "Berlin")
                .add("postalCode", "10115")
                .add("country", country)
                .add("vatId", vatId)
                .addNull("registration")
                .add("contactEmail", "billing@carrier.example")
                .addNull("contactPhone")
                .add("iban", "DE89 3704 0044 0532 0130 00")
                .add("bic", "cobadeffxxx")
                .add("paymentTermsDays", 14)
                .add("rounding", "HALF_EVEN")
                .add("isDefault", isDefault);
    }

    @Test
    void theFirstSellerIsTheDefaultAndAnAccountSellsThroughTheOneAssigned() {
        assertEquals(0, admin.get("api/v1/seller-profiles").jsonArray().size(), "no seller profile yet");
        JsonObject none = admin.get("api/v1/accounts/10/seller-profile").jsonObject();
        assertFalse(none.getBoolean("assigned"));
        assertTrue(none.isNull("seller"), none.toString());

        Http.Response created = admin.post(
                "api/v1/seller-profiles",
                seller("Carrier GmbH", "DE", "de 123.456.789", false).build());
        assertEquals(201, created.status(), created.text());
        JsonObject first = created.jsonObject();
        assertTrue(created.header("Location").orElseThrow().endsWith("/seller-profiles/" + first.getJsonNumber("id")));
        assertTrue(first.getBoolean("isDefault"), "the first profile is the default: " + first);
        assertEquals("DE123456789", first.getString("vatId"));
        assertEquals("DE89370400440532013000", first.getString("iban"));
        assertEquals("COBADEFFXXX", first.getString("bic"));
        long germanId = first.getJsonNumber("id").longValue();

        JsonObject french = admin.post(
                        "api/v1/seller-profiles",
                        seller("Carrier France SAS", "FR", "FRXX123456789", false)
                                .build())
                .jsonObject();
        long frenchId = french.getJsonNumber("id").longValue();
        assertFalse(french.getBoolean("isDefault"));
        assertProblem(
                admin.post(
                        "api/v1/seller-profiles",
                        seller("carrier gmbh", "DE", "DE123456789", false).build()),
                409,
                "SELLER_PROFILE_NAME_TAKEN",
                "legalName");

        JsonObject byDefault = admin.get("api/v1/accounts/10/seller-profile").jsonObject();
        assertFalse(byDefault.getBoolean("assigned"));
        assertEquals(
                germanId, byDefault.getJsonObject("seller").getJsonNumber("id").longValue());
        JsonObject assigned = admin.put(
                        "api/v1/accounts/10/seller-profile",
                        Json.createObjectBuilder()
                                .add("sellerProfileId", frenchId)
                                .build())
                .jsonObject();
        assertTrue(assigned.getBoolean("assigned"));
        assertEquals("Carrier France SAS", assigned.getJsonObject("seller").getString("legalName"));

        assertProblem(admin.delete("api/v1/seller-profiles/" + frenchId), 409, "SELLER_PROFILE_IN_USE", "id");
        assertProblem(admin.delete("api/v1/seller-profiles/" + germanId), 409, "SELLER_PROFILE_IN_USE", "id");
        assertProblem(
                admin.put(
                        "api/v1/seller-profiles/" + germanId,
                        seller("Carrier GmbH", "DE", "DE123456789", false).build()),
                400,
                "VALIDATION_FAILED",
                "isDefault");
        JsonObject withoutIban = Json.createObjectBuilder(
                        seller("Carrier GmbH", "DE", "DE123456789", true).build())
                .remove("iban")
                .build();
        assertProblem(admin.put("api/v1/seller-profiles/" + germanId, withoutIban), 400, "VALIDATION_FAILED", "iban");

        // The default moves by making another profile the default.
        JsonObject moved = admin.put(
                        "api/v1/seller-profiles/" + frenchId,
                        seller("Carrier France SAS", "FR", "FRXX123456789", true)
                                .build())
                .jsonObject();
        assertTrue(moved.getBoolean("isDefault"));
        assertFalse(admin.get("api/v1/seller-profiles/" + germanId).jsonObject().getBoolean("isDefault"));
        JsonObject back = admin.put(
                        "api/v1/accounts/10/seller-profile",
                        Json.createObjectBuilder().addNull("sellerProfileId").build())
                .jsonObject();
        assertFalse(back.getBoolean("assigned"));
        assertEquals(frenchId, back.getJsonObject("seller").getJsonNumber("id").longValue());

        assertProblem(
                viewer.post(
                        "api/v1/seller-profiles",
                        seller("Viewer Ltd", "DE", "DE123456789", false).build()),
                403,
                "ACCESS_DENIED",
                null);
        assertEquals(204, admin.delete("api/v1/seller-profiles/" + germanId).status());
        assertProblem(admin.get("api/v1/seller-profiles/" + germanId), 404, "SELLER_PROFILE_NOT_FOUND", "id");
        assertEquals(1, viewer.get("api/v1/seller-profiles").jsonArray().size());
    }

    @Test
    void aBuyersTaxProfileIsCheckedBeforeItIsKept() {
        assertProblem(admin.get("api/v1/contractors/2/tax-profile"), 404, "TAX_PROFILE_NOT_FOUND", "id");
        assertProblem(
                admin.put("api/v1/contractors/2/tax-profile", reverseCharge(null)), 400, "VALIDATION_FAILED", "vatId");
        Http.Response wrongSyntax = admin.put("api/v1/contractors/2/tax-profile", reverseCharge("FR123"));
        assertProblem(wrongSyntax, 400, "VALIDATION_FAILED", "vatId");
        assertTrue(
                wrongSyntax.jsonObject().getString("detail").contains("written like FRXX123456789"),
                wrongSyntax.text());

        JsonObject kept = admin.put("api/v1/contractors/2/tax-profile", reverseCharge("fr xx 123456789"))
                .jsonObject();
        assertEquals("FRXX123456789", kept.getString("vatId"));
        assertEquals("AE", kept.getString("vatCategory"));
        assertEquals(Users.ADMIN.username(), kept.getString("updatedBy"));
        assertEquals(kept, viewer.get("api/v1/contractors/2/tax-profile").jsonObject());

        JsonObject domestic = admin.put(
                        "api/v1/contractors/2/tax-profile",
                        Json.createObjectBuilder()
                                .add("country", "DE")
                                .addNull("vatId")
                                .add("treatment", "DOMESTIC")
                                .add("vatRate", 19)
                                .addNull("exemptionReason")
                                .addNull("buyerReference")
                                .build())
                .jsonObject();
        assertEquals("19.00", domestic.getString("vatRate"), "decimals travel as strings, like every amount");
        assertEquals("S", domestic.getString("vatCategory"));
        assertTrue(domestic.isNull("buyerReference"), "the PUT replaced the whole profile: " + domestic);

        assertProblem(
                admin.put("api/v1/contractors/999/tax-profile", reverseCharge("FRXX123456789")),
                404,
                "CONTRACTOR_NOT_FOUND",
                "contractorId");
        assertProblem(
                viewer.put("api/v1/contractors/2/tax-profile", reverseCharge("FRXX123456789")),
                403,
                "ACCESS_DENIED",
                null);
    }

    private static JsonObject reverseCharge(String vatId) {
        JsonObjectBuilder profile = Json.createObjectBuilder()
                .add("country", "FR")
                .add("treatment", "REVERSE_CHARGE")
                .addNull("vatRate")
                .addNull("exemptionReason")
                .add("buyerReference", "PO 4711");
        return (vatId == null ? profile.addNull("vatId") : profile.add("vatId", vatId)).build();
    }
}
