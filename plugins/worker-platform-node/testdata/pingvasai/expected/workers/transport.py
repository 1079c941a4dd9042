"""Kombu's Redis transport, with the tiers of a pool taken in their order.

A worker consumes its pool's queues with one BRPOP over all of them, and
Redis answers from the first non-empty list in the order the keys are given.
Kombu's "priority" queue order strategy keeps that order in a list, but
fills it from the channel's active queues, which kombu returns as a set, so
the order of the tiers followed Python's string hashing and changed with
PYTHONHASHSEED: a worker could take "free" before "enterprise". This channel
returns them in the order the worker subscribed, which is the order of its
--queues option, the order of the spec.

It is a subclass rather than one Deployment per tier because a pool's
replicas serve every tier: an idle enterprise tier must not hold GPUs that
the free tier could use, and KEDA already scales the pool on its longest
backlog.
"""

from kombu.transport import redis


class TierOrderedChannel(redis.Channel):
    @property
    def active_queues(self) -> list[str]:  # type: ignore[override]
        """Queues being consumed from (fanout ones aside), in subscription order."""
        return [q for q in self._active_queues if q not in self.active_fanout_queues]


class TierOrderedRedisTransport(redis.Transport):
    Channel = TierOrderedChannel
