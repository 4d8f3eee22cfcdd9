package org.billing.invoicing.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.junit.jupiter.api.Test;

/**
 * Issue 11: an unknown user name must cost what a wrong password costs. Every check is counted through
 * the hash seam with the shape of the hash it verified (algorithm, iterations, salt and key lengths),
 * which is what decides its cost: each path makes exactly one verification of the same shape.
 */
class ConfiguredUsersTest {

    private final CountingPbkdf2 hashes = new CountingPbkdf2();

    @Test
    void anUnknownUserCostsOneVerificationOfTheSameShapeAsAWrongPassword() {
        String hash = hashes.hash("right", "PBKDF2WithHmacSHA512", 3072, 16, 64);
        ConfiguredUsers store =
                new ConfiguredUsers(hashes, Map.of("alice", new ConfiguredUsers.User(hash, Set.of("invoice-viewer"))));

        assertEquals(
                CredentialValidationResult.Status.INVALID,
                store.validate(credential("alice", "wrong")).getStatus());
        List<String> wrongPassword = hashes.take();
        assertEquals(
                CredentialValidationResult.Status.INVALID,
                store.validate(credential("mallory", "wrong")).getStatus());
        List<String> unknownUser = hashes.take();
        assertEquals(
                CredentialValidationResult.Status.VALID,
                store.validate(credential("alice", "right")).getStatus());
        List<String> rightPassword = hashes.take();

        assertEquals(List.of("PBKDF2WithHmacSHA512:3072:16:64"), wrongPassword);
        assertEquals(wrongPassword, unknownUser);
        assertEquals(wrongPassword, rightPassword);
    }

    @Test
    void aPasswordInClearCostsTheSameToo() {
        ConfiguredUsers store = new ConfiguredUsers(hashes, Map.of("bob", new ConfiguredUsers.User("plain", Set.of())));

        assertEquals(
                CredentialValidationResult.Status.VALID,
                store.validate(credential("bob", "plain")).getStatus());
        assertEquals(List.of(ConfiguredUsers.DEFAULT_HASH_SHAPE), hashes.take());
        assertEquals(
                CredentialValidationResult.Status.INVALID,
                store.validate(credential("bob", "nope")).getStatus());
        assertEquals(List.of(ConfiguredUsers.DEFAULT_HASH_SHAPE), hashes.take());
        assertEquals(
                CredentialValidationResult.Status.INVALID,
                store.validate(credential("eve", "plain")).getStatus());
        assertEquals(List.of(ConfiguredUsers.DEFAULT_HASH_SHAPE), hashes.take());
    }

    @Test
    void theDummyTakesTheCostliestConfiguredShapeAndMatchesNothing() {
        String dummy = ConfiguredUsers.dummyHash(List.of(
                "plain",
                hashes.hash("a", "PBKDF2WithHmacSHA256", 1000, 32, 32),
                hashes.hash("b", "PBKDF2WithHmacSHA256", 5000, 32, 32)));
        assertEquals("PBKDF2WithHmacSHA256:5000:32:32", CountingPbkdf2.shape(dummy));
        assertFalse(hashes.verify("a".toCharArray(), dummy));
        assertFalse(hashes.verify("".toCharArray(), dummy));
    }

    private static UsernamePasswordCredential credential(String user, String password) {
        return new UsernamePasswordCredential(user, password);
    }

    /** A real PBKDF2 (the JDK's), in the format of Jakarta Security's Pbkdf2PasswordHash, that counts its work. */
    static final class CountingPbkdf2 implements Pbkdf2PasswordHash {

        private final List<String> verified = new ArrayList<>();

        List<String> take() {
            List<String> taken = List.copyOf(verified);
            verified.clear();
            return taken;
        }

        String hash(String password, String algorithm, int iterations, int saltBytes, int keyBytes) {
            byte[] salt = new byte[saltBytes];
            new SecureRandom().nextBytes(salt);
            return algorithm + ":" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                    + Base64.getEncoder()
                            .encodeToString(derive(password.toCharArray(), algorithm, iterations, salt, keyBytes));
        }

        @Override
        public boolean verify(char[] password, String hashedPassword) {
            verified.add(shape(hashedPassword));
            String[] parts = hashedPassword.split(":");
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(
                    expected,
                    derive(
                            password,
                            parts[0],
                            Integer.parseInt(parts[1]),
                            Base64.getDecoder().decode(parts[2]),
                            expected.length));
        }

        @Override
        public String generate(char[] password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void initialize(Map<String, String> parameters) {}

        static String shape(String hash) {
            String[] parts = hash.split(":");
            return parts[0] + ":" + parts[1] + ":" + Base64.getDecoder().decode(parts[2]).length + ":"
                    + Base64.getDecoder().decode(parts[3]).length;
        }

        private static byte[] derive(char[] password, String algorithm, int iterations, byte[] salt, int keyBytes) {
            try {
                return SecretKeyFactory.getInstance(algorithm)
                        .generateSecret(new PBEKeySpec(password, salt, iterations, keyBytes * 8))
                        .getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void theCountingHashIsARealPbkdf2() {
        String hash = hashes.hash("secret", "PBKDF2WithHmacSHA256", 2048, 32, 32);
        assertTrue(hashes.verify("secret".toCharArray(), hash));
        assertFalse(hashes.verify("Secret".toCharArray(), hash));
    }
}
