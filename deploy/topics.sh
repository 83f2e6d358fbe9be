#!/usr/bin/env bash
# Creates OmniPulse's topics on a Kafka cluster. Brokers should not auto-create topics, so run this
# once per cluster before the services start (docker-compose does, as the kafka-topics service).
# The list mirrors io.omnipulse.events.Topics (ALL, then the services' INTERNAL topics, which the
# services read and write but never create themselves); devstack's TopicCatalogScriptTest fails when they drift.
#   KAFKA_BOOTSTRAP_SERVERS=broker:9092 REPLICATION_FACTOR=3 deploy/topics.sh
set -euo pipefail
: "${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
KAFKA_TOPICS="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"

# topic name              partitions
TOPICS="
cx.contact-events.v1      6
cx.resolved-events.v1     6
cx.customer-merges.v1     6
cx.identity-audit.v1      6
cx.score-updates.v1       6
cx.effort-index.v1        6
cx.alert-events.v1        6
cx.dead-letters.v1        6
omnipulse-profile-identity-loop   6
omnipulse-scoring-merge-folds     6
"

echo "$TOPICS" | while read -r name partitions; do
  [ -n "$name" ] || continue
  "$KAFKA_TOPICS" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR"
done
echo "topics ready"
