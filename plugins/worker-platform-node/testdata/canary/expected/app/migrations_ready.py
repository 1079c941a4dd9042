"""Exit 0 once the database is at the newest Alembic revision.

The API pods' init container runs this: the migration itself runs once per
ArgoCD sync in k8s/jobs, and a pod must not serve before it has finished.
"""

import sys
import time

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError

from app.config import get_settings


def is_at_head(database_url: str, alembic_ini: str = "alembic.ini") -> bool:
    heads = set(ScriptDirectory.from_config(Config(alembic_ini)).get_heads())
    try:
        with create_engine(database_url).connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
    except SQLAlchemyError:
        return False
    return current == heads


def wait_for_head(database_url: str, timeout: float, interval: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while not is_at_head(database_url):
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)
    return True


if __name__ == "__main__":  # pragma: no cover
    if not wait_for_head(get_settings().DATABASE_URL, timeout=600):
        print("database is not at the newest migration; did the migration Job fail?")
        sys.exit(1)
