package org.billing.invoicing.common;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Decides whether a caller holding a set of roles may do an {@link Action}: one of them must be the
 * action's least role or a role that includes it (an administrator also operates, an operator also
 * reads). Roles the module does not know grant nothing. Plain Java, asked by the REST API's role check,
 * the screens' actions, and unit-tested against the README's role table; the EJB API's
 * {@code @RolesAllowed} are checked against it by a test.
 */
public final class Gate {

    /** The module's roles, lowest first: each includes the ones before it. */
    private static final List<String> ORDER = List.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN);

    private Gate() {}

    /** Whether holding {@code roles} allows {@code action}. */
    public static boolean permits(Set<String> roles, Action action) {
        return allowedRoles(action).stream().anyMatch(roles::contains);
    }

    /** Whether a caller, asked role by role ({@code isUserInRole}), may do {@code action}. */
    public static boolean permits(Predicate<String> holdsRole, Action action) {
        return permits(held(holdsRole), action);
    }

    /** The roles that may do {@code action}: its least role and every role that includes it, sorted. */
    public static Set<String> allowedRoles(Action action) {
        return new TreeSet<>(ORDER.subList(ORDER.indexOf(action.leastRole()), ORDER.size()));
    }

    /** The module's roles a caller holds, asked role by role. */
    public static Set<String> held(Predicate<String> holdsRole) {
        Set<String> held = new TreeSet<>();
        for (String role : ORDER) {
            if (holdsRole.test(role)) {
                held.add(role);
            }
        }
        return held;
    }
}
