"""The Celery app shared by the API (to send tasks) and every worker pool."""

from celery import Celery, bootsteps
from kombu import Queue

from app.config import get_settings
from workers import liveness

# Each pool's queues, in priority order: the order of the spec, the order the
# pool's workers take them in, one KEDA trigger each.
POOL_QUEUES: dict[str, list[str]] = {
    "render": [
        "render.priority",
        "render.batch",
    ],
    "transcode": [
        "transcode",
    ],
    "caption": [
        "caption",
    ],
    "moderate": [
        "moderate-images",
        "moderate-video",
    ],
    "webhook": [
        "webhooks",
    ],
    "maintenance": [
        "maintenance",
    ],
}

# Where a pool's tasks go when the sender names no queue: its lowest tier, so
# work sent without a tier never jumps ahead of work that asked for one.
POOL_DEFAULT_QUEUES: dict[str, str] = {
    "render": "render.batch",
    "transcode": "transcode",
    "caption": "caption",
    "moderate": "moderate-video",
    "webhook": "webhooks",
    "maintenance": "maintenance",
}

# The Redis transport with strict tier order (workers/transport.py).
TRANSPORT = "workers.transport:TierOrderedRedisTransport"


class Heartbeat(bootsteps.StartStopStep):
    """Touches the liveness file from the worker's timer (see workers/liveness.py)."""

    requires = {"celery.worker.components:Timer"}

    def __init__(self, worker, **kwargs) -> None:
        super().__init__(worker, **kwargs)
        self.tref = None

    def start(self, worker) -> None:
        liveness.beat()
        self.tref = worker.timer.call_repeatedly(liveness.HEARTBEAT_INTERVAL, liveness.beat)

    def stop(self, worker) -> None:
        if self.tref is not None:
            self.tref.cancel()
        liveness.stop()


def create_celery_app() -> Celery:
    settings = get_settings()
    app = Celery(settings.SERVICE_NAME, broker=settings.broker_url)
    transport_options: dict[str, object] = {
        # BRPOP over the queues in the order the worker was given them: a
        # waiting task of a higher tier is always taken first.
        "queue_order_strategy": "priority",
        # One list per queue. Celery's message priorities would write to
        # "<queue>\x06\x16<n>" keys that KEDA's listName never counts; with a
        # single step every send lands in the list KEDA watches.
        "priority_steps": [0],
        # A task taken by a worker leaves the list for kombu's "unacked" hash;
        # if its pod dies, the task returns to its queue after this long.
        "visibility_timeout": settings.CELERY_VISIBILITY_TIMEOUT,
        "max_connections": settings.REDIS_MAX_CONNECTIONS,
    }
    if settings.CELERY_KEY_PREFIX:
        transport_options["global_keyprefix"] = settings.CELERY_KEY_PREFIX
    routes = {
        f"workers.{pool}.tasks.*": {"queue": queue} for pool, queue in POOL_DEFAULT_QUEUES.items()
    }
    app.conf.update(
        broker_transport=TRANSPORT,
        broker_transport_options=transport_options,
        broker_pool_limit=settings.CELERY_BROKER_POOL_LIMIT,
        broker_connection_retry_on_startup=True,
        task_queues=[Queue(name) for queues in POOL_QUEUES.values() for name in queues],
        # A misspelt queue fails the send instead of creating a list that no
        # worker consumes and KEDA never counts.
        task_create_missing_queues=False,
        # Celery resolves its default queue on every send, so it must be a
        # declared one; only a task outside workers.* ends up there.
        task_default_queue="render.batch",
        task_routes=routes,
        # A task is acknowledged when it finishes, not when it is taken: a
        # worker lost mid-task leaves it to be delivered again.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=settings.CELERY_WORKER_PREFETCH_MULTIPLIER,
        worker_max_tasks_per_child=settings.CELERY_WORKER_MAX_TASKS_PER_CHILD,
    )
    app.steps["worker"].add(Heartbeat)
    return app


celery_app = create_celery_app()
