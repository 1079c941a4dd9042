"""Migrations: the init container's gate, and a round trip on a real database."""

import os

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, inspect

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


@pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL"),
    reason="TEST_DATABASE_URL names no empty database to migrate up and down",
)
def test_every_migration_goes_up_and_down(monkeypatch) -> None:
    """A rollback runs the downgrades: they must work before production needs them."""
    url = os.environ["TEST_DATABASE_URL"]
    monkeypatch.setenv("DATABASE_URL", url)
    config = Config("alembic.ini")
    engine = create_engine(url)
    try:
        command.upgrade(config, "head")
        assert is_at_head(url)
        assert "jobs" in inspect(engine).get_table_names()
        command.downgrade(config, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        command.upgrade(config, "head")
        assert is_at_head(url)
    finally:
        command.downgrade(config, "base")
        engine.dispose()
