"""A liveness signal that costs nothing and survives a Redis blip.

`celery inspect ping` asks the worker through the broker: it starts Celery
in a new process per probe and fails whenever Redis is briefly away, so the
kubelet restarted healthy workers (and the tasks they ran) on every blip.
Instead the worker's own timer touches a file every few seconds (the
Heartbeat step in workers/celery_app.py); the probe only checks that the
file is fresh. A worker whose loop is stuck stops touching it and is
restarted; one waiting for Redis to come back is not. No Celery import here:
the probe runs every 30 s.

    python -m workers.liveness     exit 0 while the file is fresh
"""

import os
import sys
import time
from pathlib import Path

HEARTBEAT_FILE = Path(os.environ.get("WORKER_HEARTBEAT_FILE", "/tmp/worker-heartbeat"))
HEARTBEAT_INTERVAL = 10.0
# Three missed beats.
STALE_AFTER = 3 * HEARTBEAT_INTERVAL


def beat() -> None:
    HEARTBEAT_FILE.touch()


def stop() -> None:
    HEARTBEAT_FILE.unlink(missing_ok=True)


def is_alive(now: float | None = None) -> bool:
    try:
        age = (now if now is not None else time.time()) - HEARTBEAT_FILE.stat().st_mtime
    except FileNotFoundError:
        return False
    return age < STALE_AFTER


if __name__ == "__main__":
    sys.exit(0 if is_alive() else 1)
