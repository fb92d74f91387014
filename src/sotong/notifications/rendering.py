"""A notification's sentence: its kind's message in the reader's language, filled with params."""

from sotong.notifications.registry import get_kind


class _KeepMissing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def notification_text(notification) -> str:
    kind = get_kind(notification.kind)
    if kind is None:
        return str(notification.params.get("text", "")) or notification.kind
    return str(kind.message).format_map(_KeepMissing(notification.params or {}))
