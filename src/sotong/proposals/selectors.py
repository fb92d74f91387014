"""Reads of proposals that cross relations: lists with keyset pages, the detail page's parts,
the officials' dashboard and the public accountability figures."""

import statistics
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from sotong.core.models import Region
from sotong.proposals.models import (
    AWAITING_ANSWER,
    Answer,
    Comment,
    Proposal,
    Roundtable,
    RoundtableItem,
    Status,
    Step,
    Support,
)

PAGE_SIZE = 20
MAP_LIMIT = 500
SORTS = {
    "newest": ("-created_at", "-pk"),
    "oldest": ("created_at", "pk"),
    "supports": ("-support_count", "-pk"),
    "due": ("due_at", "pk"),
}
AGES = {"week": 7, "month": 31, "quarter": 92, "year": 366}


@dataclass
class Filters:
    region: Region | None = None
    status: str = ""
    topic: object = None
    min_supports: int | None = None
    age: str = ""
    overdue: bool = False
    sort: str = "newest"


def _base() -> QuerySet[Proposal]:
    return Proposal.objects.public().select_related(
        "region__parent", "author", "organization", "department"
    )


def proposal_queryset(filters: Filters) -> QuerySet[Proposal]:
    queryset = _base()
    if filters.region is not None:
        queryset = queryset.filter(region_id__in=filters.region.family_ids())
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.topic is not None:
        queryset = queryset.filter(topics=filters.topic)
    if filters.min_supports:
        queryset = queryset.filter(support_count__gte=filters.min_supports)
    if filters.age in AGES:
        queryset = queryset.filter(
            created_at__gte=timezone.now() - timedelta(days=AGES[filters.age])
        )
    if filters.overdue:
        queryset = queryset.overdue()
    if filters.sort == "due":
        queryset = queryset.filter(due_at__isnull=False)
    return queryset.order_by(*SORTS.get(filters.sort, SORTS["newest"]))


def _after(sort: str, anchor: Proposal) -> Q:
    """Rows after the anchor in the given order (keyset pagination)."""
    key, _tie = SORTS[sort]
    name = key.lstrip("-")
    value = getattr(anchor, name)
    if key.startswith("-"):
        return Q(**{f"{name}__lt": value}) | Q(**{name: value, "pk__lt": anchor.pk})
    return Q(**{f"{name}__gt": value}) | Q(**{name: value, "pk__gt": anchor.pk})


@dataclass
class Page:
    items: list[Proposal]
    next_after: int | None = None
    topics_by_id: dict = field(default_factory=dict)


def proposal_page(filters: Filters, after: int | None = None) -> Page:
    """One page in a fixed number of queries, whatever the data: the anchor row, the page
    (one more row to know whether there is a next) and the topics."""
    queryset = proposal_queryset(filters)
    sort = filters.sort if filters.sort in SORTS else "newest"
    if after:
        anchor = (
            Proposal.objects.filter(pk=after)
            .only("pk", "created_at", "support_count", "due_at")
            .first()
        )
        if anchor is not None and (sort != "due" or anchor.due_at is not None):
            queryset = queryset.filter(_after(sort, anchor))
    rows = list(queryset.prefetch_related("topics")[: PAGE_SIZE + 1])
    has_next = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    return Page(items=rows, next_after=rows[-1].pk if has_next and rows else None)


def map_points(filters: Filters) -> list[Proposal]:
    """Proposals with a place (at most MAP_LIMIT, the most supported first)."""
    queryset = proposal_queryset(Filters(**{**filters.__dict__, "sort": "supports"}))
    return list(
        queryset.filter(latitude__isnull=False)
        .select_related(None)
        .only(
            "pk",
            "title",
            "status",
            "support_count",
            "latitude",
            "longitude",
            "place_name",
            "due_at",
            "created_at",
        )[:MAP_LIMIT]
    )


def proposal_for_page(proposal_id: int) -> Proposal | None:
    return (
        Proposal.objects.select_related(
            "region__parent",
            "author",
            "organization",
            "department",
            "contact_person",
            "source_activity",
            "source_notice",
            "source_question",
        )
        .prefetch_related("topics", "attachments")
        .filter(pk=proposal_id)
        .first()
    )


def timeline(proposal: Proposal) -> list[Step]:
    return list(
        proposal.steps.select_related("actor", "actor_organization").order_by("created_at", "pk")
    )


def comment_threads(proposal: Proposal) -> list[Comment]:
    """Top-level comments with their replies (two queries)."""
    replies = Comment.objects.select_related("author").order_by("created_at", "pk")
    return list(
        proposal.comments.filter(parent__isnull=True)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
    )


