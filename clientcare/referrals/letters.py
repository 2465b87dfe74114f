"""The introduction letter to the provider a client is referred to: only the details
the practitioner ticks, and only once the client agreed to share them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientcare import audit
from clientcare.db.models import (
    Client,
    Interaction,
    Practitioner,
    Provider,
    ProviderKind,
    Referral,
)
from clientcare.errors import FieldError, ValidationError
from clientcare.printouts import Printout, footer_text, practice_context, render_printout
from clientcare.referrals.outgoing import URGENCY_LABELS, _load_referral
from clientcare.text import check_text

#: What the practitioner may tick for the letter, in the order the dialog shows it.
LETTER_FIELDS: dict[str, str] = {
    "full_name": "The client's full name",
    "preferred_name": "How they like to be addressed (preferred name, pronouns)",
    "phone": "Their phone number",
    "email": "Their e-mail address",
    "address": "Their postal address",
    "reason": "Why you are referring them",
    "urgency": "How urgent it is",
    "background": "Relevant background (typed for this letter)",
}
#: Ticked unless the practitioner unticks them: the least the letter needs.
LETTER_DEFAULTS = frozenset({"full_name", "reason"})
MAX_BACKGROUND = 10_000


def _letter_practitioner(session: Session, referral: Referral) -> str:
    practitioner_id = None
    if referral.interaction_id is not None:
        practitioner_id = session.scalar(
            select(Interaction.practitioner_id).where(Interaction.id == referral.interaction_id)
        )
    if practitioner_id is None:
        return audit.current_practitioner(session)
    query = select(Practitioner.full_name).where(Practitioner.id == practitioner_id)
    return session.scalar(query.limit(1)) or ""


def referral_letter_context(
    session: Session,
    referral_id: int,
    included: set[str] | frozenset[str],
    *,
    background: str = "",
    today: dt.date | None = None,
) -> dict[str, object]:
    """What ``referral_letter.html`` gets: only the client details in ``included``.

    Fields not ticked are empty in the context (so even an edited template cannot print
    them). Raises ValidationError when the client's consent to share is not recorded,
    when nothing identifies the client, or for an unknown field or unstorable
    background text; NotFoundError when the referral is gone.
    """
    referral = _load_referral(session, referral_id)
    client = session.get(Client, referral.client_id)
    provider = session.get(Provider, referral.provider_id)
    assert client is not None and provider is not None  # RESTRICT keeps both
    errors: list[FieldError] = []
    if referral.consent_to_share_on is None:
        errors.append(
            FieldError(
                "consent_to_share_on",
                f"{client.preferred_name} has not yet agreed that their details may be "
                "shared. Ask them, and record their consent first.",
            )
        )
    unknown = sorted(set(included) - set(LETTER_FIELDS))
    if unknown:
        errors.append(FieldError("included", f"Unknown letter fields: {', '.join(unknown)}."))
    if not {"full_name", "preferred_name"} & set(included):
        errors.append(
            FieldError("included", "Tick at least the client's name, so the letter says who.")
        )
    background = background.strip() if "background" in included else ""
    problem = check_text(
        "background", "The background", background, max_length=MAX_BACKGROUND, multiline=True
    )
    if problem:
        errors.append(problem)
    if errors:
        raise ValidationError(errors)

    def ticked(name: str, value: str) -> str:
        return value if name in included else ""

    return {
        "practice": practice_context(session),
        "today": today or dt.date.today(),
        "provider": {
            "name": provider.name,
            "specialty": provider.specialty,
            "address": provider.address,
            "is_coworker": provider.kind is ProviderKind.INTERNAL,
        },
        "client": {
            "full_name": ticked("full_name", client.full_name),
            "preferred_name": ticked("preferred_name", client.preferred_name),
            "pronouns": ticked("preferred_name", client.pronouns),
            "phone": ticked("phone", client.phone),
            "email": ticked("email", client.email),
            "address": ticked("address", client.address),
        },
        "reason": ticked("reason", referral.reason),
        "urgency": ticked("urgency", URGENCY_LABELS[referral.urgency].lower()),
        "background": background,
        "consent_on": referral.consent_to_share_on,
        "referred_on": referral.referred_on,
        "practitioner_name": _letter_practitioner(session, referral),
    }


def referral_letter(
    session: Session,
    referral_id: int,
    included: set[str] | frozenset[str],
    *,
    background: str = "",
    today: dt.date | None = None,
) -> Printout:
    """The introduction letter, rendered (see ``referral_letter_context`` for what it raises)."""
    day = today or dt.date.today()
    context = referral_letter_context(
        session, referral_id, included, background=background, today=day
    )
    # The context is the template's (dict[str, object]); these three parts are dicts of it.
    client_name = context["client"]["full_name"] or context["client"]["preferred_name"]  # type: ignore[index]
    provider_name = context["provider"]["name"]  # type: ignore[index]
    locale = context["practice"]["locale"]  # type: ignore[index]
    return render_printout(
        "referral_letter.html",
        context,
        title=f"Introduction of {client_name} to {provider_name}",
        footer_left=footer_text(day, str(context["practitioner_name"]), str(locale)),
    )
