from enum import StrEnum


class GetServiceAccountsPrefer(StrEnum):
    COUNTNONE = "count=none"

    def __str__(self) -> str:
        return str(self.value)
