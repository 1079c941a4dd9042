"""Settings read from the environment: the ConfigMap and Secret in Kubernetes."""

from functools import lru_cache
from urllib.parse import quote

from pydantic_settings import BaseSettings, SettingsConfigDict


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

    @property
    def broker_url(self) -> str:
        auth = f":{quote(self.REDIS_PASSWORD, safe='')}@" if self.REDIS_PASSWORD else ""
        return f"redis://{auth}{self.REDIS_ADDRESS}/{self.REDIS_DB}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
