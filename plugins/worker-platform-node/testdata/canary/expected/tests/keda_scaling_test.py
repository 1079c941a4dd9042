"""KEDA scales a pool up from zero when its queue fills, against a live cluster.

    KEDA_TEST_ENVIRONMENT=staging pytest tests/keda_scaling_test.py

Needs kubectl access to the environment and its Redis (REDIS_ADDRESS, REDIS_PASSWORD).
"""

import os
import subprocess
import time

import pytest

from workers.celery_app import celery_app

ENVIRONMENT = os.environ.get("KEDA_TEST_ENVIRONMENT", "")
pytestmark = pytest.mark.skipif(not ENVIRONMENT, reason="KEDA_TEST_ENVIRONMENT is not set")

WORKER_NAMESPACES = {
    "staging": "ocr-stg-jobs",
    "production": "ocr-jobs",
}
# (pool module, Deployment, queue with the lowest targetLength of the pool)
POOLS = [
    (
        "recognize",
        "ocr-recognize-worker",
        "urgent",
    ),
]


def replicas(namespace: str, deployment: str) -> int:
    jsonpath = "jsonpath={.spec.replicas}"
    out = subprocess.run(
        ["kubectl", "get", "deployment", deployment, "-n", namespace, "-o", jsonpath],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return int(out or 0)


@pytest.mark.parametrize(("pool", "deployment", "queue"), POOLS)
def test_scales_up_when_the_queue_fills(pool: str, deployment: str, queue: str) -> None:
    namespace = WORKER_NAMESPACES[ENVIRONMENT]
    for n in range(10):
        celery_app.send_task(f"workers.{pool}.tasks.process", args=[{"n": n}], queue=queue)
    deadline = time.monotonic() + 120
    while replicas(namespace, deployment) == 0:
        assert time.monotonic() < deadline, f"{deployment} did not scale up within 120 s"
        time.sleep(5)
