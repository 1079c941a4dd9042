"""The Celery app shared by the API (to send tasks) and every worker pool."""

from celery import Celery
from kombu import Queue

from app.config import get_settings

# Each pool's queues, in priority order: the order of the spec, the order the
# pool's workers consume them in, one KEDA trigger each.
POOL_QUEUES: dict[str, list[str]] = {
    "recognize": [
        "urgent",
        "bulk",
    ],
}


def create_celery_app() -> Celery:
    settings = get_settings()
    app = Celery(settings.SERVICE_NAME, broker=settings.broker_url)
    # "priority" makes a worker drain its first queue before the next one
    # (the default, round robin, would treat all queues alike).
    transport_options: dict[str, object] = {"queue_order_strategy": "priority"}
    if settings.CELERY_KEY_PREFIX:
        transport_options["global_keyprefix"] = settings.CELERY_KEY_PREFIX
    # A pool's tasks go to its first queue unless the sender names another.
    routes = {
        f"workers.{pool}.tasks.*": {"queue": queues[0]} for pool, queues in POOL_QUEUES.items()
    }
    app.conf.update(
        broker_transport_options=transport_options,
        task_queues=[Queue(name) for queues in POOL_QUEUES.values() for name in queues],
        task_create_missing_queues=False,
        task_routes=routes,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        broker_connection_retry_on_startup=True,
    )
    return app


celery_app = create_celery_app()
