package org.billing.invoicing.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link Action} a method does (on the method, else on its class): the {@link Gate} decides who
 * may call it. The REST API reads it on its resource methods; the EJB API's business methods carry it
 * beside the {@code @RolesAllowed} the container checks, which a test keeps equal to the gate's roles.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Gated {

    Action value();
}
