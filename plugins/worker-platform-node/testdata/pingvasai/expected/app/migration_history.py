"""Every Alembic revision applied to the database, kept beside alembic_version.

Alembic records only the current head. A database that a newer release has
migrated forward is at a revision the previous release's image does not know,
so the previous release could not tell "ahead of me" from "not mine". This
table records each applied revision, so an older image can see its own head
in the database's history and serve (expand/contract migrations keep older
code working on a newer schema): rollbacks and the idle blue-green slot keep
working after a forward migration.
"""

from alembic.migration import MigrationInfo
from sqlalchemy import Column, DateTime, MetaData, String, Table, delete, func, insert, select
from sqlalchemy.engine import Connection

HISTORY_TABLE = "alembic_version_history"

_metadata = MetaData()
history = Table(
    HISTORY_TABLE,
    _metadata,
    Column("revision", String(64), primary_key=True),
    Column("applied_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
)


def ensure_history_table(connection: Connection) -> None:
    history.create(connection, checkfirst=True)


def record_step(*, ctx, step: MigrationInfo, heads, run_args) -> None:
    """Alembic's on_version_apply hook: an upgrade adds its revision, a downgrade removes it."""
    connection = ctx.connection
    revision = step.up_revision_id
    connection.execute(delete(history).where(history.c.revision == revision))
    if step.is_upgrade:
        connection.execute(insert(history).values(revision=revision))


def applied_revisions(connection: Connection) -> set[str]:
    """The revisions ever applied and not downgraded; empty without the table."""
    if not connection.dialect.has_table(connection, HISTORY_TABLE):
        return set()
    return set(connection.execute(select(history.c.revision)).scalars())
