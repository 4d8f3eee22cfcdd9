package org.billing.invoicing.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;

import org.billing.invoicing.common.Action;
import org.billing.invoicing.common.Gate;
import org.billing.invoicing.common.Gated;
import org.billing.invoicing.common.Roles;
import org.junit.jupiter.api.Test;

/** Every resource method names the action it does, and the gate gives the roles that may call it. */
class AuthorizationTest {

    @Test
    void everyResourceMethodNamesItsActionAndNoRoles() throws Exception {
        List<String> unnamed = new ArrayList<>();
        for (Class<?> resource : resources()) {
            assertFalse(resource.isAnnotationPresent(RolesAllowed.class), resource.getName());
            for (Method method : resource.getDeclaredMethods()) {
                if (!answers(method)) {
                    continue;
                }
                assertFalse(method.isAnnotationPresent(RolesAllowed.class), method.toString());
                if (Authorization.allowedRoles(info(resource, method)).isEmpty()) {
                    unnamed.add(method.toString());
                }
            }
        }
        assertEquals(List.of(), unnamed);
    }

    @Test
    void theMethodsActionComesBeforeTheClasss() throws Exception {
        Method approve = InvoiceResource.class.getMethod("approve", String.class);
        Method get = InvoiceResource.class.getMethod("get", String.class);
        assertEquals(
                Gate.allowedRoles(Action.APPROVE), Authorization.allowedRoles(info(InvoiceResource.class, approve)));
        assertEquals(
                Set.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN),
                Authorization.allowedRoles(info(InvoiceResource.class, get)));
    }

    @Test
    void rolesAllowedByNameAreStillUnderstoodAndNoneMeansNobody() throws Exception {
        assertEquals(
                Set.of(Roles.ADMIN), Authorization.allowedRoles(info(ByName.class, ByName.class.getMethod("byName"))));
        assertEquals(
                Set.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN),
                Authorization.allowedRoles(info(ByName.class, ByName.class.getMethod("byClass"))));
        assertEquals(Set.of(), Authorization.allowedRoles(info(Nobody.class, Nobody.class.getMethod("nothing"))));
    }

    @Gated(Action.READ)
    static class ByName {
        @RolesAllowed(Roles.ADMIN)
        public void byName() {}

        public void byClass() {}
    }

    static class Nobody {
        public void nothing() {}
    }

    private static boolean answers(Method method) {
        return Arrays.stream(method.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }

    private static List<Class<?>> resources() throws URISyntaxException, ClassNotFoundException {
        File folder =
                new File(Authorization.class.getResource("Authorization.class").toURI()).getParentFile();
        List<Class<?>> resources = new ArrayList<>();
        for (String name : folder.list()) {
            if (name.endsWith(".class") && !name.contains("$")) {
                Class<?> type = Class.forName(
                        Authorization.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                if (type.isAnnotationPresent(Path.class)) {
                    resources.add(type);
                }
            }
        }
        assertTrue(resources.contains(InvoiceResource.class), resources.toString());
        return resources;
    }

    private static ResourceInfo info(Class<?> type, Method method) {
        return new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return method;
            }

            @Override
            public Class<?> getResourceClass() {
                return type;
            }
        };
    }
}
