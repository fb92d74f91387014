"""Reading the index: the results page, its facets and suggestions."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, Q, QuerySet
from django.db.models.expressions import RawSQL

from sotong.core.models import Region, RegionRole
from sotong.search import analysis, query, registry
from sotong.search.models import SearchDocument

MAX_QUERY_CHARS = 100
PER_PAGE = 20
MAX_PAGE = 50
TABLE = SearchDocument._meta.db_table


@dataclass
class Filters:
    kind: str = ""
    region_ids: list[int] | None = None
    topic_id: int | None = None
    year: int | None = None


@dataclass
class Query:
    text: str
    truncated: bool
    groups: list = field(default_factory=list)
    # Terms that are verb/adjective lemmas (바꾸다): texts may write them otherwise (바꿔).
    lemmas: frozenset = frozenset()

    @property
    def terms(self) -> list[str]:
        seen: dict[str, None] = {}
        for group in self.groups:
            for alternative in group:
                seen.update(dict.fromkeys(alternative))
        return list(seen)


def parse(raw: str | None) -> Query:
    text = " ".join((raw or "").split())
    truncated = len(text) > MAX_QUERY_CHARS
    text = text[:MAX_QUERY_CHARS]
    lemmas: set[str] = set()
    groups = analysis.query_groups(text, lemmas) if text else []
    return Query(text=text, truncated=truncated, groups=groups, lemmas=frozenset(lemmas))


def visible_to(user) -> Q:
    """What `user` may find: everything public, and what is not (drafts) where the apps'
    rules let them see it: their own, their organisations' as its admins (`registry`'s
    finders), their region's and its neighbourhoods' as its admins, and everything as a site
    admin. Subqueries only: no query of its own."""
    if user is None or not user.is_authenticated:
        return Q(is_public=True)
    if user.is_active and user.is_superuser:
        return Q()
    runs = RegionRole.objects.filter(user=user, role=RegionRole.Role.ADMIN).values("region_id")
    hidden = Q(owner_id=user.pk) | Q(
        region__in=Region.objects.filter(Q(pk__in=runs) | Q(parent__in=runs)).values("pk")
    )
    for finder in registry.finders():
        hidden |= finder(user)
    return Q(is_public=True) | hidden


def _match(queryset: QuerySet, groups) -> QuerySet:
    # A subquery on the primary key, so the condition survives being nested in other
    # queries (the facets), where Django renames the outer table.
    if connection.vendor == "postgresql":
        matched = RawSQL(  # noqa: S611 — fixed SQL; the query travels as a parameter
            f"SELECT id FROM {TABLE} WHERE vector @@ %s::tsquery",  # noqa: S608
            [query.tsquery(groups)],
        )
    else:
        matched = RawSQL(  # noqa: S611 — fixed SQL; the query travels as a parameter
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [query.fts5(groups)]
        )
    return queryset.filter(pk__in=matched)


def _tier(groups) -> RawSQL:
    """0: the title has every group, 1: the title has some of them, 2: only the body."""
    if connection.vendor == "postgresql":
        return RawSQL(  # noqa: S611 — fixed SQL; the query travels as a parameter
            f"CASE WHEN {TABLE}.vector @@ %s::tsquery THEN 0 "
            f"WHEN {TABLE}.vector @@ %s::tsquery THEN 1 ELSE 2 END",
            [query.tsquery(groups, weight="A"), query.tsquery(groups, weight="A", every=False)],
        )
    in_fts = f"{TABLE}.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)"  # noqa: S608
    return RawSQL(  # noqa: S611 — fixed SQL; the query travels as a parameter
        f"CASE WHEN {in_fts} THEN 0 WHEN {in_fts} THEN 1 ELSE 2 END",
        [
            query.fts5(groups, column="title_terms"),
            query.fts5(groups, column="title_terms", every=False),
        ],
    )


def matching(parsed: Query, user) -> QuerySet:
    """Documents the user may see that match every group of the query."""
    queryset = SearchDocument.objects.filter(visible_to(user))
    if not parsed.groups:
        return queryset.none()
    return _match(queryset, parsed.groups)


def apply_filters(queryset: QuerySet, filters: Filters, *, skip: str = "") -> QuerySet:
    if filters.kind and skip != "kind":
        queryset = queryset.filter(kind=filters.kind)
    if filters.region_ids is not None and skip != "region":
        queryset = queryset.filter(region_id__in=filters.region_ids)
    if filters.topic_id is not None and skip != "topic":
        queryset = queryset.filter(topics=filters.topic_id)
    if filters.year is not None and skip != "year":
        queryset = queryset.filter(year=filters.year)
    return queryset


def ranked(queryset: QuerySet, parsed: Query) -> QuerySet:
    """Title over body, then the most recent, then the most active."""
    return queryset.annotate(tier=_tier(parsed.groups)).order_by(
        "tier", F("date").desc(nulls_last=True), "-popularity", "-pk"
    )


def facets(base: QuerySet, filters: Filters) -> dict[str, list[dict]]:
    """Counts per kind, region, topic and year, each with every other filter applied (so a
    person sees what choosing another value would give). Four queries."""
    kinds = (
        apply_filters(base, filters, skip="kind")
        .values("kind")
        .annotate(count=Count("pk"))
        .order_by("-count", "kind")
    )
    regions = (
        apply_filters(base, filters, skip="region")
        .filter(region__isnull=False)
        .values("region_id", "region__name", "region__slug")
        .annotate(count=Count("pk"))
        .order_by("-count", "region__name")[:15]
    )
    topics = (
        SearchDocument.topics.through.objects.filter(
            searchdocument__in=apply_filters(base, filters, skip="topic").values("pk")
        )
        .values("topic_id", "topic__name")
        .annotate(count=Count("searchdocument_id"))
        .order_by("-count", "topic__name")[:15]
    )
    years = (
        apply_filters(base, filters, skip="year")
        .filter(year__isnull=False)
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("-year")[:10]
    )
    return {
        "kind": list(kinds),
        "region": list(regions),
        "topic": list(topics),
        "year": list(years),
    }


@dataclass
class Hit:
    document: SearchDocument
    kind_label: str
    title: str  # marked-up, safe
    snippet: str  # marked-up, safe


@dataclass
class Results:
    query: Query
    filters: Filters
    page: object  # django.core.paginator.Page
    hits: list[Hit]
    facets: dict
    suggestion: str | None


def search(
    raw_query: str | None, filters: Filters, user, page_number=1, *, mark: bool = True
) -> Results:
    """The results page: at most 8 queries whatever the data (count, page, four facets,
    the suggestion's term lookup and its count)."""
    from django.core.paginator import Paginator

    from sotong.search import highlight
    from sotong.search.suggest import suggest

    parsed = parse(raw_query)
    base = matching(parsed, user)
    paginator = Paginator(
        ranked(apply_filters(base, filters), parsed).only(
            "kind", "object_id", "title", "snippet_source", "url", "date", "year", "region_id"
        ),
        PER_PAGE,
    )
    try:
        number = min(max(int(page_number), 1), MAX_PAGE)
    except (TypeError, ValueError):
        number = 1
    if parsed.groups:
        page = paginator.get_page(number)
    else:
        page = Paginator(SearchDocument.objects.none(), PER_PAGE).get_page(1)
    terms = parsed.terms
    documents = list(page.object_list)
    marked = ["" for _ in range(2 * len(documents))]
    if mark:  # every title and snippet of the page at once
        texts = [document.title for document in documents] + [
            highlight.window(document.snippet_source, terms) for document in documents
        ]
        marked = highlight.mark_all(texts, terms, lemmas=parsed.lemmas)
    hits = []
    for number, document in enumerate(documents):
        kind = registry.get(document.kind)
        hits.append(
            Hit(
                document=document,
                kind_label=str(kind.label) if kind else document.kind,
                title=marked[number],
                snippet=marked[len(documents) + number],
            )
        )
    suggestion = None
    if parsed.text and page.paginator.count < 3:
        candidate = suggest(parsed.text)
        if candidate and matching(parse(candidate), user).exists():
            suggestion = candidate
    return Results(
        query=parsed,
        filters=filters,
        page=page,
        hits=hits,
        facets=facets(base, filters) if parsed.groups else {},
        suggestion=suggestion,
    )
