from enum import StrEnum


class PostRpcInviteMemberPrefer(StrEnum):
    PARAMSSINGLE_OBJECT = "params=single-object"

    def __str__(self) -> str:
        return str(self.value)
