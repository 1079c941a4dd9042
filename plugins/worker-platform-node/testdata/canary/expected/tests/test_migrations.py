"""The migration gate of the API pods' init container."""

from alembic import command
from alembic.config import Config

from app.migrations_ready import is_at_head, wait_for_head


def test_waits_until_the_database_is_migrated(tmp_path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    assert not is_at_head(url)
    assert not wait_for_head(url, timeout=0)

    command.upgrade(Config("alembic.ini"), "head")

    assert is_at_head(url)
    assert wait_for_head(url, timeout=0)


def test_unreachable_database_is_not_at_head() -> None:
    assert not is_at_head("sqlite:////nonexistent/dir/app.db")
