"""Tasks of the recognize pool, which consumes urgent, bulk.

Started with `celery -A workers.recognize.tasks worker --queues=urgent,bulk`.
"""

from typing import Any

from workers.celery_app import celery_app as app


@app.task(name="workers.recognize.tasks.process", bind=True)
def process(self: Any, payload: dict) -> dict:
    """Replace with the pool's work; the queue tells the priority it came in at."""
    queue = (self.request.delivery_info or {}).get("routing_key")
    return {"queue": queue, "payload": payload}
