from enum import StrEnum


class IngestUploadIfExists(StrEnum):
    FAIL = "fail"
    REPLACE = "replace"

    def __str__(self) -> str:
        return str(self.value)
