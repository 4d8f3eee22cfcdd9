package org.billing.invoicing.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The users every test deployment knows, one per role, given to the module's configured identity store
 * through the environment ({@code INVOICING_SECURITY_USERS}...), as the README documents.
 */
public enum Users {
    VIEWER("vera", "viewer-secret", "invoice-viewer"),
    OPERATOR("oscar", "operator-secret", "invoice-operator"),
    ADMIN("ada", "admin-secret", "invoice-admin");

    private final String username;
    private final String password;
    private final String role;

    Users(String username, String password, String role) {
        this.username = username;
        this.password = password;
        this.role = role;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String role() {
        return role;
    }

    /** The environment variables that configure all of them. */
    public static Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(
                "INVOICING_SECURITY_USERS",
                String.join(",", List.of(values()).stream().map(Users::username).toList()));
        for (Users user : values()) {
            String prefix = "INVOICING_SECURITY_USER_" + user.username.toUpperCase(java.util.Locale.ROOT) + "_";
            environment.put(prefix + "PASSWORD", user.password);
            environment.put(prefix + "ROLES", user.role);
        }
        return environment;
    }
}
