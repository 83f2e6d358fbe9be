package io.omnipulse.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens for the local stack and the tests, as an identity provider would issue them: RS256
 * JWTs with issuer {@value #ISSUER}, audience {@value #AUDIENCE}, subject, {@code groups} (roles) and
 * {@code teams}, signed with a key pair of the stack ({@code <home>/jwt-private.pem}, owner-readable
 * only; the services verify with {@code <home>/jwt-public.pem}). In production an IdP (Keycloak,
 * Entra ID, Auth0) issues them and the services are given its public key; nothing here runs there.
 */
public final class DevTokens {

    public static final String ISSUER = "https://omnipulse.local/devstack";
    public static final String AUDIENCE = "omnipulse";
    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateKey key;

    public DevTokens(PrivateKey key) {
        this.key = key;
    }

    /** The signer of the stack in {@code home}, making its key pair when it has none. */
    public static DevTokens ensure(Path home) {
        Path privatePem = home.resolve(PRIVATE_KEY_FILE);
        try {
            if (!Files.isRegularFile(privatePem) || !Files.isRegularFile(home.resolve(PUBLIC_KEY_FILE))) {
                Files.createDirectories(home);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                OwnerOnlyFile.write(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(home.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            return fromPem(Files.readString(privatePem));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the token key pair in " + home, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an RSA key pair", e);
        }
    }

    /** A signer from a PKCS#8 PEM private key. */
    public static DevTokens fromPem(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return new DevTokens(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key", e);
        }
    }

    /** A token of {@code subject} with {@code roles} for {@code teams}, valid for {@code ttl}. */
    public String token(String subject, List<String> roles, List<String> teams, Duration ttl) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", roles);
        claims.put("teams", teams);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return sign(Map.of("alg", "RS256", "typ", "JWT"), claims);
    }

    /** Signs any header and claims (tests build refused tokens with it: expired, another issuer, ...). */
    public String sign(Map<String, Object> header, Map<String, Object> claims) {
        try {
            String signingInput = part(header) + "." + part(claims);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    static String part(Map<String, Object> json) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
