"""The "대화모임 기록" section of an organisation's page: a link to the archive filtered by the
organisation (`/archive/?organization=<slug>`), shown when it has a published record.
Registered from ArchiveConfig.ready() through `organizations.page_sections`, so the
organisations app links here without importing the archive."""

from sotong.archive import selectors


def organization_records(organization) -> dict | None:
    if not selectors.organization_has_records(organization):
        return None
    return {"organization": organization}
