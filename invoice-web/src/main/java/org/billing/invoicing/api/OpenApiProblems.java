package org.billing.invoicing.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every operation may answer a {@code Problem} (a malformed id, a body that does not parse, an
 * internal error): the filter adds it as the {@code default} answer of each operation that documents
 * no default of its own, and the 401, 403 and 429 answers of the login and role checks that every operation makes. Registered by {@code mp.openapi.filter}.
 * Every error answer is a {@code Problem}: the resources document an error by its status and codes
 * only ({@code @APIResponse(responseCode = "404", description = "INVOICE_NOT_FOUND")}), and the filter
 * gives each 4xx and 5xx answer without content of its own the problem's content.
 */
public class OpenApiProblems implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null) {
            if (operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (isError(status) && hasNoContent(response)) {
                        response.setContent(OpenApiModel.problemContent());
                    }
                });
            }
            if (!operation.getResponses().hasAPIResponse("401")) {
                operation
                        .getResponses()
                        .addAPIResponse(
                                "401",
                                OASFactory.createAPIResponse()
                                        .description("AUTHENTICATION_REQUIRED: no or wrong HTTP Basic credentials")
                                        .content(OpenApiModel.problemContent()));
            }
            if (!operation.getResponses().hasAPIResponse("403")) {
                operation
                        .getResponses()
                        .addAPIResponse(
                                "403",
                                OASFactory.createAPIResponse()
                                        .description("ACCESS_DENIED: the user's role is too low; CROSS_SITE_REQUEST")
                                        .content(OpenApiModel.problemContent()));
            }
            if (!operation.getResponses().hasAPIResponse("429")) {
                operation
                        .getResponses()
                        .addAPIResponse(
                                "429",
                                OASFactory.createAPIResponse()
                                        .description(
                                                "TOO_MANY_LOGIN_FAILURES: too many failed logins of the user or from the address;"
                                                        + " Retry-After says when to try again")
                                        .content(OpenApiModel.problemContent()));
            }
            if (!operation.getResponses().hasAPIResponse("default")) {
                operation.getResponses().addAPIResponse("default", OpenApiModel.problemResponse());
            }
        }
        return operation;
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static boolean hasNoContent(APIResponse response) {
        return response.getRef() == null
                && (response.getContent() == null
                        || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty());
    }
}
