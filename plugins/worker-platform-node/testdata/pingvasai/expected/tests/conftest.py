"""Settings come from the environment; tests start from a clean cache.

The broker tests use the real Redis of REDIS_ADDRESS (the CI workflow starts
one; locally `docker compose up -d redis`). Every key a test session writes
lives under a key prefix of its own, deleted around each test, so the tests
never touch the queues of a running stack.
"""

import os
import uuid
from collections.abc import Iterator

import pytest
import redis


def pytest_configure() -> None:
    # Before any test module imports the app, which reads its settings once.
    from app.config import Settings

    session = f"test-{uuid.uuid4().hex[:12]}:"
    os.environ["CELERY_KEY_PREFIX"] = f"{Settings().CELERY_KEY_PREFIX}{session}"


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    from app import main
    from app.config import get_settings
    from app.db import get_engine

    caches = [get_settings, get_engine, main.get_redis]
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


class Broker:
    """The Redis lists KEDA counts, under this test session's key prefix."""

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.redis = client
        self.prefix = prefix

    def waiting(self, queue: str) -> int:
        """What KEDA's redis scaler reads: LLEN of the queue's key."""
        return self.redis.llen(f"{self.prefix}{queue}")

    def clear(self) -> None:
        keys = list(self.redis.scan_iter(match=f"{self.prefix}*"))
        if keys:
            self.redis.delete(*keys)


@pytest.fixture
def broker() -> Iterator[Broker]:
    from app.config import get_settings

    settings = get_settings()
    client = redis.Redis.from_url(settings.broker_url, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.fail(f"the broker tests need Redis at {settings.REDIS_ADDRESS}: {error}")
    broker = Broker(client, settings.CELERY_KEY_PREFIX)
    broker.clear()
    try:
        yield broker
    finally:
        broker.clear()
        client.close()
