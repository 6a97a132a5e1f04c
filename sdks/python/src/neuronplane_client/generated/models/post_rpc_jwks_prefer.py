from enum import StrEnum


class PostRpcJwksPrefer(StrEnum):
    PARAMSSINGLE_OBJECT = "params=single-object"

    def __str__(self) -> str:
        return str(self.value)
