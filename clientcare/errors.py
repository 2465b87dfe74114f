"""Domain exceptions the UI turns into messages next to fields or in dialogs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One problem with one field, in words a person can act on."""

    field: str
    message: str


class ValidationError(Exception):
    """Raised by a service function when the user's input cannot be stored.

    Nothing has been written when this is raised. ``errors`` holds one entry per
    field (``field`` is the attribute name the form shows next to).
    """

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors: tuple[FieldError, ...] = tuple(errors)
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in self.errors))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls([FieldError(field, message)])

    def for_field(self, field: str) -> str | None:
        """The message for ``field``, or None."""
        for error in self.errors:
            if error.field == field:
                return error.message
        return None


class NotFoundError(Exception):
    """The thing asked for is not (or no longer) in the database."""


class DatabaseOpenError(Exception):
    """The database cannot be opened or upgraded; the message says why and what to do."""
