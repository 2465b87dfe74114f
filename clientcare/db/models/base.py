"""The declarative base every ClientCare model shares, and the conventions they follow.

Conventions (why, not what):
- Money is always an integer number of minor units (cents, pence): exact, and
  the same on SQLite and PostgreSQL. Never a float.
- Wall-clock datetimes (appointment starts, when something happened with a
  client) are naive *practice local time*, because that is how a practitioner
  thinks of them. Bookkeeping timestamps (created_at, audit) are naive UTC.
- Enumerations are stored as their string values with a CHECK constraint, so
  the database refuses a status the code does not know, on every backend.
- Constraints are named by convention so that SQLite batch migrations and
  PostgreSQL can find them again.
"""

# No ``from __future__ import annotations`` in the models: with it every ``Mapped[...]`` is a
# string that SQLAlchemy has to evaluate again, about 8 ms of each start-up for these 32
# models. The two relationships to classes declared further down name them in quotes.

import datetime as dt
from enum import StrEnum

from sqlalchemy import Enum as SAEnum
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Naive UTC now, for bookkeeping timestamps."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def enum_column(enum_cls: type[StrEnum], name: str) -> SAEnum:
    """A portable enum: VARCHAR plus a named CHECK constraint on its values."""
    return SAEnum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_cls),
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )
