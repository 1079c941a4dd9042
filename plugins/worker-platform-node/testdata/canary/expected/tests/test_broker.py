"""Against a real Redis: what the API sends is what KEDA counts and the workers take."""

import importlib
import time

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_prerun
from fastapi.testclient import TestClient

from app import main
from workers.celery_app import POOL_DEFAULT_QUEUES, POOL_QUEUES, celery_app

client = TestClient(main.app)

QUEUES = [(pool, queue) for pool, queues in POOL_QUEUES.items() for queue in queues]


@pytest.mark.parametrize(("pool", "queue"), QUEUES)
def test_sent_tasks_wait_in_the_list_keda_counts(broker, pool: str, queue: str) -> None:
    for n in range(3):
        response = client.post(f"/queues/{queue}/tasks", json={"payload": {"n": n}})
        assert response.status_code == 202, response.text
    assert broker.waiting(queue) == 3


def test_a_task_sent_with_a_priority_is_counted_too(broker) -> None:
    pool, queue = QUEUES[0]
    celery_app.send_task(f"workers.{pool}.tasks.process", args=[{}], queue=queue, priority=9)
    assert broker.waiting(queue) == 1


@pytest.mark.parametrize("pool", sorted(POOL_QUEUES))
def test_a_task_sent_without_a_queue_waits_in_the_lowest_tier(broker, pool: str) -> None:
    celery_app.send_task(f"workers.{pool}.tasks.process", args=[{}])
    assert broker.waiting(POOL_DEFAULT_QUEUES[pool]) == 1


@pytest.mark.parametrize("pool", sorted(POOL_QUEUES))
def test_a_worker_takes_higher_tiers_first(broker, pool: str) -> None:
    tiers = POOL_QUEUES[pool]
    importlib.import_module(f"workers.{pool}.tasks")  # as `celery -A` does
    for queue in reversed(tiers):
        client.post(f"/queues/{queue}/tasks", json={"payload": {}})
    taken: list[str] = []

    def record(task=None, **_: object) -> None:
        taken.append(task.request.delivery_info["routing_key"])

    task_prerun.connect(record, weak=False)
    try:
        with start_worker(celery_app, queues=tiers, perform_ping_check=False):
            deadline = time.monotonic() + 20
            while len(taken) < len(tiers) and time.monotonic() < deadline:
                time.sleep(0.05)
    finally:
        task_prerun.disconnect(record)
    assert taken == tiers
    assert all(broker.waiting(queue) == 0 for queue in tiers)
