"""The HTTP contract Kubernetes, Prometheus and the Backstage catalog rely on."""

import json
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from app import main
from app.config import Settings
from app.db import database_ready

client = TestClient(main.app)


def test_health() -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_openapi_json_is_what_the_app_serves() -> None:
    """openapi.json is the catalog's API definition: update it with the routes."""
    committed = Path(__file__).resolve().parents[1] / "openapi.json"
    assert client.get("/openapi.json").json() == json.loads(committed.read_text())


def test_metrics_are_prometheus_text() -> None:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert "tasks_sent_total" in response.text


def test_ready_waits_for_dependencies_once_then_degrades(monkeypatch) -> None:
    monkeypatch.setattr(main.Readiness, "warmed_up", False)
    up = {"database": False, "redis": True}
    monkeypatch.setattr(main, "database_ready", lambda engine: up["database"])
    monkeypatch.setattr(main, "redis_ready", lambda: up["redis"])

    starting = client.get("/ready")
    assert (starting.status_code, starting.json()["status"]) == (503, "starting")

    up["database"] = True
    assert client.get("/ready").status_code == 200

    # A blip of a shared dependency keeps the pod in the load balancer.
    up["redis"] = False
    degraded = client.get("/ready")
    assert (degraded.status_code, degraded.json()["status"]) == (200, "degraded")
    assert degraded.json()["checks"] == {"database": True, "redis": False}


def test_database_ready_runs_a_query() -> None:
    assert database_ready(create_engine("sqlite://"))
    assert not database_ready(create_engine("sqlite:////nonexistent/dir/db.sqlite"))


def test_redis_ready_is_false_when_unreachable(monkeypatch) -> None:
    monkeypatch.setenv("REDIS_ADDRESS", "127.0.0.1:1")
    assert main.redis_ready() is False


def test_send_task_rejects_unknown_queues() -> None:
    assert client.post("/queues/no-such-queue/tasks", json={}).status_code == 404


def test_broker_url_quotes_the_password() -> None:
    settings = Settings(REDIS_PASSWORD="p@ss/word", REDIS_ADDRESS="redis:6379", REDIS_DB=2)
    assert settings.broker_url == "redis://:p%40ss%2Fword@redis:6379/2"
