"""Every pool's task runs and reports the queue it was taken from."""

import importlib

import pytest

from workers.celery_app import POOL_QUEUES


@pytest.mark.parametrize("pool", sorted(POOL_QUEUES))
def test_process_echoes_payload(pool: str) -> None:
    tasks = importlib.import_module(f"workers.{pool}.tasks")
    result = tasks.process.apply(args=[{"n": 1}]).get()
    assert result["payload"] == {"n": 1}
