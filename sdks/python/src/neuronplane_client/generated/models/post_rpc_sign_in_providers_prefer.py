from enum import StrEnum


class PostRpcSignInProvidersPrefer(StrEnum):
    PARAMSSINGLE_OBJECT = "params=single-object"

    def __str__(self) -> str:
        return str(self.value)
