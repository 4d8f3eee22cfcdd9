package org.billing.invoicing.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.billing.invoicing.common.ErrorCode;

/**
 * An error answer, RFC 9457 {@code application/problem+json}, with the module's stable {@code code}
 * and the request {@code field} it is about (null when about the request as a whole).
 */
public record Problem(String type, String title, int status, String detail, String code, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(ErrorCode code, String field, String detail) {
        Problem problem = new Problem(
                "urn:invoicing:problem:" + code.name().toLowerCase(java.util.Locale.ROOT),
                title(code),
                code.httpStatus(),
                detail,
                code.name(),
                field);
        return Response.status(code.httpStatus())
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(problem)
                .build();
    }

    private static String title(ErrorCode code) {
        String words = code.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
