"""What can be notified (kinds) and to whom (audiences): each app registers its own.

An app that notifies people registers its kinds and audiences from its own `notifying.py`,
imported in its AppConfig.ready(); the notifications app never imports the capabilities.

    register_kind(Kind(key="proposals.step", label=_("…"), message=_("‘{title}’ …")))

    @register_audience("proposals.supporters")
    def proposal_supporters(proposal_id):       # -> a queryset or iterable of user ids
        return Support.objects.filter(proposal_id=proposal_id).values_list("user_id", flat=True)
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

DELIVERIES = ("immediate", "daily", "weekly", "off")

Audience = Callable[..., Iterable[int]]


@dataclass(frozen=True)
class Kind:
    key: str  # "<app>.<what>", stable: stored with every notification and preference
    label: Any  # lazy translation: shown on the preferences page
    message: Any  # lazy translation with {param} fields, formatted at display
    default_delivery: str = "immediate"
    order: int = 100

    def __post_init__(self):
        if self.default_delivery not in DELIVERIES:
            raise ValueError(f"default_delivery must be one of {DELIVERIES}")


_kinds: dict[str, Kind] = {}
_audiences: dict[str, Audience] = {}


def register_kind(kind: Kind) -> Kind:
    _kinds[kind.key] = kind
    return kind


def register_audience(name: str) -> Callable[[Audience], Audience]:
    def register(function: Audience) -> Audience:
        _audiences[name] = function
        return function

    return register


def get_kind(key: str) -> Kind | None:
    return _kinds.get(key)


def kinds() -> list[Kind]:
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.key))


def audience(name: str) -> Audience:
    try:
        return _audiences[name]
    except KeyError:
        raise LookupError(f"No notification audience named {name!r}") from None


@dataclass(frozen=True)
class Periodic:
    """A job the worker enqueues once per day (or per week) from `at` o'clock local time; the
    task receives the period's key ("2026-11-22" or "2026-W48")."""

    name: str
    task: Any  # a django_tasks Task taking one argument: the period key
    every: str = "daily"  # daily | weekly
    hour: int = 8
    weekday: int = 0  # for weekly: 0 = Monday


_periodic: dict[str, Periodic] = {}


def register_periodic(job: Periodic) -> Periodic:
    if job.every not in ("daily", "weekly"):
        raise ValueError("every must be daily or weekly")
    _periodic[job.name] = job
    return job


def periodic_jobs() -> list[Periodic]:
    return list(_periodic.values())
