from enum import StrEnum


class ProfileHealthView(StrEnum):
    DB_HEALTH = "db-health"
    INDEX_HEALTH = "index-health"
    USAGE = "usage"
    WORKERS = "workers"

    def __str__(self) -> str:
        return str(self.value)
