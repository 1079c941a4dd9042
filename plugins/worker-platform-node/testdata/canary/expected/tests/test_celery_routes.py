"""Each pool consumes exactly the queues of the spec, in priority order."""

from workers.celery_app import POOL_QUEUES, celery_app, create_celery_app

EXPECTED_POOL_QUEUES = {
    "recognize": [
        "urgent",
        "bulk",
    ],
}


def test_pools_consume_the_spec_queues_in_order() -> None:
    assert POOL_QUEUES == EXPECTED_POOL_QUEUES


def test_only_the_spec_queues_exist() -> None:
    declared = sorted(queue.name for queue in celery_app.conf.task_queues)
    assert declared == sorted(q for queues in EXPECTED_POOL_QUEUES.values() for q in queues)
    assert celery_app.conf.task_create_missing_queues is False


def test_a_pool_tasks_default_to_its_first_queue() -> None:
    for pool, queues in EXPECTED_POOL_QUEUES.items():
        assert celery_app.conf.task_routes[f"workers.{pool}.tasks.*"] == {"queue": queues[0]}


def test_queues_are_read_in_priority_order_behind_the_key_prefix(monkeypatch) -> None:
    monkeypatch.setenv("CELERY_KEY_PREFIX", "tenant:")
    options = create_celery_app().conf.broker_transport_options
    assert options == {"queue_order_strategy": "priority", "global_keyprefix": "tenant:"}
