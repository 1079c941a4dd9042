"""The workers' liveness file: fresh while the event loop runs, stale when it stops."""

import time

from workers import liveness


def test_a_fresh_heartbeat_is_alive(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(liveness, "HEARTBEAT_FILE", tmp_path / "heartbeat")
    assert not liveness.is_alive()
    liveness.beat()
    assert liveness.is_alive()
    assert not liveness.is_alive(now=time.time() + liveness.STALE_AFTER + 1)
    liveness.stop()
    assert not liveness.is_alive()
