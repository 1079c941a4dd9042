"""Smoke test of a deployed environment: `SMOKE_BASE_URL=https://… pytest tests/smoke_test.py`."""

import os

import httpx
import pytest

BASE_URL = os.environ.get("SMOKE_BASE_URL", "")
pytestmark = pytest.mark.skipif(not BASE_URL, reason="SMOKE_BASE_URL is not set")


def test_health() -> None:
    response = httpx.get(f"{BASE_URL}/health", timeout=10)
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_ready() -> None:
    assert httpx.get(f"{BASE_URL}/ready", timeout=10).status_code == 200
