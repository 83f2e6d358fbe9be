package io.omnipulse.events;

/**
 * A topic that one service writes and reads itself, outside the wire contract (its records are that
 * service's business). It is listed beside the catalog so that it is provisioned with it, by
 * deploy/topics.sh in production and by the devstack, with the same partition count as the topics it
 * is co-partitioned with; services never need the right to create topics.
 *
 * @param name       topic name
 * @param owner      the only service that reads and writes it
 * @param partitions partition count; must equal the input it is joined with in its owner's topology
 */
public record InternalTopic(String name, String owner, int partitions) {
}
