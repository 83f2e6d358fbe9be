package io.omnipulse.devstack.testkit;

/** Where a test's datasource connects. */
public record JdbcTarget(String url, String username, String password) {
}
