"""Settings read from the environment: the ConfigMap and Secret in Kubernetes."""

from functools import lru_cache
from urllib.parse import quote

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Environments that may run on the defaults below (a laptop, compose, tests,
# the development cluster). Anywhere else a missing secret is an error at
# start-up, not a service that quietly connects to localhost.
DEFAULTS_ALLOWED_IN = {"development", "local", "test"}
# From the Secret (k8s/base/shared/secrets): they must be given, even empty.
REQUIRED_SETTINGS = ("DATABASE_URL", "REDIS_PASSWORD")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(case_sensitive=True)

    SERVICE_NAME: str = "ocr"
    ENVIRONMENT: str = "development"
    LOG_LEVEL: str = "INFO"
    DATABASE_URL: str = "postgresql+psycopg://app:app@localhost:5432/app"
    REDIS_ADDRESS: str = "localhost:6379"
    REDIS_DB: int = 0
    REDIS_PASSWORD: str = ""
    # Celery's global_keyprefix; KEDA's listName values include it.
    CELERY_KEY_PREFIX: str = "ocr:"
    # Seconds before a task taken by a worker that died goes back to its
    # queue; longer than any pool's termination grace period.
    CELERY_VISIBILITY_TIMEOUT: int = 180
    # Sending (the API): connections kept to the broker and to Redis.
    CELERY_BROKER_POOL_LIMIT: int = 10
    REDIS_MAX_CONNECTIONS: int = 50
    # Consuming (the workers): one task reserved per process, so a long task
    # never holds queued ones that another replica could start, and a fresh
    # process after this many tasks, so a leak cannot grow without bound.
    CELERY_WORKER_PREFETCH_MULTIPLIER: int = 1
    CELERY_WORKER_MAX_TASKS_PER_CHILD: int = 50

    @model_validator(mode="after")
    def _secrets_given_outside_development(self) -> "Settings":
        if self.ENVIRONMENT in DEFAULTS_ALLOWED_IN:
            return self
        missing = [name for name in REQUIRED_SETTINGS if name not in self.model_fields_set]
        if missing:
            raise ValueError(
                f"{', '.join(missing)} must be set in {self.ENVIRONMENT} "
                f"(the Secret is missing these keys); refusing to start on local defaults"
            )
        return self

    @property
    def broker_url(self) -> str:
        auth = f":{quote(self.REDIS_PASSWORD, safe='')}@" if self.REDIS_PASSWORD else ""
        return f"redis://{auth}{self.REDIS_ADDRESS}/{self.REDIS_DB}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
