"""A deterministic, obviously fictional demo practice: for trying the app, teaching and benchmarks.

Everything is made up. Surnames are words for "example" or "sample" in many
languages, the address is in Demo Town, e-mail addresses are at example.org
(reserved by RFC 2606) and phone numbers are in Ofcom's 07700 900xxx drama
range. The same seed and the same ``today`` give identical rows: the generator
uses its own ``random.Random`` and never reads the clock except to default
``today``; even bookkeeping timestamps are derived from the demo's dates.

The package, by what it generates: ``words`` (the fictional names and texts, and small
date and name helpers), ``base`` (the size, the row buffer, the diary, each client's plan
and the context the parts share), one module per part (``practice``, ``clients``,
``appointments``, ``interactions``, ``money``, ``referrals``, ``followups``,
``checklist``), and ``generator``, which runs the parts in order.
"""

from clientcare.demo.base import BENCHMARK, DEMO, DEMO_CURRENCY, DemoSize
from clientcare.demo.generator import (
    DEFAULT_SEED,
    DemoSummary,
    create_demo_database,
    demo_summary,
    generate_demo,
)
from clientcare.demo.words import (
    PRACTICE_ADDRESS,
    PRACTICE_EMAIL,
    PRACTICE_NAME,
    PRACTICE_PHONE,
    add_months,
    ascii_fold,
    is_working_day,
)

__all__ = [
    "BENCHMARK",
    "DEFAULT_SEED",
    "DEMO",
    "DEMO_CURRENCY",
    "PRACTICE_ADDRESS",
    "PRACTICE_EMAIL",
    "PRACTICE_NAME",
    "PRACTICE_PHONE",
    "DemoSize",
    "DemoSummary",
    "add_months",
    "ascii_fold",
    "create_demo_database",
    "demo_summary",
    "generate_demo",
    "is_working_day",
]
