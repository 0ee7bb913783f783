"""The Hit: what a check yields, before the engine stamps the rule on it."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Location


@dataclass(frozen=True)
class Hit:
    """What a check found: the places involved and the fields its message template uses."""

    locations: tuple[Location, ...]
    fields: dict = field(default_factory=dict)
    evidence: str = ""  # normalised words that identify the problem (for fingerprints)
