"""One small hierarchy of errors, so callers catch what they can act on.

    LetopisError                      code            status
    ├── InputError                    input           400
    │   ├── EmptyInput                empty
    │   ├── BinaryInput               binary
    │   ├── EncodingProblem           encoding
    │   ├── TooLarge                  too-large       413
    │   ├── BadRecord                 bad-record
    │   ├── UnsupportedFormat         format
    │   ├── WrongLanguage             language
    │   ├── TimedOut                  timeout
    │   └── StageFailed               internal
    ├── ConfigError                   config
    ├── StoreError                    store           500
    │   └── NotFound                  not-found       404
    └── DependencyMissing             dependency

Every error carries `where` (file, file:line, URL) so a message names what to fix.
"""

from __future__ import annotations

__all__ = [
    "LetopisError",
    "InputError",
    "EmptyInput",
    "BinaryInput",
    "EncodingProblem",
    "TooLarge",
    "BadRecord",
    "UnsupportedFormat",
    "WrongLanguage",
    "TimedOut",
    "StageFailed",
    "ConfigError",
    "StoreError",
    "NotFound",
    "DependencyMissing",
]


class LetopisError(Exception):
    """Base of every error letopis raises on purpose."""

    code = "error"
    status = 500

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InputError(LetopisError):
    """The input cannot be processed as a document; the batch goes on."""

    code = "input"
    status = 400


class EmptyInput(InputError):
    code = "empty"


class BinaryInput(InputError):
    code = "binary"


class EncodingProblem(InputError):
    code = "encoding"


class TooLarge(InputError):
    code = "too-large"
    status = 413


class BadRecord(InputError):
    code = "bad-record"


class UnsupportedFormat(InputError):
    code = "format"


class WrongLanguage(InputError):
    code = "language"


class TimedOut(InputError):
    """A document took longer than the per-document limit (a pathological input or a stage bug)."""

    code = "timeout"


class StageFailed(InputError):
    """A stage failed unexpectedly on this document: a bug to report, kept in the quarantine."""

    code = "internal"


class ConfigError(LetopisError):
    code = "config"
    status = 400


class StoreError(LetopisError):
    code = "store"


class NotFound(StoreError):
    code = "not-found"
    status = 404


class DependencyMissing(LetopisError):
    """An optional back end is used without its extra installed."""

    code = "dependency"

    @classmethod
    def for_extra(cls, module: str, extra: str) -> DependencyMissing:
        return cls(f"{module} is not installed; run: pip install 'letopis[{extra}]'")
