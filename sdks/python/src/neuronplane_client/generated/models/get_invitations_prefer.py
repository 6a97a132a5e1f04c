from enum import StrEnum


class GetInvitationsPrefer(StrEnum):
    COUNTNONE = "count=none"

    def __str__(self) -> str:
        return str(self.value)
