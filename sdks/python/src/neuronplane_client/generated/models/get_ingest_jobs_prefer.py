from enum import StrEnum


class GetIngestJobsPrefer(StrEnum):
    COUNTNONE = "count=none"

    def __str__(self) -> str:
        return str(self.value)
