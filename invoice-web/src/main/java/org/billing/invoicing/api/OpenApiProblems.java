package org.billing.invoicing.api;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Every operation may answer a {@code Problem} (a malformed id, a body that does not parse, an
 * internal error): the filter adds it as the {@code default} answer of each operation that documents
 * no default of its own. Registered by {@code mp.openapi.filter}.
 */
public class OpenApiProblems implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse("default")) {
            operation.getResponses().addAPIResponse("default", OpenApiModel.problemResponse());
        }
        return operation;
    }
}
