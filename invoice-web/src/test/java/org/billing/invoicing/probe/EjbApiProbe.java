package org.billing.invoicing.probe;

import java.time.LocalDate;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.billing.invoicing.client.InvoicingLocal;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.common.Roles;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.invoice.DriftView;
import org.billing.invoicing.invoice.InvoiceFilter;
import org.billing.invoicing.invoice.InvoicePage;
import org.billing.invoicing.invoice.InvoiceRequest;
import org.billing.invoicing.invoice.InvoiceView;

/**
 * Code running in the server that uses the published EJB API as a sibling module would: the local
 * interface by injection and by its portable JNDI name. Deployed only in the probe WAR the integration
 * test assembles; it reports what it saw as JSON.
 */
@Path("probe")
@Produces(MediaType.APPLICATION_JSON)
@jakarta.annotation.security.RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
public class EjbApiProbe {

    private static final String BY_NAME = "java:module/InvoicingBean!" + InvoicingLocal.class.getName();

    @EJB
    private InvoicingLocal local;

    @Inject
    private ObservedEvents events;

    @POST
    @Path("lifecycle")
    public JsonObject lifecycle(
            @QueryParam("accountId") long accountId, @QueryParam("first") String first, @QueryParam("last") String last)
            throws NamingException {
        events.clear();
        InvoicingLocal lookedUp = (InvoicingLocal) new InitialContext().lookup(BY_NAME);
        InvoiceRequest request =
                new InvoiceRequest(accountId, Direction.CUSTOMER, LocalDate.parse(first), LocalDate.parse(last));
        JsonObjectBuilder report = Json.createObjectBuilder();

        report.add("calculatedAmount", local.calculate(request).amount().toPlainString());
        InvoiceView created = local.create(request);
        report.add("createdId", created.id())
                .add("createdState", created.state().name());
        report.add("previewedNumber", lookedUp.nextNumber(accountId, Direction.CUSTOMER));
        InvoiceView approved = local.approve(created.id());
        report.add("approvedNumber", approved.number())
                .add("approvedState", approved.state().name());
        report.add("approveAgain", refusal(() -> local.approve(created.id())));
        InvoiceView note = lookedUp.creditNote(created.id(), "Probe correction");
        report.add("creditNoteId", note.id())
                .add("creditNoteAmount", note.amount().toPlainString());
        report.add("foundCreditNoteId", local.find(created.id()).orElseThrow().creditNoteId());
        report.add("getNumber", lookedUp.get(note.id()).number());
        report.add(
                "searchTotal",
                lookedUp.search(new InvoiceFilter(accountId, null, null, null, null, null, null), 0, 10)
                        .total());
        report.add("getMissing", refusal(() -> lookedUp.get(987_654_321L)));
        report.add("localMissing", local.find(987_654_321L).isPresent() ? "found" : "empty");
        return report.build();
    }

    /**
     * Drift, keyset paging and deletion through the business interface: an invoice approved and checked
     * (nothing changed, so no drift and no supplementary invoice), then corrected (credited, and created
     * again Pending for the same period), and the corrected one deleted.
     */
    @POST
    @Path("drift")
    public JsonObject drift(
            @QueryParam("accountId") long accountId,
            @QueryParam("first") String first,
            @QueryParam("last") String last) {
        InvoiceRequest request =
                new InvoiceRequest(accountId, Direction.CUSTOMER, LocalDate.parse(first), LocalDate.parse(last));
        InvoiceView issued = local.approve(local.create(request).id());
        DriftView checked = local.checkDrift(issued.id());
        JsonObjectBuilder report = Json.createObjectBuilder()
                .add("issuedAmount", issued.amount().toPlainString())
                .add("drifted", checked.drifted())
                .add("callsThen", checked.callsThen())
                .add("callsNow", checked.callsNow())
                .add("lastCheckAmountNow", local.drift(issued.id()).amountNow().toPlainString())
                .add("supplement", refusal(() -> local.supplement(issued.id())))
                .add("deleteIssued", refusal(() -> local.delete(issued.id())));
        InvoiceFilter ofAccount = new InvoiceFilter(accountId, null, null, null, null, null, null);
        InvoicePage first1 = local.searchAfter(ofAccount, null, 1);
        InvoicePage second1 = local.searchAfter(ofAccount, first1.nextCursor(), 1);
        report.add("firstOfWalk", first1.items().get(0).id())
                .add("secondOfWalk", second1.items().get(0).id());
        InvoiceView corrected = local.correct(issued.id(), "Probe correction");
        report.add("correctedState", corrected.state().name())
                .add("correctedAmount", corrected.amount().toPlainString())
                .add("originalCreditNoteId", local.get(issued.id()).creditNoteId() != null);
        local.delete(corrected.id());
        report.add("deletedIsGone", refusal(() -> local.get(corrected.id())));
        return report.build();
    }

    /** Calls the EJB API as the REST caller: a viewer may search, but not calculate. */
    @POST
    @Path("as-caller")
    public JsonObject asCaller(@QueryParam("accountId") long accountId) {
        InvoiceRequest request =
                new InvoiceRequest(accountId, Direction.CUSTOMER, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        return Json.createObjectBuilder()
                .add("search", allowed(() -> local.search(null, 0, 1)))
                .add("calculate", allowed(() -> local.calculate(request)))
                .build();
    }

    private static String allowed(Runnable call) {
        try {
            call.run();
            return "allowed";
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof jakarta.ejb.EJBAccessException) {
                    return "refused";
                }
            }
            throw e;
        }
    }

    @GET
    @Path("events")
    public jakarta.json.JsonArray events() {
        JsonArrayBuilder seen = Json.createArrayBuilder();
        events.seen().forEach(seen::add);
        return seen.build();
    }

    private static String refusal(Runnable call) {
        try {
            call.run();
            return "not refused";
        } catch (InvoicingException e) {
            return e.code().name();
        }
    }
}
