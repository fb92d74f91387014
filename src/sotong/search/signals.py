"""Keeping the index current: a saved or deleted object is re-indexed once its transaction
commits, in the same process.

Why on commit and not in a background job: the web process holds the analyser anyway (it
analyses every query), indexing one object costs a few milliseconds, and the person who just
saved something finds it at once. A failure is logged and never breaks the save;
`sotong_reindex` repairs the index."""

from __future__ import annotations

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

logger = logging.getLogger(__name__)


def _schedule(kind_key: str, object_id: int) -> None:
    transaction.on_commit(partial(_run, kind_key, object_id), robust=True)


def _run(kind_key: str, object_id: int) -> None:
    from sotong.search.services import reindex

    try:
        reindex(kind_key, object_id)
    except Exception:
        logger.exception("Could not re-index %s %s", kind_key, object_id)


def connect(kind) -> None:
    uid = f"search:{kind.key}"

    def saved(sender, instance, raw=False, **kwargs):
        if not raw:
            _schedule(kind.key, instance.pk)

    def deleted(sender, instance, **kwargs):
        _schedule(kind.key, instance.pk)

    def m2m(sender, instance, action, reverse, pk_set, **kwargs):
        if action not in {"post_add", "post_remove", "post_clear"}:
            return
        if not reverse:
            _schedule(kind.key, instance.pk)
        elif pk_set:
            for pk in pk_set:
                _schedule(kind.key, pk)

    post_save.connect(saved, sender=kind.model, weak=False, dispatch_uid=f"{uid}:save")
    post_delete.connect(deleted, sender=kind.model, weak=False, dispatch_uid=f"{uid}:delete")
    for through in kind.m2m:
        m2m_changed.connect(m2m, sender=through, weak=False, dispatch_uid=f"{uid}:{through}")
    for model, object_id_of in kind.related:
        _connect_related(kind.key, model, object_id_of)


def _connect_related(kind_key: str, model, object_id_of) -> None:
    def changed(sender, instance, raw=False, **kwargs):
        object_id = None if raw else object_id_of(instance)
        if object_id is not None:
            _schedule(kind_key, object_id)

    uid = f"search:{kind_key}:{model._meta.label}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}:save")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
