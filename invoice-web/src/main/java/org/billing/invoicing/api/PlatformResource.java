package org.billing.invoicing.api;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.platform.AccountView;
import org.billing.invoicing.platform.ContractorView;
import org.billing.invoicing.platform.PlatformDirectory;

/** The platform's contractors and accounts, read only: what an integration invoices. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {

    @EJB
    private PlatformDirectory directory;

    @GET
    @Path("contractors")
    public List<ContractorView> contractors() {
        return directory.contractors();
    }

    @GET
    @Path("contractors/{id}")
    public ContractorView contractor(@PathParam("id") String id) {
        return parse(id).flatMap(directory::findContractor).orElseThrow(() ->
                new InvoicingException(ErrorCode.CONTRACTOR_NOT_FOUND, "id", "There is no contractor " + id + "."));
    }

    @GET
    @Path("accounts")
    public List<AccountView> accounts(@QueryParam("contractorId") String contractorId) {
        return directory.accounts(Params.id(contractorId, "contractorId"));
    }

    @GET
    @Path("accounts/{id}")
    public AccountView account(@PathParam("id") String id) {
        return parse(id).flatMap(directory::findAccount).orElseThrow(() ->
                new InvoicingException(ErrorCode.ACCOUNT_NOT_FOUND, "id", "There is no account " + id + "."));
    }

    private static java.util.Optional<Long> parse(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
