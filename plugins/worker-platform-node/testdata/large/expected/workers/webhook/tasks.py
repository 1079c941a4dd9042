"""Tasks of the webhook pool, which consumes webhooks.

Started with `celery -A workers.webhook.tasks worker --queues=webhooks`.
"""

from typing import Any

from workers.celery_app import celery_app as app


@app.task(name="workers.webhook.tasks.process", bind=True)
def process(self: Any, payload: dict) -> dict:
    """Replace with the pool's work; the queue tells the priority it came in at."""
    queue = (self.request.delivery_info or {}).get("routing_key")
    return {"queue": queue, "payload": payload}
