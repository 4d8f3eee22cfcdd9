package org.billing.invoicing.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
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
 *
 * <p>Every check costs one PBKDF2 verification of the same parameters, whoever asks: an unknown user
 * name, and a user whose password is configured in clear, are verified against a dummy hash made like the
 * strongest configured one, so that the answer's time does not tell which user names exist.
 */
@ApplicationScoped
public class ConfiguredUsers implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(ConfiguredUsers.class.getName());
    private static final String HASH_PREFIX = "PBKDF2WithHmac";
    /** Jakarta Security's defaults for Pbkdf2PasswordHash: what a hash made with no parameters looks like. */
    static final String DEFAULT_HASH_SHAPE = "PBKDF2WithHmacSHA256:2048:32:32";

    @Inject
    private Config config;

    @Inject
    private Pbkdf2PasswordHash hashes;

    private Map<String, User> users = Map.of();
    private String dummyHash;

    record User(String password, Set<String> roles) {}

    public ConfiguredUsers() {}

    /** For tests: these users, checked with these hashes. */
    ConfiguredUsers(Pbkdf2PasswordHash hashes, Map<String, User> users) {
        this.hashes = hashes;
        use(users);
    }

    @PostConstruct
    void load() {
        Map<String, User> loaded = new LinkedHashMap<>();
        for (String name : config.getOptionalValues("invoicing.security.users", String.class)
                .orElse(List.of())) {
            String user = name.trim();
            Optional<String> password =
                    config.getOptionalValue("invoicing.security.user." + user + ".password", String.class);
            if (user.isEmpty() || password.isEmpty()) {
                LOG.warning(() -> "Configured user '" + user + "' has no password (invoicing.security.user." + user
                        + ".password) and cannot log in");
                continue;
            }
            List<String> roles = config.getOptionalValues("invoicing.security.user." + user + ".roles", String.class)
                    .orElse(List.of());
            loaded.put(
                    user,
                    new User(
                            password.get(),
                            Set.copyOf(roles.stream().map(String::trim).toList())));
        }
        use(loaded);
        if (!users.isEmpty()) {
            LOG.info(() -> "Configured users: " + users.keySet());
        }
    }

    private void use(Map<String, User> loaded) {
        users = Map.copyOf(loaded);
        dummyHash = dummyHash(users.values().stream().map(User::password).toList());
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
        if (!matches(credential.getPasswordAsString(), user == null ? null : user.password())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(credential.getCaller(), user.roles());
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        User user = users.get(validationResult.getCallerPrincipal().getName());
        return user == null ? Set.of() : user.roles();
    }

    /** One PBKDF2 verification on every path; {@code stored} is null for an unknown user. */
    private boolean matches(String given, String stored) {
        if (stored != null && stored.startsWith(HASH_PREFIX)) {
            return hashes.verify(given.toCharArray(), stored);
        }
        hashes.verify(given.toCharArray(), dummyHash); // never matches: its hash is random
        return stored != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A hash no password matches, of the same algorithm, iterations, salt and key length as the costliest
     * configured hash (or Jakarta Security's defaults when none is), so verifying it costs as much.
     */
    static String dummyHash(List<String> passwords) {
        String[] shape = passwords.stream()
                .filter(p -> p.startsWith(HASH_PREFIX))
                .map(ConfiguredUsers::shape)
                .filter(s -> s != null)
                .max(Comparator.comparingLong((String[] s) -> Long.parseLong(s[1]))
                        .thenComparingInt(s -> Integer.parseInt(s[3])))
                .orElse(DEFAULT_HASH_SHAPE.split(":"));
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[Integer.parseInt(shape[2])];
        byte[] key = new byte[Integer.parseInt(shape[3])];
        random.nextBytes(salt);
        random.nextBytes(key);
        return shape[0] + ":" + shape[1] + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
    }

    /** {algorithm, iterations, salt bytes, key bytes} of a stored hash, or null when it is malformed. */
    private static String[] shape(String hash) {
        String[] parts = hash.split(":");
        if (parts.length != 4) {
            return null;
        }
        try {
            Integer.parseInt(parts[1]);
            return new String[] {
                parts[0],
                parts[1],
                Integer.toString(Base64.getDecoder().decode(parts[2]).length),
                Integer.toString(Base64.getDecoder().decode(parts[3]).length)
            };
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
