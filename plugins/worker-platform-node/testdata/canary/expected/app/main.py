"""HTTP entry point: health, readiness, metrics, and sending work to the pools."""

import uuid
from functools import lru_cache

import redis
from fastapi import FastAPI, HTTPException, Response
from prometheus_client import CONTENT_TYPE_LATEST, Counter, generate_latest
from pydantic import BaseModel

from app.config import get_settings
from app.db import database_ready, get_engine
from workers.celery_app import POOL_QUEUES, celery_app

app = FastAPI(title="ocr API")

TASKS_SENT = Counter("tasks_sent_total", "Tasks sent to worker queues", ["queue"])


class TaskRequest(BaseModel):
    payload: dict = {}


@lru_cache
def get_redis() -> redis.Redis:
    """One connection pool per process, bounded by REDIS_MAX_CONNECTIONS."""
    settings = get_settings()
    return redis.Redis.from_url(
        settings.broker_url,
        socket_connect_timeout=2,
        socket_timeout=2,
        max_connections=settings.REDIS_MAX_CONNECTIONS,
    )


def redis_ready() -> bool:
    try:
        return bool(get_redis().ping())
    except redis.RedisError:
        return False


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}


class Readiness:
    """Whether this pod has reached its database and Redis since it started."""

    warmed_up = False


@app.get("/ready")
def ready(response: Response) -> dict:
    # Can this pod serve? Not: is every dependency up right now. The
    # database and Redis are shared by every pod, so failing readiness on
    # their blip would take every pod out of the load balancer at once, and
    # sending tasks (Redis) still works while the database is away. A pod is
    # unready only until its dependencies have answered once: a new pod with
    # a wrong setting never receives traffic, and a rollout stops there.
    # After that a failing dependency reports "degraded" with a 200.
    # (A comment, not a docstring: FastAPI would publish it in openapi.json.)
    checks = {"database": database_ready(get_engine()), "redis": redis_ready()}
    healthy = all(checks.values())
    Readiness.warmed_up = Readiness.warmed_up or healthy
    if not Readiness.warmed_up:
        response.status_code = 503
    status = "ok" if healthy else "degraded" if Readiness.warmed_up else "starting"
    return {"status": status, "checks": checks}


@app.get("/metrics")
def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


@app.post("/queues/{queue}/tasks", status_code=202)
def send_task(queue: str, request: TaskRequest) -> dict:
    pool = next((p for p, queues in POOL_QUEUES.items() if queue in queues), None)
    if pool is None:
        raise HTTPException(status_code=404, detail=f"unknown queue {queue}")
    task_id = str(uuid.uuid4())
    celery_app.send_task(
        f"workers.{pool}.tasks.process", args=[request.payload], queue=queue, task_id=task_id
    )
    TASKS_SENT.labels(queue=queue).inc()
    return {"id": task_id, "queue": queue}
