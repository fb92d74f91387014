"""A tiny domain-event bus: a capability says what happened, others react.

Activities, proposals and the rest `publish("activity.published", activity_id=…)`; the
notifications, search and feed apps `subscribe` to the names they care about. Handlers run only
once the publishing transaction commits (never for work that was rolled back), each on its own,
so one failing handler neither breaks the request nor keeps the others from running. Payloads
are plain ids and strings, so a handler can hand them straight to a background job.

Names are "<thing>.<what happened>" in the past tense; each app lists the events it publishes
in its own `events.py`, so a reader finds them in one place.
"""

import logging
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.db import transaction

logger = logging.getLogger(__name__)

Handler = Callable[..., Any]
_handlers: dict[str, list[Handler]] = defaultdict(list)


def subscribe(event: str, handler: Handler | None = None):
    """Register `handler` for `event`; usable as a decorator. Call from AppConfig.ready()."""

    def register(function: Handler) -> Handler:
        if function not in _handlers[event]:
            _handlers[event].append(function)
        return function

    return register(handler) if handler is not None else register


def publish(event: str, /, **payload: Any) -> None:
    """Tell the subscribers of `event`, once the current transaction commits."""
    for handler in list(_handlers.get(event, ())):
        transaction.on_commit(_runner(event, handler, payload), robust=True)


def _runner(event: str, handler: Handler, payload: dict[str, Any]) -> Callable[[], None]:
    def run() -> None:
        try:
            handler(**payload)
        except Exception:
            logger.exception("Handler %r for event %r failed", handler, event)
            raise

    return run


def subscribers(event: str) -> list[Handler]:
    return list(_handlers.get(event, ()))
