package io.omnipulse.devstack.testkit;

/** A real Kafka broker and a real PostgreSQL for one test JVM: embedded servers or containers. */
interface InfrastructureBackend {

    /** Bootstrap servers of a broker on which every catalog topic exists. */
    String kafkaBootstrapServers();

    /** A database of that name, created if needed. */
    JdbcTarget database(String name);
}
