"""Fixtures of the runtime contract: a rendered repository, run as Kubernetes would run it.

The orchestrator (../index.ts) renders an example spec with a Redis database
and key prefix of this run alone, builds its overlay with kustomize and
passes the built objects in RTC_PLAN. Everything below starts the generated
code with the command, arguments and environment of those objects; only
the addresses of Redis and PostgreSQL are pointed at this machine.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import redis

PROBE_DIR = Path(__file__).parent / "probe"
PLAN = json.loads(Path(os.environ["RTC_PLAN"]).read_text())
REPO = Path(PLAN["repo"])
LOCAL_REDIS = PLAN["redisAddress"]


def labels(obj: dict) -> dict:
    return obj.get("metadata", {}).get("labels", {}) or {}


def objects(kind: str, component: str | None = None) -> list[dict]:
    return [
        o
        for o in PLAN["objects"]
        if o.get("kind") == kind
        and (component is None or labels(o).get("worker-platform.io/component") == component)
    ]


def config_map(name: str, namespace: str | None) -> dict[str, str]:
    for o in objects("ConfigMap"):
        meta = o["metadata"]
        if meta["name"] == name and meta.get("namespace") == namespace:
            return dict(o.get("data") or {})
    raise AssertionError(f"no ConfigMap {namespace}/{name} in the build")


_VAR = re.compile(r"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")


def expand(value: str, env: dict[str, str]) -> str:
    """Kubernetes' $(VAR) expansion in command, args and env values."""
    return _VAR.sub(lambda m: env.get(m.group(1), m.group(0)), value)


@dataclass
class Container:
    """A container of a built Deployment, as the kubelet would start it."""

    deployment: dict
    command: list[str]
    env: dict[str, str]

    @property
    def name(self) -> str:
        return self.deployment["metadata"]["name"]

    @property
    def grace_seconds(self) -> int:
        return int(self.deployment["spec"]["template"]["spec"].get("terminationGracePeriodSeconds", 30))


def container_of(deployment: dict, fallback_command: list[str] | None = None) -> Container:
    namespace = deployment["metadata"].get("namespace")
    spec = deployment["spec"]["template"]["spec"]
    c = spec["containers"][0]
    env: dict[str, str] = {}
    for source in c.get("envFrom", []):
        if "configMapRef" in source:
            env.update(config_map(source["configMapRef"]["name"], namespace))
        # Secrets are sealed in the repository; the run supplies their values.
    for entry in c.get("env", []):
        if "value" in entry:
            env[entry["name"]] = expand(str(entry["value"]), env)
    command = [expand(part, env) for part in (c.get("command") or fallback_command or [])]
    command += [expand(part, env) for part in c.get("args", [])]
    return Container(deployment=deployment, command=command, env=env)


def image_cmd(dockerfile: str) -> list[str]:
    """The exec-form CMD of a Dockerfile of the repository."""
    lines = [line for line in (REPO / dockerfile).read_text().splitlines() if line.startswith("CMD [")]
    assert lines, f"{dockerfile} has no exec-form CMD"
    return json.loads(lines[-1][len("CMD ") :])


def process_env(container: Container, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "CELERY_", "DATABASE_"))}
    env.update(container.env)
    env.update(
        REDIS_ADDRESS=LOCAL_REDIS,
        REDIS_PASSWORD="",
        DATABASE_URL=PLAN["databaseUrl"],
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    )
    env.update(extra)
    return env


@dataclass
class Trigger:
    scaled_object: str
    queue: str
    list_name: str
    database_index: int
    target_length: int


def triggers() -> list[Trigger]:
    found = []
    for so in objects("ScaledObject"):
        for t in so["spec"]["triggers"]:
            assert t["type"] == "redis", f"{so['metadata']['name']}: trigger type {t['type']}"
            meta = t["metadata"]
            found.append(
                Trigger(
                    scaled_object=so["metadata"]["name"],
                    queue=t["name"],
                    list_name=meta["listName"],
                    database_index=int(meta.get("databaseIndex", "0")),
                    target_length=int(meta["listLength"]),
                )
            )
    return found


