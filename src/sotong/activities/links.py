"""Absolute addresses for places outside the site (link previews, calendar apps, e-mails),
built from settings.SITE_URL rather than the request, so they are the same whoever asks."""

from django.conf import settings


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path
