package io.omnipulse.devstack.testkit;

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
 * Bearer tokens for the services' tests, signed with the test key pair next to this class
 * ({@value #PUBLIC_KEY}: each service's %test profile verifies with it; the private half signs here,
 * and is trusted nowhere else), as the identity provider would issue them.
 */
public final class TestTokens {

    /** The class path resource of the public half, for mp.jwt.verify.publickey.location. */
    public static final String PUBLIC_KEY = "io/omnipulse/devstack/testkit/test-jwt-public.pem";
    public static final DevTokens SIGNER = DevTokens.fromPem(resource("io/omnipulse/devstack/testkit/test-jwt-private.pem"));
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
