"""The one exception importers raise: a Norwegian, user-facing message naming file, line and expectation."""

from __future__ import annotations


class ImportFailure(Exception):
    """A file cannot be imported. ``str(exc)`` is the message the Data page shows as it is."""

    def __init__(self, file_name: str, message: str, line: int | None = None) -> None:
        self.file_name = file_name
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"«{self.file_name}»" + (f", linje {self.line}" if self.line else "")
        return f"{where}: {self.message}"
