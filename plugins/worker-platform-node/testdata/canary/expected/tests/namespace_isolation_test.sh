#!/usr/bin/env sh
# Checks that an environment's API and workers run in their own namespaces,
# and that the network keeps other namespaces away from its Redis.
# Usage: tests/namespace_isolation_test.sh <environment>
set -eu

case "${1:-}" in
  'staging')
    service_ns='ocr-stg'
    worker_ns='ocr-stg-jobs'
    ;;
  'production')
    service_ns='ocr'
    worker_ns='ocr-jobs'
    ;;
  *)
    echo "usage: $0 ENVIRONMENT (one of: staging production)" >&2
    exit 2
    ;;
esac

id_label='backstage.io/kubernetes-id=ocr'
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

# The network (NetworkPolicies): Redis answers this service's workers and
# API, and nothing else. A pod like a worker must reach it (so the check
# below cannot pass just because Redis is down); a pod of another namespace
# must not.
redis_host='ocr-redis'".$worker_ns.svc.cluster.local"
restricted='{"spec":{"securityContext":{"runAsNonRoot":true,"runAsUser":65534,"seccompProfile":{"type":"RuntimeDefault"}},"containers":[{"name":"probe","image":"busybox:1.36","command":["nc","-z","-w","5","'"$redis_host"'","6379"],"securityContext":{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]}}}]}}'

reaches_redis() { # namespace labels -> exit status of nc from a pod there
  kubectl run "isolation-probe-$$" -n "$1" --labels="$2" --image=busybox:1.36 \
    --restart=Never --rm -i --quiet --overrides="$restricted" >/dev/null 2>&1
}

if ! reaches_redis "$worker_ns" "$worker_label"; then
  echo "FAIL: a worker pod in $worker_ns cannot reach Redis at $redis_host:6379" >&2
  exit 1
fi
echo "ok: workers reach Redis"

probe_ns="isolation-probe-$$"
kubectl create namespace "$probe_ns" >/dev/null
trap 'kubectl delete namespace "$probe_ns" --wait=false >/dev/null 2>&1 || true' EXIT
if reaches_redis "$probe_ns" "app=isolation-probe"; then
  echo "FAIL: a pod in another namespace ($probe_ns) reaches Redis at $redis_host:6379" >&2
  exit 1
fi
echo "ok: other namespaces cannot reach Redis"
