package org.billing.invoicing.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.billing.invoicing.client.InvoicingApi;
import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.Gate;
import org.billing.invoicing.common.Gated;
import org.junit.jupiter.api.Test;

/**
 * The EJB API's container-checked roles are the gate's: for every method of the published API, the
 * {@code @RolesAllowed} the container applies (the method's, else the class's) are the roles
 * {@link Gate#allowedRoles} gives its {@link Gated} action.
 */
class InvoicingBeanRolesTest {

    @Test
    void everyMethodOfThePublishedApiIsCheckedWithTheGatesRoles() throws Exception {
        List<String> differing = new ArrayList<>();
        for (Method api : InvoicingApi.class.getMethods()) {
            Method method = InvoicingBean.class.getMethod(api.getName(), api.getParameterTypes());
            Action action = gated(method).value();
            Set<String> checked = Set.of(rolesAllowed(method).value());
            if (!checked.equals(Gate.allowedRoles(action))) {
                differing.add(method.getName() + " " + action + ": " + checked);
            }
        }
        assertEquals(List.of(), differing);
    }

    @Test
    void readingIsAnyRoleAndChangingInvoicesAnOperatorsAction() throws Exception {
        assertEquals(
                Action.READ,
                gated(InvoicingBean.class.getMethod("get", long.class)).value());
        assertEquals(
                Action.APPROVE,
                gated(InvoicingBean.class.getMethod("approve", long.class)).value());
        assertEquals(
                Action.CREDIT,
                gated(InvoicingBean.class.getMethod("creditNote", long.class, String.class))
                        .value());
    }

    private static Gated gated(Method method) {
        Gated gated = method.getAnnotation(Gated.class);
        return gated != null ? gated : method.getDeclaringClass().getAnnotation(Gated.class);
    }

    private static RolesAllowed rolesAllowed(Method method) {
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        return allowed != null ? allowed : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
    }
}