def worker_deployments() -> list[dict]:
    return objects("Deployment", "worker")


def redis_at(database_index: int) -> redis.Redis:
    host, port = LOCAL_REDIS.rsplit(":", 1)
    return redis.Redis(host=host, port=int(port), db=database_index)


@pytest.fixture
def clean_redis() -> Iterator[None]:
    """Every key of this run (its own prefix, its own database) is deleted around each test."""

    def clean() -> None:
        client = redis_at(PLAN["databaseIndex"])
        keys = list(client.scan_iter(match=f"{PLAN['keyPrefix']}*"))
        if keys:
            client.delete(*keys)

    clean()
    yield
    clean()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Api:
    url: str
    process: subprocess.Popen

    def send(self, queue: str, payload: dict | None = None) -> str:
        response = httpx.post(f"{self.url}/queues/{queue}/tasks", json={"payload": payload or {}}, timeout=10)
        assert response.status_code == 202, f"POST /queues/{queue}/tasks: {response.status_code} {response.text}"
        return response.json()["id"]


@pytest.fixture(scope="session")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """The API, started with its image's command and its Deployment's environment."""
    deployment = objects("Deployment", "api")[0]
    container = container_of(deployment, image_cmd("Dockerfile"))
    port = free_port()
    command = list(container.command)
    command[command.index("--port") + 1] = str(port)
    log = (tmp_path_factory.mktemp("api") / "api.log").open("w")
    process = subprocess.Popen(command, cwd=REPO, env=process_env(container), stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the API did not start: {Path(log.name).read_text()[-2000:]}")
        time.sleep(0.2)
    yield Api(url=url, process=process)
    process.terminate()
    process.wait(timeout=10)
    log.close()


@dataclass
class Probe:
    """What the probe (probe/sitecustomize.py) recorded of the tasks a worker handled."""

    # Under the run's prefix, so the run's clean-up deletes it too.
    key: str = field(default_factory=lambda: f"{PLAN['keyPrefix']}rtc-probe-{uuid.uuid4().hex}")

    def events(self, event: str | None = None) -> list[dict]:
        raw = redis_at(PLAN["databaseIndex"]).lrange(self.key, 0, -1)
        entries = [json.loads(e) for e in raw]
        return [e for e in entries if event is None or e["event"] == event]

    def wait_for(self, event: str, count: int, timeout: float) -> list[dict]:
        deadline = time.monotonic() + timeout
        while len(found := self.events(event)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{len(found)} of {count} tasks {event} within {timeout} s: {self.events()}")
            time.sleep(0.1)
        return found

    def delete(self) -> None:
        redis_at(PLAN["databaseIndex"]).delete(self.key)


@dataclass
class Worker:
    container: Container
    process: subprocess.Popen
    log: Path

    def terminate(self) -> None:
        """What the kubelet does first: SIGTERM to the container's main process alone."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        """What follows the grace period, or a lost node: every process of the pod, at once."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)

    def output(self) -> str:
        return self.log.read_text()[-3000:]


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator:
    """Starts a pool's worker with its Deployment's command, arguments and environment."""
    started: list[Worker] = []

    def start(deployment: dict, probe: Probe, **extra_env: str) -> Worker:
        container = container_of(deployment)
        log = tmp_path / f"{container.name}-{len(started)}.log"
        env = process_env(
            container,
            PYTHONPATH=str(PROBE_DIR),
            RTC_PROBE_URL=f"redis://{LOCAL_REDIS}/{PLAN['databaseIndex']}",
            RTC_PROBE_KEY=probe.key,
            **extra_env,
        )
        with log.open("w") as out:
            process = subprocess.Popen(
                container.command,
                cwd=REPO,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, like a container
            )
        worker = Worker(container=container, process=process, log=log)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.kill()
        worker.process.wait(timeout=10)