def answer_for(proposal: Proposal) -> Answer | None:
    return Answer.objects.select_related("department", "author").filter(proposal=proposal).first()


def roundtable_items_for(proposal: Proposal) -> list[RoundtableItem]:
    return list(
        RoundtableItem.objects.filter(proposal=proposal).select_related(
            "roundtable__activity", "roundtable__facilitator"
        )
    )


def viewer_supports(user, proposal: Proposal) -> bool:
    if not user.is_authenticated:
        return False
    return Support.objects.filter(proposal=proposal, user=user, withdrawn_at__isnull=True).exists()


def roundtable_for_page(roundtable_id: int) -> Roundtable | None:
    return (
        Roundtable.objects.select_related("activity__region__parent", "facilitator")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=RoundtableItem.objects.select_related("proposal").order_by("pk"),
            )
        )
        .filter(pk=roundtable_id)
        .first()
    )


def roundtables_in(region: Region, limit: int = 20) -> list[Roundtable]:
    return list(
        Roundtable.objects.filter(activity__region_id__in=region.city.family_ids())
        .select_related("activity")
        .order_by("-activity__starts_at")[:limit]
    )


# --- The officials' dashboard -------------------------------------------------------------


def dashboard(region: Region, limit: int = 30) -> dict[str, list[Proposal]]:
    family = region.city.family_ids()
    base = _base().filter(region_id__in=family)
    return {
        "candidates": list(
            base.filter(
                threshold_reached__gt=0, status__in=[Status.SUBMITTED, Status.UNDER_REVIEW]
            ).order_by("-support_count", "-pk")[:limit]
        ),
        "unassigned": list(
            base.filter(department__isnull=True, status__in=AWAITING_ANSWER).order_by(
                "-support_count", "-pk"
            )[:limit]
        ),
        "overdue": list(base.overdue().order_by("due_at", "pk")[:limit]),
    }


# --- Accountability figures ---------------------------------------------------------------


@dataclass
class Figures:
    name: str
    submitted: int = 0
    answered: int = 0
    owed: int = 0  # proposals with a deadline (past the first threshold)
    answered_in_time: int = 0
    adopted: int = 0
    done: int = 0
    overdue: int = 0
    days: list[float] = field(default_factory=list)

    @property
    def answered_share(self) -> float | None:
        return self.answered / self.submitted if self.submitted else None

    @property
    def in_time_share(self) -> float | None:
        return self.answered_in_time / self.owed if self.owed else None

    @property
    def median_days(self) -> float | None:
        return statistics.median(self.days) if self.days else None

    @property
    def answered_percent(self) -> int | None:
        share = self.answered_share
        return None if share is None else round(share * 100)

    @property
    def in_time_percent(self) -> int | None:
        share = self.in_time_share
        return None if share is None else round(share * 100)


def figures(region: Region) -> tuple[Figures, list[Figures]]:
    """The region's accountability figures and the same per department, in two queries.

    Submitted counts every proposal not withdrawn; answered those with an official answer;
    in time is measured against proposals that owed an answer (they reached the first
    threshold), answered by their deadline; days to answer run from the threshold (or from
    submission when it was answered before reaching one); adopted means accepted or partly
    accepted (정책반영).
    """
    city = region.city
    rows = (
        Proposal.objects.public()
        .filter(region_id__in=city.family_ids())
        .values_list(
            "status",
            "created_at",
            "threshold_reached_at",
            "due_at",
            "answered_at",
            "department__name",
            "answer__decision",
        )
    )
    now = timezone.now()
    total = Figures(name=city.name)
    departments: dict[str, Figures] = {}
    for status, created, reached, due, answered, department, decision in rows.iterator():
        groups = [total]
        if department:
            groups.append(departments.setdefault(department, Figures(name=department)))
        for group in groups:
            group.submitted += 1
            if due is not None:
                group.owed += 1
                if answered is not None and answered <= due:
                    group.answered_in_time += 1
                if answered is None and status in AWAITING_ANSWER and due < now:
                    group.overdue += 1
            if answered is not None:
                group.answered += 1
                start = reached if reached and reached < answered else created
                group.days.append((answered - start).total_seconds() / 86400)
            if decision in (Answer.Decision.ACCEPTED, Answer.Decision.PARTLY):
                group.adopted += 1
            if status == Status.DONE:
                group.done += 1
    return total, sorted(departments.values(), key=lambda f: (-f.submitted, f.name))
