#!/usr/bin/env bash
# Measures the delay from POST /v1/events (a detractor) until GET /v1/alerts lists its alert,
# one event at a time, against a running stack (./omnipulse). Prints n, min, p50, p90, max in ms.
#   devstack/bench/alert-latency.sh [COUNT] [INGEST_URL] [ALERTING_URL]
set -euo pipefail
count=${1:-40}
ingest=${2:-http://localhost:8081}
alerting=${3:-http://localhost:8084}
run="bench-$(date +%s)"

for i in $(seq 1 "$count"); do
  email="$run-$i@example.com"
  # The customer id is the contract's CustomerKeys.customerId: "cus-" + 16 hex of sha256("email:<address>").
  cid="cus-$(printf '%s' "email:$email" | sha256sum | cut -c1-16)"
  t0=$(date +%s%N)
  curl -sf -o /dev/null -XPOST "$ingest/v1/events" -H 'Content-Type: application/json' -d "{
    \"eventId\":\"$run-$i\",\"source\":\"latency-bench\",\"type\":\"feedback\",\"channel\":\"email\",
    \"occurredAt\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"customer\":{\"email\":\"$email\"},
    \"feedback\":{\"metric\":\"nps\",\"score\":2}}"
  until curl -sf "$alerting/v1/alerts?customerId=$cid" | grep -q "\"customerId\":\"$cid\""; do sleep 0.01; done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
done | sort -n | awk '{a[NR]=$1} END {printf "n=%d min=%d p50=%d p90=%d max=%d (ms)\n", NR, a[1], a[int((NR+1)/2)], a[int(NR*0.9+0.5)], a[NR]}'
