"""Settings come from the environment; tests start from a clean cache."""

from collections.abc import Iterator

import pytest

from app.config import get_settings
from app.db import get_engine


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    get_engine.cache_clear()
    yield
    get_settings.cache_clear()
    get_engine.cache_clear()
