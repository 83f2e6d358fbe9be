#!/usr/bin/env bash
# Creates OmniPulse's topics on a Kafka cluster, each with its catalog configuration, and brings the
# configuration of topics that already exist up to date. Brokers should not auto-create topics, so
# run this once per cluster before the services start, and again after an upgrade (docker-compose
# runs it as the kafka-topics service).
# The list mirrors io.omnipulse.events.Topics (ALL with Topic.config(), then the services' INTERNAL
# topics, which the services read and write but never create themselves) and the dead-letter replay
# ledger of devstack's DeadLetterTool; devstack's TopicCatalogScriptTest runs this script and fails
# when they drift.
#   KAFKA_BOOTSTRAP_SERVERS=broker:9092 deploy/topics.sh                      production: 3 replicas, min ISR 2
#   KAFKA_BOOTSTRAP_SERVERS=kafka:9092 REPLICATION_FACTOR=1 MIN_INSYNC_REPLICAS=1 deploy/topics.sh   one broker
set -euo pipefail
: "${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}"
# Durable by default: an acknowledged record (acks=all) is on at least MIN_INSYNC_REPLICAS brokers,
# so one broker can fail without losing it and without stopping producers.
REPLICATION_FACTOR="${REPLICATION_FACTOR:-3}"
MIN_INSYNC_REPLICAS="${MIN_INSYNC_REPLICAS:-2}"
KAFKA_TOPICS="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"
KAFKA_CONFIGS="${KAFKA_CONFIGS:-/opt/kafka/bin/kafka-configs.sh}"

if [ "$MIN_INSYNC_REPLICAS" -gt "$REPLICATION_FACTOR" ]; then
  echo "MIN_INSYNC_REPLICAS ($MIN_INSYNC_REPLICAS) cannot exceed REPLICATION_FACTOR ($REPLICATION_FACTOR)" >&2
  exit 2
fi

# 2592000000 ms = 30 days: every topic whose records carry a customer's identifiers or words, so
# that an erased customer's copies are gone within a month (deploy/README.md, "Retention"); the
# internal topics keep the broker's default (7 days). Compacted topics are compacted within a day
# of a change (86400000 ms), so a tombstone replaces an erased customer's values. The erasure
# topics hold ids only and are kept for ever (retention.ms=-1; cx.erased-identifiers.v1 compacted,
# one keyed hash per erased identifier).
# topic name                        partitions  topic configuration
TOPICS="
cx.contact-events.v1                6  retention.ms=2592000000
cx.resolved-events.v1               6  retention.ms=2592000000
cx.customer-merges.v1               6  retention.ms=2592000000
cx.identity-audit.v1                6  retention.ms=2592000000
cx.score-updates.v1                 6  cleanup.policy=compact max.compaction.lag.ms=86400000 delete.retention.ms=86400000
cx.effort-index.v1                  6  cleanup.policy=compact max.compaction.lag.ms=86400000 delete.retention.ms=86400000
cx.alert-events.v1                  6  retention.ms=2592000000
cx.dead-letters.v1                  6  retention.ms=2592000000
cx.erasures.v1                      6  retention.ms=-1
cx.erasure-progress.v1              6  retention.ms=-1
cx.erased-identifiers.v1            6  cleanup.policy=compact max.compaction.lag.ms=86400000 delete.retention.ms=86400000
omnipulse-profile-v6-identity-loop     6
omnipulse-scoring-v9-merge-folds       6
omnipulse-dead-letter-replays       1  cleanup.policy=compact
"

echo "$TOPICS" | while read -r name partitions configs; do
  [ -n "$name" ] || continue
  settings="min.insync.replicas=$MIN_INSYNC_REPLICAS"
  create_args=(--config "min.insync.replicas=$MIN_INSYNC_REPLICAS")
  for config in $configs; do
    settings="$settings,$config"
    create_args+=(--config "$config")
  done
  "$KAFKA_TOPICS" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR" "${create_args[@]}"
  # --if-not-exists leaves an existing topic as it was: set its configuration explicitly, so a
  # cluster created by an older script (7-day broker default retention) gets the catalog's.
  "$KAFKA_CONFIGS" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --alter --entity-type topics \
    --entity-name "$name" --add-config "$settings"
done
echo "topics ready"
