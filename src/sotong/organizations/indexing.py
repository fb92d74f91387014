"""Organisations in the search index (active ones; contact details are never indexed)."""

from django.utils.translation import gettext_lazy as _

from sotong.organizations.models import Organization
from sotong.search.registry import Document, Kind, register


def organizations():
    return Organization.objects.filter(is_active=True).prefetch_related("topics")


def organization_document(organization: Organization) -> Document:
    return Document(
        title=organization.name,
        body="\n".join(part for part in (organization.summary, organization.description) if part),
        snippet=organization.summary,
        url=organization.get_absolute_url(),
        region_id=organization.region_id,
        topic_ids=[topic.pk for topic in organization.topics.all()],
        date=organization.created_at,
        popularity=organization.member_count,
    )


register(
    Kind(
        key="organization",
        label=_("단체"),
        model=Organization,
        queryset=organizations,
        document=organization_document,
        m2m=(Organization.topics.through,),
    )
)
