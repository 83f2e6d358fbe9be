package io.omnipulse.alerting.testing;

import io.omnipulse.devstack.DevTokens;
import io.omnipulse.security.Roles;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Bearer tokens for the tests, signed with the test key pair (src/test/resources/test-jwt-*.pem; the
 * %test profile verifies with its public half), as the identity provider would issue them.
 */
public final class TestTokens {

    public static final DevTokens SIGNER = DevTokens.fromPem(resource("test-jwt-private.pem"));
    /** The subject of {@link #given()}'s token. */
    public static final String ADMIN_SUBJECT = "admin@example.com";
    private static final String ADMIN = token(ADMIN_SUBJECT, List.of(Roles.ADMIN), List.of());

    private TestTokens() {
    }

    /** A request as an admin: RestAssured's given() with an admin's bearer token. */
    public static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(ADMIN);
    }

    /** A request with the token of {@code subject}, holding {@code roles} for {@code teams}. */
    public static RequestSpecification as(String subject, List<String> roles, List<String> teams) {
        return RestAssured.given().auth().oauth2(token(subject, roles, teams));
    }

    public static String token(String subject, List<String> roles, List<String> teams) {
        return SIGNER.token(subject, roles, teams, Duration.ofMinutes(10));
    }

    private static String resource(String name) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
