#!/usr/bin/env bash
# Creates the contract's Kafka topics (../shared/contract/README.md, "Events") and their dead-letter
# topics (<topic>.dlq) when missing. Idempotent: run it again after adding a topic.
# Used by infra/compose (kafka-topics) and infra/k8s/overlays/dev (Job kafka-topics); in production,
# topics are provisioned by the platform team with the same list (docs/operations.md).
#
#   BOOTSTRAP_SERVER=kafka:9092 PARTITIONS=3 REPLICATION_FACTOR=1 [MIN_INSYNC_REPLICAS=2] create-topics.sh
set -euo pipefail

BOOTSTRAP_SERVER="${BOOTSTRAP_SERVER:-kafka:9092}"
PARTITIONS="${PARTITIONS:-3}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"

# The contract's topics, one per line (tools/deploy-checks compares this list with the contracts).
TOPICS=(
  referentials.certification.v1
  candidates.candidate.v1
  sessions.ccp-acquired.v1
  sessions.title-awarded.v1
  sessions.decision-corrected.v1
  issuing.credential.v1
)

extra_config=()
if [[ -n "${MIN_INSYNC_REPLICAS:-}" ]]; then
  # The producers wait for every in-sync replica (acks=all): this is what makes that durable.
  extra_config=(--config "min.insync.replicas=${MIN_INSYNC_REPLICAS}")
fi

for attempt in $(seq 1 60); do
  if "${KAFKA_BIN}/kafka-topics.sh" --bootstrap-server "${BOOTSTRAP_SERVER}" --list >/dev/null 2>&1; then
    break
  fi
  if [[ "${attempt}" == 60 ]]; then
    echo "Kafka at ${BOOTSTRAP_SERVER} did not answer in 2 minutes" >&2
    exit 1
  fi
  echo "waiting for Kafka at ${BOOTSTRAP_SERVER}…"
  sleep 2
done

for topic in "${TOPICS[@]}"; do
  for name in "${topic}" "${topic}.dlq"; do
    "${KAFKA_BIN}/kafka-topics.sh" --bootstrap-server "${BOOTSTRAP_SERVER}" --create --if-not-exists \
      --topic "${name}" --partitions "${PARTITIONS}" --replication-factor "${REPLICATION_FACTOR}" \
      "${extra_config[@]}"
  done
done
echo "topics ready:"
"${KAFKA_BIN}/kafka-topics.sh" --bootstrap-server "${BOOTSTRAP_SERVER}" --list
