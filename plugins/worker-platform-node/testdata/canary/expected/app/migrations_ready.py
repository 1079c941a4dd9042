"""Exit 0 once the database schema is one this image's code can serve.

The API pods' init container runs this: the migration itself runs once per
ArgoCD sync in k8s/jobs, and a pod must not serve before it has finished.
A database at this image's newest revision is ready; so is one a newer
release has migrated further, as long as this image's newest revision is in
its history (migrations expand first and contract a release later, so the
previous release keeps working): `argocd app rollback`, `git revert` and the
idle blue-green slot all start after a forward migration.
"""

import sys
import time

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError

from app.config import get_settings
from app.migration_history import applied_revisions


def schema_is_compatible(database_url: str, alembic_ini: str = "alembic.ini") -> bool:
    script = ScriptDirectory.from_config(Config(alembic_ini))
    own_heads = set(script.get_heads())
    known = {revision.revision for revision in script.walk_revisions()}
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
            if current == own_heads:
                return True
            # Ahead: every current head is newer than this image knows, and
            # this image's heads were applied on the way there.
            ahead = bool(current) and not current & known
            return ahead and own_heads <= applied_revisions(connection)
    except SQLAlchemyError:
        return False
    finally:
        engine.dispose()


def wait_until_compatible(database_url: str, timeout: float, interval: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while not schema_is_compatible(database_url):
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)
    return True


if __name__ == "__main__":  # pragma: no cover
    if not wait_until_compatible(get_settings().DATABASE_URL, timeout=600):
        print("the database schema is neither this image's nor a newer one built on it; did the migration Job fail?")
        sys.exit(1)
