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

app = FastAPI(title="thumbnailer API")

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


@app.get("/ready")
def ready(response: Response) -> dict:
    checks = {"database": database_ready(get_engine()), "redis": redis_ready()}
    if not all(checks.values()):
        response.status_code = 503
    return {"status": "ok" if all(checks.values()) else "unavailable", "checks": checks}


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
