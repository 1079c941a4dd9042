"""Tasks of the api-relay pool, which consumes api_relay.

Started with `celery -A workers.api_relay.tasks worker --queues=api_relay`.
"""

from typing import Any

from workers.celery_app import celery_app as app


@app.task(name="workers.api_relay.tasks.process", bind=True)
def process(self: Any, payload: dict) -> dict:
    """Replace with the pool's work; the queue tells the priority it came in at."""
    queue = (self.request.delivery_info or {}).get("routing_key")
    return {"queue": queue, "payload": payload}
