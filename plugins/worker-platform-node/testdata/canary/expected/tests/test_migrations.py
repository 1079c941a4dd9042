"""Migrations: the init container's gate, and a round trip on a real database."""

import os

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, insert, inspect, text

from app.migration_history import HISTORY_TABLE, history
from app.migrations_ready import schema_is_compatible, wait_until_compatible


def migrate(url: str, monkeypatch, revision: str = "head") -> None:
    monkeypatch.setenv("DATABASE_URL", url)
    command.upgrade(Config("alembic.ini"), revision)


def test_waits_until_the_database_is_migrated(tmp_path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    assert not schema_is_compatible(url)
    assert not wait_until_compatible(url, timeout=0)

    migrate(url, monkeypatch)

    assert schema_is_compatible(url)
    assert wait_until_compatible(url, timeout=0)


def test_a_database_a_newer_release_migrated_forward_is_served(tmp_path, monkeypatch) -> None:
    """Rollbacks: the previous image starts after the next one's expand migration."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    migrate(url, monkeypatch)
    with create_engine(url).begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00dfeed0002'"))
        connection.execute(insert(history).values(revision="f00dfeed0002"))
    assert schema_is_compatible(url)


def test_a_database_of_another_lineage_is_not_served(tmp_path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'app.db'}"
    migrate(url, monkeypatch)
    with create_engine(url).begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00dfeed0002'"))
        connection.execute(text(f"DELETE FROM {HISTORY_TABLE}"))
    assert not schema_is_compatible(url)


def test_unreachable_database_is_not_compatible() -> None:
    assert not schema_is_compatible("sqlite:////nonexistent/dir/app.db")


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
        assert schema_is_compatible(url)
        assert "jobs" in inspect(engine).get_table_names()
        command.downgrade(config, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version", HISTORY_TABLE}
        command.upgrade(config, "head")
        assert schema_is_compatible(url)
    finally:
        command.downgrade(config, "base")
        engine.dispose()
