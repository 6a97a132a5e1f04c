from enum import StrEnum


class PostRpcAcceptInvitationPrefer(StrEnum):
    PARAMSSINGLE_OBJECT = "params=single-object"

    def __str__(self) -> str:
        return str(self.value)
