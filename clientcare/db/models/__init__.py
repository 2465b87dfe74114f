"""The whole ClientCare domain model as typed SQLAlchemy 2 models, one module per area.

``from clientcare.db.models import Client`` keeps working for every model, enum and
helper; importing this package declares every table on ``Base.metadata`` (Alembic's
target, migrations/env.py). The conventions the models follow are in ``base``.
"""

from clientcare.db.models.appointments import (
    Appointment as Appointment,
)
from clientcare.db.models.appointments import (
    AppointmentMode as AppointmentMode,
)
from clientcare.db.models.appointments import (
    AppointmentSeries as AppointmentSeries,
)
from clientcare.db.models.appointments import (
    AppointmentStatus as AppointmentStatus,
)
from clientcare.db.models.appointments import (
    BusyTime as BusyTime,
)
from clientcare.db.models.appointments import (
    CancelledBy as CancelledBy,
)
from clientcare.db.models.appointments import (
    LatenessNotice as LatenessNotice,
)
from clientcare.db.models.appointments import (
    LatenessOutcome as LatenessOutcome,
)
from clientcare.db.models.appointments import (
    LatePerson as LatePerson,
)
from clientcare.db.models.appointments import (
    WaitlistEntry as WaitlistEntry,
)
from clientcare.db.models.appointments import (
    WaitlistStatus as WaitlistStatus,
)
from clientcare.db.models.audit import (
    AuditAction as AuditAction,
)
from clientcare.db.models.audit import (
    AuditEntry as AuditEntry,
)
from clientcare.db.models.audit import (
    ChangeCounter as ChangeCounter,
)
from clientcare.db.models.base import (
    NAMING_CONVENTION as NAMING_CONVENTION,
)
from clientcare.db.models.base import (
    Base as Base,
)
from clientcare.db.models.base import (
    enum_column as enum_column,
)
from clientcare.db.models.base import (
    utcnow as utcnow,
)
from clientcare.db.models.clients import (
    Client as Client,
)
from clientcare.db.models.clients import (
    ClientFact as ClientFact,
)
from clientcare.db.models.clients import (
    ClientStatus as ClientStatus,
)
from clientcare.db.models.clients import (
    ConsentState as ConsentState,
)
from clientcare.db.models.clients import (
    ContactChannel as ContactChannel,
)
from clientcare.db.models.clients import (
    ProspectStage as ProspectStage,
)
from clientcare.db.models.followups import (
    CheckIn as CheckIn,
)
from clientcare.db.models.followups import (
    CheckInConsent as CheckInConsent,
)
from clientcare.db.models.followups import (
    ClientIssue as ClientIssue,
)
from clientcare.db.models.followups import (
    Expectation as Expectation,
)
from clientcare.db.models.followups import (
    ExpectationOutcome as ExpectationOutcome,
)
from clientcare.db.models.followups import (
    IssueStatus as IssueStatus,
)
from clientcare.db.models.followups import (
    SetBy as SetBy,
)
from clientcare.db.models.followups import (
    Urgency as Urgency,
)
from clientcare.db.models.interactions import (
    ChecklistAnswer as ChecklistAnswer,
)
from clientcare.db.models.interactions import (
    ChecklistAnswerValue as ChecklistAnswerValue,
)
from clientcare.db.models.interactions import (
    Interaction as Interaction,
)
from clientcare.db.models.interactions import (
    InteractionAddendum as InteractionAddendum,
)
from clientcare.db.models.interactions import (
    InteractionKind as InteractionKind,
)
from clientcare.db.models.interactions import (
    InteractionState as InteractionState,
)
from clientcare.db.models.interactions import (
    LanguageWord as LanguageWord,
)
from clientcare.db.models.interactions import (
    Principle as Principle,
)
from clientcare.db.models.interactions import (
    Requirement as Requirement,
)
from clientcare.db.models.interactions import (
    WordList as WordList,
)
from clientcare.db.models.money import (
    Adjustment as Adjustment,
)
from clientcare.db.models.money import (
    Charge as Charge,
)
from clientcare.db.models.money import (
    ChargeKind as ChargeKind,
)
from clientcare.db.models.money import (
    ChargeMode as ChargeMode,
)
from clientcare.db.models.money import (
    ChargeStatus as ChargeStatus,
)
from clientcare.db.models.money import (
    FeeArrangement as FeeArrangement,
)
from clientcare.db.models.money import (
    GraceKind as GraceKind,
)
from clientcare.db.models.money import (
    GraceRule as GraceRule,
)
from clientcare.db.models.money import (
    Instalment as Instalment,
)
from clientcare.db.models.money import (
    MoneyConversation as MoneyConversation,
)
from clientcare.db.models.money import (
    MoneyTopic as MoneyTopic,
)
from clientcare.db.models.money import (
    Payment as Payment,
)
from clientcare.db.models.money import (
    PaymentKind as PaymentKind,
)
from clientcare.db.models.money import (
    PaymentMethod as PaymentMethod,
)
from clientcare.db.models.money import (
    PaymentPlan as PaymentPlan,
)
from clientcare.db.models.money import (
    PlanStatus as PlanStatus,
)
from clientcare.db.models.money import (
    Service as Service,
)
from clientcare.db.models.money import (
    SlidingScaleTier as SlidingScaleTier,
)
from clientcare.db.models.practice import (
    DEFAULT_CHECKIN_TEMPLATE as DEFAULT_CHECKIN_TEMPLATE,
)
from clientcare.db.models.practice import (
    DEFAULT_CLIENT_LATE_OPTIONS as DEFAULT_CLIENT_LATE_OPTIONS,
)
from clientcare.db.models.practice import (
    DEFAULT_LATE_NOTICE_TEMPLATE as DEFAULT_LATE_NOTICE_TEMPLATE,
)
from clientcare.db.models.practice import (
    DEFAULT_RESCHEDULE_SENTENCE as DEFAULT_RESCHEDULE_SENTENCE,
)
from clientcare.db.models.practice import (
    PracticeSettings as PracticeSettings,
)
from clientcare.db.models.practice import (
    Practitioner as Practitioner,
)
from clientcare.db.models.referrals import (
    Provider as Provider,
)
from clientcare.db.models.referrals import (
    ProviderKind as ProviderKind,
)
from clientcare.db.models.referrals import (
    Referral as Referral,
)
from clientcare.db.models.referrals import (
    ReferralDirection as ReferralDirection,
)
from clientcare.db.models.referrals import (
    ReferralSourceKind as ReferralSourceKind,
)
from clientcare.db.models.referrals import (
    ReferralStatus as ReferralStatus,
)
from clientcare.db.models.referrals import (
    ReferralUrgency as ReferralUrgency,
)
from clientcare.db.models.referrals import (
    WarmHandoff as WarmHandoff,
)
