package org.billing.invoicing.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The whole role x action matrix, computed from the role table of the README ("Roles and login"): each
 * action is found by its words in exactly one row, that row's role and every row below it (which
 * include it) may do it, and the others may not.
 */
class GateTest {

    /** The README's words for each action, as its role table writes them. */
    private static final Map<Action, String> WORDS = new EnumMap<>(Map.ofEntries(
            Map.entry(Action.READ, "read:"),
            Map.entry(Action.CALCULATE, "calculate"),
            Map.entry(Action.CREATE, "create"),
            Map.entry(Action.APPROVE, "approve"),
            Map.entry(Action.CREDIT, "credit"),
            Map.entry(Action.DELETE, "delete Pending invoices"),
            Map.entry(Action.RENDER_DOCUMENT, "render documents"),
            Map.entry(Action.RESEND_EMAIL, "resend emails"),
            Map.entry(Action.SETTLE_DRIFT, "settle drift"),
            Map.entry(Action.MANAGE_TEMPLATES, "manage templates"),
            Map.entry(Action.MANAGE_NUMBERING, "numbering series and defaults"),
            Map.entry(Action.MANAGE_ACCOUNT_SETTINGS, "account invoice settings"),
            Map.entry(Action.MANAGE_AUTOMATIC_INVOICING, "automatic invoicing and generation runs"),
            Map.entry(Action.MANAGE_TAX_PROFILES, "seller and tax profiles")));

    private static final Pattern ROW = Pattern.compile("^\\| `(invoice-[a-z]+)` \\| (.+) \\|$");

    @Test
    void everyActionIsNamedInOneRowOfTheReadmesRoleTable() throws IOException {
        List<String[]> table = roleTable();
        assertEquals(
                List.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN),
                table.stream().map(row -> row[0]).toList());
        assertEquals(Set.of(Action.values()), WORDS.keySet(), "every action has its words in the README");
        for (Action action : Action.values()) {
            List<String> rows = table.stream()
                    .filter(row -> row[1].contains(WORDS.get(action)))
                    .map(row -> row[0])
                    .toList();
            assertEquals(List.of(action.leastRole()), rows, action + " is '" + WORDS.get(action) + "'");
        }
    }

    @Test
    void everySetOfRolesMayDoWhatItsHighestRowAndTheRowsAboveAllow() throws IOException {
        List<String> rows = roleTable().stream().map(row -> row[0]).toList();
        List<String> failures = new ArrayList<>();
        for (Set<String> roles : roleSets(rows)) {
            for (Action action : Action.values()) {
                int needed = rows.indexOf(leastRoleInReadme(action));
                boolean expected = roles.stream().anyMatch(role -> rows.indexOf(role) >= needed);
                if (Gate.permits(roles, action) != expected) {
                    failures.add(roles + " " + action + ": expected " + expected);
                }
                if (Gate.permits(roles::contains, action) != expected) {
                    failures.add(roles + " " + action + " asked role by role: expected " + expected);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theRolesAllowedAreTheLeastRoleAndTheOnesIncludingIt() {
        assertEquals(Set.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN), Gate.allowedRoles(Action.READ));
        assertEquals(Set.of(Roles.OPERATOR, Roles.ADMIN), Gate.allowedRoles(Action.APPROVE));
        assertEquals(Set.of(Roles.ADMIN), Gate.allowedRoles(Action.MANAGE_TEMPLATES));
    }

    @Test
    void rolesTheModuleDoesNotKnowGrantNothing() {
        assertFalse(Gate.permits(Set.of(), Action.READ));
        assertFalse(Gate.permits(Set.of("admin", "invoice-administrator"), Action.READ));
        assertTrue(Gate.permits(Set.of("admin", Roles.VIEWER), Action.READ));
        assertEquals(Set.of(Roles.OPERATOR), Gate.held(Set.of("admin", Roles.OPERATOR)::contains));
    }

    private static String leastRoleInReadme(Action action) throws IOException {
        return roleTable().stream()
                .filter(row -> row[1].contains(WORDS.get(action)))
                .findFirst()
                .orElseThrow()[0];
    }

    /** Every subset of the table's roles, alone and with a role the module does not know. */
    private static List<Set<String>> roleSets(List<String> roles) {
        List<Set<String>> sets = new ArrayList<>();
        for (int mask = 0; mask < 1 << roles.size(); mask++) {
            Set<String> set = new HashSet<>();
            for (int i = 0; i < roles.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    set.add(roles.get(i));
                }
            }
            sets.add(Set.copyOf(set));
            set.add("some-other-role");
            sets.add(Set.copyOf(set));
        }
        return sets;
    }

    /** The rows {role, what it may} of the README's role table, in its order. */
    private static List<String[]> roleTable() throws IOException {
        Path readme = Path.of("..", "README.md");
        List<String> lines = Files.readAllLines(readme);
        int start = lines.indexOf("## Roles and login");
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.add(new String[] {row.group(1), row.group(2)});
            } else if (!rows.isEmpty()) {
                break;
            }
        }
        return rows;
    }
}
