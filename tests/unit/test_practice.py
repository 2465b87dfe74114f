"""Practice settings and practitioners."""

from __future__ import annotations

import pytest

from clientcare import practice
from clientcare.db.engine import Database
from clientcare.errors import ValidationError


def test_settings_defaults_of_a_new_database(db: Database) -> None:
    with db.reading() as session:
        settings = practice.get_settings(session)
    assert settings.lateness_threshold_minutes == 10
    assert settings.default_session_minutes == 50
    assert settings.phone_region == "GB"


@pytest.mark.parametrize(
    ("locale", "region"), [("en_GB", "GB"), ("de-AT", "AT"), ("en", None), ("fr_FR.UTF-8", "FR")]
)
def test_region_of_locale(locale: str, region: str | None) -> None:
    assert practice.region_of(locale) == region


def test_add_practitioner_validates_and_lists(db: Database) -> None:
    with db.unit_of_work() as session:
        added = practice.add_practitioner(session, "  Dr.  Ada Example ", is_current_user=True)
    assert added.full_name == "Dr. Ada Example" and added.is_current_user
    for bad, fragment in (("   ", "enter the practitioner's name"), ("Dr. Ada Example", "already")):
        with pytest.raises(ValidationError) as caught, db.unit_of_work() as session:
            practice.add_practitioner(session, bad)
        assert fragment in (caught.value.for_field("full_name") or "")
    with db.reading() as session:
        assert [p.full_name for p in practice.list_practitioners(session)] == ["Dr. Ada Example"]
