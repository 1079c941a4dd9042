"""Settings: local defaults only where they are safe."""

import pytest
from pydantic import ValidationError

from app.config import REQUIRED_SETTINGS, Settings


@pytest.fixture
def no_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in REQUIRED_SETTINGS:
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("environment", ["development", "local", "test"])
def test_local_environments_run_on_defaults(no_secrets, environment: str) -> None:
    assert Settings(ENVIRONMENT=environment).DATABASE_URL.startswith("postgresql")


def test_a_deployed_environment_refuses_to_start_without_its_secrets(no_secrets) -> None:
    with pytest.raises(ValidationError, match="DATABASE_URL, REDIS_PASSWORD must be set in staging"):
        Settings(ENVIRONMENT="staging")


def test_a_deployed_environment_starts_with_its_secrets(no_secrets) -> None:
    settings = Settings(ENVIRONMENT="production", DATABASE_URL="postgresql+psycopg://db/app", REDIS_PASSWORD="")
    assert settings.DATABASE_URL == "postgresql+psycopg://db/app"
