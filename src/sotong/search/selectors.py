"""Reading the index: the results page, its facets and suggestions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, Count, F, Q, QuerySet
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
    if connection.vendor == "postgresql":
        # The document's own column, unqualified: it resolves to whatever alias Django gives
        # the document table, nested in the facets' subqueries too (no table joined to it has
        # a `vector`). Filtering the table itself reads each matching row once; an `id IN
        # (SELECT id … @@ …)` read the matches and then every one again by its key.
        return queryset.filter(
            RawSQL(  # noqa: S611 — fixed SQL; the query travels as a parameter
                "vector @@ %s::tsquery", [query.tsquery(groups)], output_field=BooleanField()
            )
        )
    # A subquery on the FTS table's rowid, which survives being nested in other queries.
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


def counts_by_kind_region_year(base: QuerySet, filters: Filters) -> list[dict]:
    """One pass over the matches: how many there are per (kind, region, year), with the topic
    filter applied (the only one the total and these three facets never leave out). The total
    and the kind, region and year facets are all read from these few rows (at most kinds ×
    regions × years), instead of four passes over every match."""
    if filters.topic_id is not None:
        base = base.filter(topics=filters.topic_id)
    return list(base.values("kind", "region_id", "year").annotate(count=Count("pk")).order_by())


def _kept(row: dict, filters: Filters, skip: str = "") -> bool:
    """`apply_filters` for one row of `counts_by_kind_region_year` (topics are applied)."""
    if filters.kind and skip != "kind" and row["kind"] != filters.kind:
        return False
    if (
        filters.region_ids is not None
        and skip != "region"
        and row["region_id"] not in filters.region_ids
    ):
        return False
    return filters.year is None or skip == "year" or row["year"] == filters.year


def total(counts: list[dict], filters: Filters) -> int:
    return sum(row["count"] for row in counts if _kept(row, filters))


def facets(
    base: QuerySet,
    filters: Filters,
    counts: list[dict],
    known_regions: list[Region] | None = None,
) -> dict[str, list[dict]]:
    """Counts per kind, region, topic and year, each with every other filter applied (so a
    person sees what choosing another value would give). Kind, region and year come from
    `counts`; topics are one query (a document has several), and the regions' names a second
    unless the caller holds the region list (`known_regions`, region_list())."""

    def tally(field: str) -> Counter:
        tallied: Counter = Counter()
        for row in counts:
            if row[field] is not None and _kept(row, filters, skip=field.removesuffix("_id")):
                tallied[row[field]] += row["count"]
        return tallied

    kinds = sorted(tally("kind").items(), key=lambda item: (-item[1], item[0]))
    years = sorted(tally("year").items(), reverse=True)[:10]
    topics = (
        SearchDocument.topics.through.objects.filter(
            searchdocument__in=apply_filters(base, filters, skip="topic").values("pk")
        )
        .values("topic_id", "topic__name")
        .annotate(count=Count("searchdocument_id"))
        .order_by("-count", "topic__name")[:15]
    )
    return {
        "kind": [{"kind": kind, "count": count} for kind, count in kinds],
        "region": _named_regions(tally("region_id"), known_regions),
        "topic": list(topics),
        "year": [{"year": year, "count": count} for year, count in years],
    }


def _named_regions(counts: Counter, regions: list[Region] | None) -> list[dict]:
    """The 15 regions with the most results, with their names. Counted by the id alone and
    named afterwards: grouping by the joined names made PostgreSQL walk every document of
    every region (300 ms for a common word at city scale, against 30 ms)."""
    if regions is None:
        regions = list(Region.objects.active().filter(pk__in=list(counts)))
    by_id = {region.pk: region for region in regions}
    named = [
        {
            "region_id": region_id,
            "region__name": by_id[region_id].name,
            "region__slug": by_id[region_id].slug,
            "count": count,
        }
        for region_id, count in counts.items()
        if region_id in by_id  # an inactive region is not offered
    ]
    return sorted(named, key=lambda row: (-row["count"], row["region__name"]))[:15]


class CountedPaginator(Paginator):
    """A paginator told its total (read with the facets) instead of running a COUNT."""

    def __init__(self, object_list, per_page, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count


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
    raw_query: str | None,
    filters: Filters,
    user,
    page_number=1,
    *,
    mark: bool = True,
    known_regions: list[Region] | None = None,
) -> Results:
    """The results page: at most 6 queries whatever the data (the counts, the page, the topic
    facet, the regions' names unless `known_regions` is given, the suggestion's term lookup and
    whether it finds anything)."""
    from sotong.search import highlight
    from sotong.search.suggest import suggest

    parsed = parse(raw_query)
    base = matching(parsed, user)
    counts = counts_by_kind_region_year(base, filters) if parsed.groups else []
    paginator = CountedPaginator(
        ranked(apply_filters(base, filters), parsed).only(
            "kind", "object_id", "title", "snippet_source", "url", "date", "year", "region_id"
        ),
        PER_PAGE,
        total(counts, filters),
    )
    try:
        number = min(max(int(page_number), 1), MAX_PAGE)
    except (TypeError, ValueError):
        number = 1
    page = paginator.get_page(number)
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
        facets=facets(base, filters, counts, known_regions) if parsed.groups else {},
        suggestion=suggestion,
    )
