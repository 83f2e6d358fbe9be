package io.omnipulse.ingest.rest;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The API key the tests post with (src/test/resources/test-api-keys.json, the %test key file): a
 * relay key that may post as the sources the test payloads name, "test-source" first.
 */
final class TestSource {

    /** Test only: its SHA-256 is in the test key file, and no other file accepts it. */
    static final String KEY = "opk_testsrc1_testOnlySecretNotForProductionUse0123";
    /** A key of the test key file that is revoked. */
    static final String REVOKED_KEY = "opk_revoked1_testOnlyRevokedKeySecret0123456789ab";
    /** An operator's key (role ops), as Prometheus sends it: the user name of HTTP Basic. */
    static final String OPS_KEY = "opk_opskey01_testOnlyOpsSecretNotForProductionUse012";
    /** The source of events that name none. */
    static final String PRIMARY = "test-source";

    private TestSource() {
    }

    /** A request as an operator (metrics, OpenAPI). */
    static RequestSpecification asOps() {
        return RestAssured.given().auth().preemptive().basic(OPS_KEY, "");
    }

    /** A request as the test source: RestAssured's given() with its API key. */
    static RequestSpecification given() {
        return RestAssured.given().header("X-API-Key", KEY);
    }
}
