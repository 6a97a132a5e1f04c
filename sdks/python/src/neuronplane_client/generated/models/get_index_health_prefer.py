from enum import StrEnum


class GetIndexHealthPrefer(StrEnum):
    COUNTNONE = "count=none"

    def __str__(self) -> str:
        return str(self.value)
