"""Signed, login-free unsubscribe links: the token names the person and the kind (or all)."""

from django.core import signing

SALT = "sotong.notifications.unsubscribe"
ALL_KINDS = "*"


def unsubscribe_token(user_id: int, kind: str = ALL_KINDS) -> str:
    return signing.dumps({"u": user_id, "k": kind}, salt=SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    kind = data.get("k")
    return data["u"], kind if isinstance(kind, str) else ALL_KINDS
