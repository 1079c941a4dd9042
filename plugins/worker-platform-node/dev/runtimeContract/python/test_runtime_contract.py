"""The runtime contract of a generated service, proven by running it.

- Every task the API accepts waits in the Redis list a KEDA trigger counts
  (LLEN of its listName, at its databaseIndex): otherwise KEDA never scales
  a pool up from zero, or scales it on the wrong backlog.
- A worker serving several tiers takes a waiting higher tier first, whatever
  Python's hash seed: otherwise paying customers wait behind free ones.
- SIGTERM (KEDA scaling a pool down) loses no task: the running task
  finishes before the worker exits, within the pod's grace period.
- A worker killed outright (SIGKILL, a lost node) loses no task either: the
  task comes back after the visibility timeout, and runs again only once
  the first run is gone.
- The API entity the catalog shows is the API that runs: the OpenAPI
  document rendered into openapi.json and catalog-info.yaml is what the
  started app serves at /openapi.json.
"""

import json
import shutil
import subprocess
import sys
import time

import httpx
import pytest
import yaml

from conftest import (
    PLAN,
    REPO,
    Probe,
    container_of,
    objects,
    process_env,
    redis_at,
    triggers,
    worker_deployments,
)

TRIGGERS = triggers()
POOLS = worker_deployments()


def pool_id(deployment: dict) -> str:
    return deployment["metadata"]["labels"]["worker-platform.io/worker"]


def queues_of(command: list[str]) -> list[str]:
    option = next(part for part in command if part.startswith("--queues="))
    return option[len("--queues=") :].split(",")


# Pools with tiers to order; a single-queue pool has no order to keep.
TIERED_POOLS = [d for d in POOLS if len(queues_of(container_of(d).command)) > 1]


def test_the_build_has_workers_and_triggers() -> None:
    assert POOLS, "the built overlay has no worker Deployment"
    assert TRIGGERS, "the built overlay has no ScaledObject trigger"


def test_the_running_api_serves_the_catalogs_openapi_document(api) -> None:
    response = httpx.get(f"{api.url}/openapi.json", timeout=10)
    assert response.status_code == 200
    served = response.json()
    rendered = json.loads((REPO / "openapi.json").read_text())
    entities = list(yaml.safe_load_all((REPO / "catalog-info.yaml").read_text()))
    api_entity = next(e for e in entities if e and e["kind"] == "API")
    component = next(e for e in entities if e and e["kind"] == "Component")
    assert api_entity["spec"]["type"] == "openapi"
    assert api_entity["metadata"]["name"] in component["spec"]["providesApis"]
    assert served == rendered, "openapi.json differs from what the app serves"
    assert json.loads(api_entity["spec"]["definition"]) == served, "the API entity's definition differs from what the app serves"


@pytest.mark.parametrize("trigger", TRIGGERS, ids=lambda t: f"{t.scaled_object}:{t.queue}")
def test_tasks_sent_through_the_api_are_counted_by_the_trigger(api, clean_redis, trigger) -> None:
    sent = 3
    for n in range(sent):
        api.send(trigger.queue, {"n": n})
    counted = redis_at(trigger.database_index).llen(trigger.list_name)
    print(f"{trigger.scaled_object} {trigger.queue}: sent {sent}, LLEN {trigger.list_name!r} = {counted}")
    assert counted == sent


@pytest.mark.parametrize("hash_seed", ["0", "1", "2"])
@pytest.mark.parametrize("deployment", TIERED_POOLS, ids=pool_id)
def test_a_worker_takes_higher_tiers_first(api, clean_redis, start_worker, deployment, hash_seed) -> None:
    tiers = queues_of(container_of(deployment).command)
    per_tier = 2
    for queue in reversed(tiers):  # lowest tier first: the worst case
        for n in range(per_tier):
            api.send(queue, {"n": n})
    probe = Probe()
    worker = start_worker(deployment, probe, PYTHONHASHSEED=hash_seed)
    received = probe.wait_for("received", per_tier * len(tiers), timeout=60)
    worker.terminate()
    worker.process.wait(timeout=worker.container.grace_seconds)
    taken = [event["queue"] for event in received]
    order = list(dict.fromkeys(taken))
    print(f"{pool_id(deployment)} (PYTHONHASHSEED={hash_seed}): tiers taken {' -> '.join(order)}")
    assert taken == [queue for queue in tiers for _ in range(per_tier)], worker.output()


@pytest.mark.parametrize("deployment", POOLS, ids=pool_id)
def test_sigterm_finishes_the_running_task_before_the_worker_exits(api, clean_redis, start_worker, deployment) -> None:
    tier = queues_of(container_of(deployment).command)[0]
    probe = Probe()
    worker = start_worker(deployment, probe)
    task_id = api.send(tier, {"rtc_sleep": 4})
    probe.wait_for("started", 1, timeout=60)
    stopped_at = time.monotonic()
    worker.terminate()  # what the kubelet does when KEDA scales the pool down
    code = worker.process.wait(timeout=worker.container.grace_seconds)
    took = time.monotonic() - stopped_at
    finished = [e for e in probe.events("finished") if e["id"] == task_id]
    started = [e for e in probe.events("started") if e["id"] == task_id]
    print(f"{pool_id(deployment)}: SIGTERM mid-task -> exit {code} after {took:.1f} s "
          f"(grace {worker.container.grace_seconds} s), started {len(started)}, finished {len(finished)}")
    assert code == 0, worker.output()
    assert len(started) == 1, probe.events()
    assert [e["state"] for e in finished] == ["SUCCESS"], worker.output()
    client = redis_at(PLAN["databaseIndex"])
    assert client.llen(f"{PLAN['keyPrefix']}{tier}") == 0
    assert client.hlen(f"{PLAN['keyPrefix']}unacked") == 0, "the finished task is still unacknowledged"


