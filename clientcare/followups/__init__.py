"""Follow-ups: client issues in triage order, expectations, check-ins with consent,
contact attempts and the prospects pipeline, one module each.

The four kinds of care come from the seeds:

- Issues are triaged (seed 000: "when everything is an escalation, then nothing is"):
  most urgent first, then whoever has waited longest. More than a third of the open
  issues marked crisis or high is over the *escalation budget*: the queue says so
  (:mod:`.issues`).
- Expectations are written down and reviewed (seed 001: "we had assumed")
  (:mod:`.expectations`).
- Check-ins only with recorded consent (seeds 002, 003). The next one is due an
  interval after the last logged contact of any kind; withdrawal stops them at once
  (:mod:`.checkins`).
- Unreturned calls and messages are counted; several in a row bring a gentle
  suggestion, never an automatic status change ("there is always the next prospect")
  (:mod:`.attempts`). Who got in touch and what became of them: :mod:`.prospects`.

Every public function that writes is one user action: it validates everything
first (raising ValidationError, nothing written), then writes and audits. Rows
handed out are frozen dataclasses, never ORM objects. The pre-session brief is
:mod:`clientcare.brief`.
"""

from clientcare.db.models import Urgency as Urgency  # fu.Urgency, as callers use it
from clientcare.followups._common import (
    MAX_DAYS_AHEAD as MAX_DAYS_AHEAD,
)
from clientcare.followups._common import (
    MAX_NOTE as MAX_NOTE,
)
from clientcare.followups._common import (
    MAX_REASON as MAX_REASON,
)
from clientcare.followups._common import (
    MAX_WORDS as MAX_WORDS,
)
from clientcare.followups._common import (
    day_text as day_text,
)
from clientcare.followups.attempts import (
    ATTEMPTS_BEFORE_SUGGESTION as ATTEMPTS_BEFORE_SUGGESTION,
)
from clientcare.followups.attempts import (
    AttemptRow as AttemptRow,
)
from clientcare.followups.attempts import (
    AttemptSort as AttemptSort,
)
from clientcare.followups.attempts import (
    attempt_suggestion as attempt_suggestion,
)
from clientcare.followups.attempts import (
    contact_attempt_suggestions as contact_attempt_suggestions,
)
from clientcare.followups.attempts import (
    count_attempt_suggestions as count_attempt_suggestions,
)
from clientcare.followups.attempts import (
    record_contact_attempt as record_contact_attempt,
)
from clientcare.followups.attempts import (
    unreturned_attempts as unreturned_attempts,
)
from clientcare.followups.checkins import (
    CHANNEL_LABELS as CHANNEL_LABELS,
)
from clientcare.followups.checkins import (
    CONSENT_LABELS as CONSENT_LABELS,
)
from clientcare.followups.checkins import (
    DEFAULT_INTERVAL_DAYS as DEFAULT_INTERVAL_DAYS,
)
from clientcare.followups.checkins import (
    MAX_INTERVAL_DAYS as MAX_INTERVAL_DAYS,
)
from clientcare.followups.checkins import (
    MAX_MESSAGE as MAX_MESSAGE,
)
from clientcare.followups.checkins import (
    MAX_SNOOZE_DAYS as MAX_SNOOZE_DAYS,
)
from clientcare.followups.checkins import (
    MAX_TEMPLATE as MAX_TEMPLATE,
)
from clientcare.followups.checkins import (
    MIN_INTERVAL_DAYS as MIN_INTERVAL_DAYS,
)
from clientcare.followups.checkins import (
    TEMPLATE_PLACEHOLDERS as TEMPLATE_PLACEHOLDERS,
)
from clientcare.followups.checkins import (
    CheckInDraft as CheckInDraft,
)
from clientcare.followups.checkins import (
    CheckInDue as CheckInDue,
)
from clientcare.followups.checkins import (
    CheckInRow as CheckInRow,
)
from clientcare.followups.checkins import (
    CheckInSort as CheckInSort,
)
from clientcare.followups.checkins import (
    CheckInStatus as CheckInStatus,
)
from clientcare.followups.checkins import (
    ConsentRow as ConsentRow,
)
from clientcare.followups.checkins import (
    checkin_status as checkin_status,
)
from clientcare.followups.checkins import (
    checkin_template as checkin_template,
)
from clientcare.followups.checkins import (
    checkins_due as checkins_due,
)
from clientcare.followups.checkins import (
    draft_checkin as draft_checkin,
)
from clientcare.followups.checkins import (
    last_contacts as last_contacts,
)
from clientcare.followups.checkins import (
    log_checkin as log_checkin,
)
from clientcare.followups.checkins import (
    next_due_on as next_due_on,
)
from clientcare.followups.checkins import (
    record_consent as record_consent,
)
from clientcare.followups.checkins import (
    render_checkin as render_checkin,
)
from clientcare.followups.checkins import (
    snooze_checkin as snooze_checkin,
)
from clientcare.followups.checkins import (
    update_checkin_template as update_checkin_template,
)
from clientcare.followups.checkins import (
    validate_checkin_template as validate_checkin_template,
)
from clientcare.followups.client import (
    OpenFollowUps as OpenFollowUps,
)
from clientcare.followups.client import (
    open_followups as open_followups,
)
from clientcare.followups.expectations import (
    MAX_EXPECTATION as MAX_EXPECTATION,
)
from clientcare.followups.expectations import (
    OUTCOME_LABELS as OUTCOME_LABELS,
)
from clientcare.followups.expectations import (
    SET_BY_LABELS as SET_BY_LABELS,
)
from clientcare.followups.expectations import (
    ExpectationCounts as ExpectationCounts,
)
from clientcare.followups.expectations import (
    ExpectationInput as ExpectationInput,
)
from clientcare.followups.expectations import (
    ExpectationRow as ExpectationRow,
)
from clientcare.followups.expectations import (
    ExpectationSort as ExpectationSort,
)
from clientcare.followups.expectations import (
    count_expectations_due as count_expectations_due,
)
from clientcare.followups.expectations import (
    count_open_expectations as count_open_expectations,
)
from clientcare.followups.expectations import (
    expectation_position as expectation_position,
)
from clientcare.followups.expectations import (
    expectations_due as expectations_due,
)
from clientcare.followups.expectations import (
    open_expectations as open_expectations,
)
from clientcare.followups.expectations import (
    record_expectation as record_expectation,
)
from clientcare.followups.expectations import (
    review_expectation as review_expectation,
)
from clientcare.followups.issues import (
    MAX_IMPACT as MAX_IMPACT,
)
from clientcare.followups.issues import (
    MAX_TITLE as MAX_TITLE,
)
from clientcare.followups.issues import (
    URGENCY_LABELS as URGENCY_LABELS,
)
from clientcare.followups.issues import (
    URGENCY_ORDER as URGENCY_ORDER,
)
from clientcare.followups.issues import (
    URGENT as URGENT,
)
from clientcare.followups.issues import (
    EscalationBudget as EscalationBudget,
)
from clientcare.followups.issues import (
    IssueCounts as IssueCounts,
)
from clientcare.followups.issues import (
    IssueInput as IssueInput,
)
from clientcare.followups.issues import (
    IssueRow as IssueRow,
)
from clientcare.followups.issues import (
    IssueSort as IssueSort,
)
from clientcare.followups.issues import (
    client_issues as client_issues,
)
from clientcare.followups.issues import (
    count_issues as count_issues,
)
from clientcare.followups.issues import (
    create_issue as create_issue,
)
from clientcare.followups.issues import (
    escalation_budget as escalation_budget,
)
from clientcare.followups.issues import (
    get_issue as get_issue,
)
from clientcare.followups.issues import (
    issue_position as issue_position,
)
from clientcare.followups.issues import (
    list_issues as list_issues,
)
from clientcare.followups.issues import (
    reopen_issue as reopen_issue,
)
from clientcare.followups.issues import (
    resolve_issue as resolve_issue,
)
from clientcare.followups.issues import (
    triage_key as triage_key,
)
from clientcare.followups.issues import (
    triage_queue as triage_queue,
)
from clientcare.followups.issues import (
    update_issue as update_issue,
)
from clientcare.followups.prospects import (
    STAGE_LABELS as STAGE_LABELS,
)
from clientcare.followups.prospects import (
    PipelineStage as PipelineStage,
)
from clientcare.followups.prospects import (
    ProspectConversion as ProspectConversion,
)
from clientcare.followups.prospects import (
    ProspectRow as ProspectRow,
)
from clientcare.followups.prospects import (
    ProspectSort as ProspectSort,
)
from clientcare.followups.prospects import (
    prospect_conversion as prospect_conversion,
)
from clientcare.followups.prospects import (
    prospect_position as prospect_position,
)
from clientcare.followups.prospects import (
    prospect_stage_counts as prospect_stage_counts,
)
from clientcare.followups.prospects import (
    prospects_pipeline as prospects_pipeline,
)
from clientcare.followups.prospects import (
    set_prospect_stage as set_prospect_stage,
)
