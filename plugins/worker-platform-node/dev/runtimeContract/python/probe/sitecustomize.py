"""Loaded by Python at start-up when this folder is on PYTHONPATH.

It lets the runtime contract watch a generated worker without changing a
line of it: when RTC_PROBE_URL is set, Celery's signals record each task's
receipt (in the worker's main process, in the order its consumer took
them), start and finish (with the task's state) in a Redis list; a payload {"rtc_sleep": s} makes
the task take s seconds, so a test can stop a worker in the middle of one.
"""

import json
import os
import time

if os.environ.get("RTC_PROBE_URL"):
    import redis
    from celery.signals import task_postrun, task_prerun, task_received

    _clients: dict[int, redis.Redis] = {}

    def _record(event: str, task_id: str, queue: str | None, state: str | None = None) -> None:
        # One client per process: prefork children must not share a socket.
        client = _clients.get(os.getpid())
        if client is None:
            client = _clients[os.getpid()] = redis.Redis.from_url(os.environ["RTC_PROBE_URL"])
        entry = {"event": event, "id": task_id, "queue": queue, "state": state, "pid": os.getpid(), "at": time.time()}
        client.rpush(os.environ["RTC_PROBE_KEY"], json.dumps(entry))

    @task_received.connect(weak=False)
    def _received(request=None, **_: object) -> None:
        _record("received", request.id, (request.delivery_info or {}).get("routing_key"))

    @task_prerun.connect(weak=False)
    def _started(task_id=None, task=None, args=None, **_: object) -> None:
        _record("started", task_id, (task.request.delivery_info or {}).get("routing_key"))
        payload = args[0] if args else None
        if isinstance(payload, dict) and payload.get("rtc_sleep"):
            time.sleep(float(payload["rtc_sleep"]))

    @task_postrun.connect(weak=False)
    def _finished(task_id=None, task=None, state=None, **_: object) -> None:
        _record("finished", task_id, (task.request.delivery_info or {}).get("routing_key"), state)