def test_a_killed_worker_task_comes_back_after_the_visibility_timeout(api, clean_redis, start_worker) -> None:
    deployment = POOLS[0]
    tier = queues_of(container_of(deployment).command)[0]
    # The rendered timeout outlasts the longest grace period (minutes); the
    # mechanism is the same with a few seconds.
    visibility = 3
    probe = Probe()
    first = start_worker(deployment, probe, CELERY_VISIBILITY_TIMEOUT=str(visibility))
    task_id = api.send(tier, {"rtc_sleep": 2})
    probe.wait_for("started", 1, timeout=60)
    first.kill()  # no warm shutdown: the pod is gone
    first.process.wait(timeout=10)
    client = redis_at(PLAN["databaseIndex"])
    assert client.hlen(f"{PLAN['keyPrefix']}unacked") == 1, "the taken task is not held as unacknowledged"
    time.sleep(visibility + 1)
    second = start_worker(deployment, probe, CELERY_VISIBILITY_TIMEOUT=str(visibility))
    finished = probe.wait_for("finished", 1, timeout=60)
    started = [e for e in probe.events("started") if e["id"] == task_id]
    print(f"{pool_id(deployment)}: SIGKILL mid-task -> back after {visibility} s, started {len(started)} times, "
          f"finished {len(finished)}")
    assert [(e["id"], e["state"]) for e in finished] == [(task_id, "SUCCESS")]
    assert len(started) == 2 and started[1]["at"] > started[0]["at"] + visibility
    assert started[0]["pid"] != started[1]["pid"]
    second.terminate()
    second.process.wait(timeout=second.container.grace_seconds)
    assert client.hlen(f"{PLAN['keyPrefix']}unacked") == 0


NEWER_MIGRATION = '''"""A newer release's expand step: a nullable column the older code ignores."""

import sqlalchemy as sa
from alembic import op

revision = "rtc0002expand"
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("jobs", sa.Column("priority", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("jobs", "priority")
'''


def test_the_previous_release_starts_after_a_forward_migration(api, tmp_path) -> None:
    """What a rollback, a git revert or the idle blue-green slot does after a release migrated forward."""
    deployment = objects("Deployment", "api")[0]
    gate = deployment["spec"]["template"]["spec"]["initContainers"][0]
    container = container_of(deployment)
    env = process_env(container)
    alembic = [sys.executable, "-m", "alembic"]

    def run_gate(seconds: float) -> subprocess.CompletedProcess | None:
        try:
            return subprocess.run(gate["command"], cwd=REPO, env=env, capture_output=True, text=True, timeout=seconds)
        except subprocess.TimeoutExpired:
            return None  # still waiting: the pod would stay in Init

    subprocess.run([*alembic, "downgrade", "base"], cwd=REPO, env=env, check=True, capture_output=True)
    assert run_gate(8) is None, "the gate let a pod start on an unmigrated database"

    subprocess.run([*alembic, "upgrade", "head"], cwd=REPO, env=env, check=True, capture_output=True)
    head = subprocess.run([*alembic, "heads"], cwd=REPO, env=env, check=True, capture_output=True, text=True)
    old_head = head.stdout.split()[0]

    newer = tmp_path / "newer-release"
    shutil.copytree(REPO, newer)
    (newer / "alembic" / "versions" / "rtc0002_expand.py").write_text(NEWER_MIGRATION.format(down=old_head))
    try:
        subprocess.run([*alembic, "upgrade", "head"], cwd=newer, env=env, check=True, capture_output=True)
        passed = run_gate(60)
        print(f"forward migration {old_head} -> rtc0002expand: the previous release's gate "
              f"{'exited ' + str(passed.returncode) if passed else 'still waited after 60 s'}")
        assert passed is not None and passed.returncode == 0, passed and passed.stdout
        response = httpx.get(f"{api.url}/ready", timeout=10)
        assert response.status_code == 200, response.text
    finally:
        subprocess.run([*alembic, "downgrade", "base"], cwd=newer, env=env, check=False, capture_output=True)


def test_the_liveness_probe_passes_while_the_worker_runs(clean_redis, start_worker, tmp_path) -> None:
    deployment = POOLS[0]
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    probe_command = container["livenessProbe"]["exec"]["command"]
    heartbeat = tmp_path / "heartbeat"
    worker = start_worker(deployment, Probe(), WORKER_HEARTBEAT_FILE=str(heartbeat))
    env = process_env(container_of(deployment), WORKER_HEARTBEAT_FILE=str(heartbeat))

    def probe() -> int:
        return subprocess.run(probe_command, cwd=REPO, env=env, capture_output=True, timeout=30).returncode

    deadline = time.monotonic() + 60
    while probe() != 0:
        assert time.monotonic() < deadline, f"the liveness probe never passed: {worker.output()}"
        time.sleep(1)
    worker.terminate()
    worker.process.wait(timeout=worker.container.grace_seconds)
    print(f"{pool_id(deployment)}: liveness probe {probe_command} passed while running, "
          f"exit {probe()} after the worker stopped")
    assert probe() != 0
