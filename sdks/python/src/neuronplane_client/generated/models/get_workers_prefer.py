from enum import StrEnum


class GetWorkersPrefer(StrEnum):
    COUNTNONE = "count=none"

    def __str__(self) -> str:
        return str(self.value)
