"""Each pool consumes exactly the queues of the spec, in priority order."""

from app.config import get_settings
from workers.celery_app import POOL_QUEUES, celery_app, create_celery_app

EXPECTED_POOL_QUEUES = {
    "default": [
        "thumbnails",
    ],
}


def test_pools_consume_the_spec_queues_in_order() -> None:
    assert POOL_QUEUES == EXPECTED_POOL_QUEUES


def test_only_the_spec_queues_exist() -> None:
    declared = sorted(queue.name for queue in celery_app.conf.task_queues)
    assert declared == sorted(q for queues in EXPECTED_POOL_QUEUES.values() for q in queues)
    assert celery_app.conf.task_create_missing_queues is False


def test_a_pool_tasks_default_to_its_lowest_tier() -> None:
    for pool, queues in EXPECTED_POOL_QUEUES.items():
        assert celery_app.conf.task_routes[f"workers.{pool}.tasks.*"] == {"queue": queues[-1]}


def test_the_default_queue_is_declared() -> None:
    declared = {queue.name for queue in celery_app.conf.task_queues}
    assert celery_app.conf.task_default_queue in declared


def test_tiers_are_taken_in_order_and_counted_where_keda_looks(monkeypatch) -> None:
    monkeypatch.setenv("CELERY_KEY_PREFIX", "tenant:")
    conf = create_celery_app().conf
    options = conf.broker_transport_options
    assert conf.broker_transport == "workers.transport:TierOrderedRedisTransport"
    assert options["queue_order_strategy"] == "priority"
    assert options["priority_steps"] == [0]
    assert options["global_keyprefix"] == "tenant:"


def test_time_limits_leave_no_task_unacknowledged_past_the_visibility_timeout() -> None:
    settings = get_settings()
    assert celery_app.conf.task_acks_late is True
    assert celery_app.conf.task_reject_on_worker_lost is True
    options = celery_app.conf.broker_transport_options
    assert options["visibility_timeout"] == settings.CELERY_VISIBILITY_TIMEOUT
