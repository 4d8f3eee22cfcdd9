package org.billing.invoicing.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;

/**
 * Every error leaves the API as {@code application/problem+json} with a stable code. Nothing of the
 * inside (stack traces, SQL, class names) is ever in an answer: unexpected failures are logged here
 * under an id and answered with that id only.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {}

    @Provider
    public static class Business implements ExceptionMapper<InvoicingException> {
        @Override
        public Response toResponse(InvoicingException e) {
            return Problem.response(e.code(), e.field(), e.getMessage());
        }
    }

    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return Problem.response(ErrorCode.VALIDATION_FAILED, null, "The request body is not valid JSON.");
        }
    }

    @Provider
    public static class UnbindableJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problem.response(ErrorCode.VALIDATION_FAILED, null, "The request body is not valid JSON.");
        }
    }

    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e instanceof NotFoundException) {
                return Problem.response(ErrorCode.NOT_FOUND, null, "There is no such resource.");
            }
            if (e instanceof NotAllowedException) {
                return Problem.response(ErrorCode.METHOD_NOT_ALLOWED, null, "This method is not allowed here.");
            }
            if (e instanceof NotSupportedException) {
                return Problem.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, null, "Send the body as application/json.");
            }
            if (e instanceof NotAcceptableException) {
                return Problem.response(ErrorCode.NOT_ACCEPTABLE, null, "This resource answers application/json.");
            }
            if (e instanceof NotAuthorizedException) {
                return Response.fromResponse(Problem.response(
                                ErrorCode.AUTHENTICATION_REQUIRED, null, "Log in with HTTP Basic authentication."))
                        .header(HttpHeaders.WWW_AUTHENTICATE, Authorization.CHALLENGE)
                        .build();
            }
            if (e instanceof ForbiddenException) {
                return Problem.response(ErrorCode.ACCESS_DENIED, null, "Your role does not allow this.");
            }
            if (e.getResponse().getStatus() < 500) {
                return Problem.response(ErrorCode.VALIDATION_FAILED, null, "The request is not valid.");
            }
            return Unexpected.answer(e);
        }
    }

    @Provider
    public static class Ejb implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException e) {
            return InvoicingException.causing(e)
                    .map(business -> new Business().toResponse(business))
                    .orElseGet(() -> Unexpected.answer(e));
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return answer(e);
        }

        static Response answer(Throwable e) {
            if (DatabaseBusy.is(e)) {
                String incident = java.util.UUID.randomUUID().toString();
                LOG.log(Level.WARNING, "The database did not answer in time, incident " + incident, e);
                return Problem.response(
                        ErrorCode.DATABASE_BUSY,
                        null,
                        "The database did not answer in time: data"
                                + " this request needs is locked by another session, or the work took longer than allowed."
                                + " Nothing was changed; try again. The operators can find incident " + incident
                                + " in the log.");
            }
            String incident = java.util.UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
            return Problem.response(
                    ErrorCode.INTERNAL_ERROR,
                    null,
                    "The request could not be completed. The operators can find incident " + incident + " in the log.");
        }
    }
}
