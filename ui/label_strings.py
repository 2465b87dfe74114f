"""Every domain label the UI shows, for lupdate (generated: ``python -m ui.labels``).

Do not edit by hand: ``make translations`` writes it from the ``*_LABELS`` tables
in clientcare, and tests/ui/test_labels.py fails when it falls out of step.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

LABELS = (
    # clientcare.appointments.MODE_LABELS
    QT_TRANSLATE_NOOP("labels", "In person"),
    QT_TRANSLATE_NOOP("labels", "Phone"),
    QT_TRANSLATE_NOOP("labels", "Video"),
    # clientcare.appointments.STATUS_LABELS
    QT_TRANSLATE_NOOP("labels", "Scheduled"),
    QT_TRANSLATE_NOOP("labels", "Arrived"),
    QT_TRANSLATE_NOOP("labels", "Completed"),
    QT_TRANSLATE_NOOP("labels", "Cancelled"),
    QT_TRANSLATE_NOOP("labels", "Late-cancelled"),
    QT_TRANSLATE_NOOP("labels", "No-show"),
    QT_TRANSLATE_NOOP("labels", "Rescheduled"),
    # clientcare.audit.ACTION_LABELS
    QT_TRANSLATE_NOOP("labels", "Created"),
    QT_TRANSLATE_NOOP("labels", "Changed"),
    QT_TRANSLATE_NOOP("labels", "Deleted"),
    QT_TRANSLATE_NOOP("labels", "Viewed"),
    QT_TRANSLATE_NOOP("labels", "Printed"),
    QT_TRANSLATE_NOOP("labels", "Exported"),
    # clientcare.care.GROUP_LABELS
    QT_TRANSLATE_NOOP("labels", "Issues, most urgent first"),
    QT_TRANSLATE_NOOP("labels", "Expectations to review"),
    QT_TRANSLATE_NOOP("labels", "Check-ins due"),
    QT_TRANSLATE_NOOP("labels", "Referral follow-ups"),
    QT_TRANSLATE_NOOP("labels", "Money conversations to follow up"),
    QT_TRANSLATE_NOOP("labels", "Payment plans to check in about"),
    # clientcare.clients.STATUS_LABELS
    QT_TRANSLATE_NOOP("labels", "Prospect"),
    QT_TRANSLATE_NOOP("labels", "Active"),
    QT_TRANSLATE_NOOP("labels", "Paused"),
    QT_TRANSLATE_NOOP("labels", "Closed"),
    QT_TRANSLATE_NOOP("labels", "Declined"),
    # clientcare.csv_io.TARGET_LABELS
    QT_TRANSLATE_NOOP("labels", "(leave out)"),
    QT_TRANSLATE_NOOP("labels", "Full name"),
    QT_TRANSLATE_NOOP("labels", "First name"),
    QT_TRANSLATE_NOOP("labels", "Last name"),
    QT_TRANSLATE_NOOP("labels", "Preferred name"),
    QT_TRANSLATE_NOOP("labels", "Pronunciation"),
    QT_TRANSLATE_NOOP("labels", "Pronouns"),
    QT_TRANSLATE_NOOP("labels", "Email"),
    QT_TRANSLATE_NOOP("labels", "Address"),
    QT_TRANSLATE_NOOP("labels", "Status"),
    QT_TRANSLATE_NOOP("labels", "Notes"),
    # clientcare.day.NOTE_LABELS
    QT_TRANSLATE_NOOP("labels", "no note yet"),
    QT_TRANSLATE_NOOP("labels", "note due"),
    QT_TRANSLATE_NOOP("labels", "note drafted"),
    QT_TRANSLATE_NOOP("labels", "note finalised"),
    # clientcare.followups.CHANNEL_LABELS
    QT_TRANSLATE_NOOP("labels", "Phone call"),
    QT_TRANSLATE_NOOP("labels", "SMS"),
    QT_TRANSLATE_NOOP("labels", "E-mail"),
    QT_TRANSLATE_NOOP("labels", "Post"),
    QT_TRANSLATE_NOOP("labels", "Other"),
    # clientcare.followups.CONSENT_LABELS
    QT_TRANSLATE_NOOP("labels", "Not asked"),
    QT_TRANSLATE_NOOP("labels", "Asked, no answer yet"),
    QT_TRANSLATE_NOOP("labels", "Given"),
    QT_TRANSLATE_NOOP("labels", "Withdrawn"),
    # clientcare.followups.OUTCOME_LABELS
    QT_TRANSLATE_NOOP("labels", "Not reviewed yet"),
    QT_TRANSLATE_NOOP("labels", "Met"),
    QT_TRANSLATE_NOOP("labels", "Not met"),
    # clientcare.followups.SET_BY_LABELS
    QT_TRANSLATE_NOOP("labels", "The practice"),
    QT_TRANSLATE_NOOP("labels", "The client"),
    # clientcare.followups.STAGE_LABELS
    QT_TRANSLATE_NOOP("labels", "Inquiry"),
    QT_TRANSLATE_NOOP("labels", "Consultation"),
    QT_TRANSLATE_NOOP("labels", "Became a client"),
    # clientcare.followups.URGENCY_LABELS
    QT_TRANSLATE_NOOP("labels", "Crisis"),
    QT_TRANSLATE_NOOP("labels", "High"),
    QT_TRANSLATE_NOOP("labels", "Normal"),
    QT_TRANSLATE_NOOP("labels", "Low"),
    # clientcare.interactions.KIND_LABELS
    QT_TRANSLATE_NOOP("labels", "Session"),
    QT_TRANSLATE_NOOP("labels", "Message"),
    QT_TRANSLATE_NOOP("labels", "Contact attempt (no answer)"),
    # clientcare.lateness.CLIENT_OPTION_LABELS
    QT_TRANSLATE_NOOP("labels", "keep the end time (a shorter session)"),
    QT_TRANSLATE_NOOP("labels", "find another time"),
    QT_TRANSLATE_NOOP("labels", "go ahead for the full length"),
    # clientcare.lateness.OUTCOME_LABELS
    QT_TRANSLATE_NOOP("labels", "No answer yet"),
    QT_TRANSLATE_NOOP("labels", "Will wait"),
    QT_TRANSLATE_NOOP("labels", "Reschedule"),
    QT_TRANSLATE_NOOP("labels", "Cancel without fee"),
    QT_TRANSLATE_NOOP("labels", "Shorter session, same end time"),
    QT_TRANSLATE_NOOP("labels", "Full session as booked"),
    # clientcare.money.BUCKET_LABELS
    QT_TRANSLATE_NOOP("labels", "Current"),
    QT_TRANSLATE_NOOP("labels", "1–30 days"),
    QT_TRANSLATE_NOOP("labels", "31–60 days"),
    QT_TRANSLATE_NOOP("labels", "61–90 days"),
    QT_TRANSLATE_NOOP("labels", "Over 90 days"),
    # clientcare.money.INSTALMENT_LABELS
    QT_TRANSLATE_NOOP("labels", "Paid"),
    QT_TRANSLATE_NOOP("labels", "Part paid"),
    QT_TRANSLATE_NOOP("labels", "Due"),
    QT_TRANSLATE_NOOP("labels", "Past its date"),
    # clientcare.money.KIND_LABELS
    QT_TRANSLATE_NOOP("labels", "Late cancellation"),
    QT_TRANSLATE_NOOP("labels", "Missed session"),
    # clientcare.money.METHOD_LABELS
    QT_TRANSLATE_NOOP("labels", "Cash"),
    QT_TRANSLATE_NOOP("labels", "Card"),
    QT_TRANSLATE_NOOP("labels", "Bank transfer"),
    # clientcare.money.TOPIC_LABELS
    QT_TRANSLATE_NOOP("labels", "Fee"),
    QT_TRANSLATE_NOOP("labels", "Sliding scale"),
    QT_TRANSLATE_NOOP("labels", "Payment plan"),
    QT_TRANSLATE_NOOP("labels", "Balance from earlier sessions"),
    QT_TRANSLATE_NOOP("labels", "Insurance"),
    # clientcare.referrals.HANDOFF_LABELS
    QT_TRANSLATE_NOOP("labels", "Not yet"),
    QT_TRANSLATE_NOOP("labels", "Introduced in person"),
    QT_TRANSLATE_NOOP("labels", "They will call the client"),
    # clientcare.referrals.KIND_LABELS
    QT_TRANSLATE_NOOP("labels", "External provider"),
    QT_TRANSLATE_NOOP("labels", "Co-worker"),
    # clientcare.referrals.SOURCE_LABELS
    QT_TRANSLATE_NOOP("labels", "Another client"),
    QT_TRANSLATE_NOOP("labels", "A provider"),
    QT_TRANSLATE_NOOP("labels", "The website"),
    # clientcare.referrals.STATUS_LABELS
    QT_TRANSLATE_NOOP("labels", "Suggested"),
    QT_TRANSLATE_NOOP("labels", "Introduced"),
    QT_TRANSLATE_NOOP("labels", "Accepted"),
    # clientcare.referrals.URGENCY_LABELS
    QT_TRANSLATE_NOOP("labels", "Routine"),
    QT_TRANSLATE_NOOP("labels", "Soon"),
    QT_TRANSLATE_NOOP("labels", "Urgent"),
    # clientcare.settings.REQUIREMENT_LABELS
    QT_TRANSLATE_NOOP("labels", "Required"),
    QT_TRANSLATE_NOOP("labels", "Advisory"),
    QT_TRANSLATE_NOOP("labels", "Automatic"),
    # clientcare.settings.WORD_LIST_LABELS
    QT_TRANSLATE_NOOP("labels", "pet names"),
    QT_TRANSLATE_NOOP("labels", "money words"),
)
