package org.billing.invoicing.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.eclipse.microprofile.config.Config;

/**
 * The demo identity store of the standalone run: users and their roles come from configuration.
 *
 * <pre>
 * invoicing.security.users=alice,bob
 * invoicing.security.user.alice.password=secret          (or a PBKDF2WithHmacSHA256:... hash)
 * invoicing.security.user.alice.roles=invoice-operator
 * </pre>
 *
 * As environment variables: {@code INVOICING_SECURITY_USERS}, {@code INVOICING_SECURITY_USER_ALICE_PASSWORD},
 * {@code INVOICING_SECURITY_USER_ALICE_ROLES}. With no users configured the store takes no part, and
 * only the server's realm authenticates (see {@link InvoicingAuthentication}).
 */
@ApplicationScoped
public class ConfiguredUsers implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(ConfiguredUsers.class.getName());
    private static final String HASH_PREFIX = "PBKDF2WithHmac";

    @Inject
    private Config config;

    @Inject
    private Pbkdf2PasswordHash hashes;

    private Map<String, User> users = Map.of();

    private record User(String password, Set<String> roles) {
    }

    @PostConstruct
    void load() {
        Map<String, User> loaded = new LinkedHashMap<>();
        for (String name : config.getOptionalValues("invoicing.security.users", String.class).orElse(List.of())) {
            String user = name.trim();
            Optional<String> password = config.getOptionalValue("invoicing.security.user." + user + ".password", String.class);
            if (user.isEmpty() || password.isEmpty()) {
                LOG.warning(() -> "Configured user '" + user + "' has no password (invoicing.security.user." + user
                        + ".password) and cannot log in");
                continue;
            }
            List<String> roles = config.getOptionalValues("invoicing.security.user." + user + ".roles", String.class)
                    .orElse(List.of());
            loaded.put(user, new User(password.get(), Set.copyOf(roles.stream().map(String::trim).toList())));
        }
        users = Map.copyOf(loaded);
        if (!users.isEmpty()) {
            LOG.info(() -> "Configured users: " + users.keySet());
        }
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return users.isEmpty() ? EnumSet.noneOf(ValidationType.class) : EnumSet.allOf(ValidationType.class);
    }

    @Override
    public int priority() {
        return 100;
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        User user = users.get(credential.getCaller());
        if (user == null || !matches(credential.getPasswordAsString(), user.password())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(credential.getCaller(), user.roles());
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        User user = users.get(validationResult.getCallerPrincipal().getName());
        return user == null ? Set.of() : user.roles();
    }

    private boolean matches(String given, String stored) {
        if (stored.startsWith(HASH_PREFIX)) {
            return hashes.verify(given.toCharArray(), stored);
        }
        return java.security.MessageDigest.isEqual(given.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                stored.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
