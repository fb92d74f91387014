"""Writing the index: one object at a time (on commit) or everything (`sotong_reindex`)."""

from __future__ import annotations

import logging

from django.db import transaction

from sotong.search import analysis, registry
from sotong.search.models import SearchDocument, SearchTerm

logger = logging.getLogger(__name__)

SNIPPET_SOURCE_CHARS = 2000
MAX_TERM_LENGTH = 100


def _kept(terms: list[str]) -> list[str]:
    return [term for term in terms if len(term) <= MAX_TERM_LENGTH]


Prepared = tuple[dict, list[int], set[str]]  # fields, topic ids, every term


def prepare(documents: list[registry.Document]) -> list[Prepared]:
    """The index's fields for each document; all their titles and bodies are analysed in
    one batch.

    The compound parts of title and body nouns (어린이집 → 어린이, `analysis.compound_parts`)
    are stored with the body terms: 어린이 finds a title that says 어린이집, but ranks it
    below titles that say 어린이."""
    analysed = analysis.index_terms(
        [text for document in documents for text in (document.title, document.body)]
    )
    prepared = []
    for number, document in enumerate(documents):
        title, title_parts = analysed[2 * number]
        body, body_parts = analysed[2 * number + 1]
        title_terms = _kept(title)
        body_terms = _kept(body) + _kept(list(dict.fromkeys(title_parts + body_parts)))
        fields = {
            "region_id": document.region_id,
            "date": document.date,
            "year": document.date.year if document.date else None,
            "title": document.title[:300],
            "snippet_source": (document.snippet if document.snippet is not None else document.body)[
                :SNIPPET_SOURCE_CHARS
            ],
            "url": document.url,
            "title_terms": " ".join(title_terms),
            "body_terms": " ".join(body_terms),
            "is_public": document.is_public,
            "owner_id": document.owner_id,
            "organization_id": document.organization_id,
            "popularity": document.popularity,
        }
        prepared.append((fields, sorted(set(document.topic_ids)), {*title_terms, *body_terms}))
    return prepared


def document_fields(kind: registry.Kind, obj) -> Prepared:
    return prepare([kind.document(obj)])[0]


def _remember_terms(terms: set[str]) -> None:
    if terms:
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=term, length=len(term)) for term in terms],
            ignore_conflicts=True,
            batch_size=500,
        )


@transaction.atomic
def index_object(kind: registry.Kind, obj) -> SearchDocument:
    fields, topic_ids, terms = document_fields(kind, obj)
    document, _ = SearchDocument.objects.update_or_create(
        kind=kind.key, object_id=obj.pk, defaults=fields
    )
    document.topics.set(topic_ids)
    _remember_terms(terms)
    return document


def set_popularity(kind_key: str, object_id: int, popularity) -> int:
    """A document's popularity changed alone (a 공감, a vote): one UPDATE, nothing analysed,
    the terms untouched (SQLite's FTS5 trigger fires only when they are written). `popularity` is
    a number or an expression (a subquery reading the current count, so updates that commit
    out of order still leave the last count). Returns how many documents changed (0 when the
    object is not indexed)."""
    return SearchDocument.objects.filter(kind=kind_key, object_id=object_id).update(
        popularity=popularity
    )


def remove(kind_key: str, object_id: int) -> None:
    SearchDocument.objects.filter(kind=kind_key, object_id=object_id).delete()


def reindex(kind_key: str, object_id: int) -> None:
    """Bring one object's document up to date: index it, or drop it if it may not be found."""
    kind = registry.get(kind_key)
    if kind is None:
        return
    obj = kind.queryset().filter(pk=object_id).first()
    if obj is None:
        remove(kind_key, object_id)
    else:
        index_object(kind, obj)


def rebuild(kind: registry.Kind, *, batch_size: int = 500, progress=None) -> int:
    """Index every object of `kind` again, in batches, and drop documents of objects gone."""
    Topics = SearchDocument.topics.through
    done = 0
    last_pk = 0
    seen_pks: list[int] = []
    queryset = kind.queryset().order_by("pk")
    while True:
        batch = list(queryset.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            break
        last_pk = batch[-1].pk
        prepared = [
            (obj.pk, *fields)
            for obj, fields in zip(
                batch, prepare([kind.document(obj) for obj in batch]), strict=True
            )
        ]
        with transaction.atomic():
            pks = [pk for pk, *_ in prepared]
            SearchDocument.objects.filter(kind=kind.key, object_id__in=pks).delete()
            documents = SearchDocument.objects.bulk_create(
                [
                    SearchDocument(kind=kind.key, object_id=pk, **fields)
                    for pk, fields, *_ in prepared
                ]
            )
            by_object = {document.object_id: document.pk for document in documents}
            if any(document_pk is None for document_pk in by_object.values()):
                by_object = dict(
                    SearchDocument.objects.filter(kind=kind.key, object_id__in=pks).values_list(
                        "object_id", "pk"
                    )
                )
            Topics.objects.bulk_create(
                [
                    Topics(searchdocument_id=by_object[pk], topic_id=topic_id)
                    for pk, _, topic_ids, _ in prepared
                    for topic_id in topic_ids
                ]
            )
            _remember_terms(set().union(*(terms for *_, terms in prepared)))
        seen_pks.extend(pks)
        done += len(batch)
        if progress is not None:
            progress.advance(len(batch))
    stale = SearchDocument.objects.filter(kind=kind.key).exclude(object_id__in=seen_pks)
    if len(seen_pks) < 50_000:
        stale.delete()
    else:  # too many ids for one statement: compare in Python
        existing = set(
            SearchDocument.objects.filter(kind=kind.key).values_list("object_id", flat=True)
        )
        gone = existing - set(seen_pks)
        for start in range(0, len(gone), 500):
            remove_ids = list(gone)[start : start + 500]
            SearchDocument.objects.filter(kind=kind.key, object_id__in=remove_ids).delete()
    return done
