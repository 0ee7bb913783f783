"""ages: the patient's age now, less the years since an event, is the age at that event.

A case report gives the age now ("a 61-year-old woman", "presented at the age of 61") and,
for an earlier event, the age then and the years since ("diagnosed with diabetes 10 years ago,
at the age of 45"). The two cannot both be right when the age now less the years since differs
from the age then by more than one unit of the coarser age (a birthday may fall between).
Ages are compared within one patient (`kit.slots.by_patient`); a patient whose age now is
stated with several values is LC203's and is not read here.
"""
from __future__ import annotations

import math

from ..facts.durations import IN_DAYS, same_duration, show
from ..model import Article
from .kit.hit import Hit
from .kit.options import PATIENTS_ONLY, with_defaults
from .kit.slots import location, patients, place

FIELDS = ("now", "now_place", "since", "then", "then_place", "expected")
OPTIONS = PATIENTS_ONLY


def run(article: Article, options: dict):
    for group in patients(article, ("age", "age_at"), with_defaults(OPTIONS, options)):
        now = [f for f in group if f.kind == "age"]
        if not now or any(not same_duration(now[0].value, f.value) for f in now[1:]):
            continue  # no age now, or several: LC203 reports those
        for f in group:
            if f.kind == "age_at" and f.value[2] is not None:
                hit = _check(now[0], f)
                if hit:
                    yield hit


def _check(now, then) -> Hit | None:
    """Each age read as the span it names ("61 years" is 61 up to 62, "12 months" 12 up to 13),
    the time since to half its unit: a finding when the age then cannot meet the age now less
    the time since."""
    unit, age, since = then.value
    u_now, u_then, u_since = (IN_DAYS[x] for x in (now.value[0], unit, since[0]))
    lo = now.value[1] * u_now - (since[1] + 0.5) * u_since
    hi = (now.value[1] + 1) * u_now - (since[1] - 0.5) * u_since
    if age * u_then < hi and (age + 1) * u_then > lo:
        return None
    low, high = max(0, math.floor(lo / u_then)), math.ceil(hi / u_then) - 1  # hi is open
    expected = "no age at all (the time since is longer than the patient's life)" \
        if high < 0 else show((unit, low)) if low >= high else show((unit, low, high))
    fields = {"now": show(now.value), "now_place": place(now), "since": show(since),
              "then": show((unit, age)), "then_place": place(then), "expected": expected}
    return Hit((location(then), location(now)), fields,
               evidence=f"age:{show(now.value)}|{show(since)}|{show((unit, age))}")
