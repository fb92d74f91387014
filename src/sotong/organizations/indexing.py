"""Organisations in the search index (active ones; contact details are never indexed), and
who finds a draft hosted by an organisation: its admins, as the apps' rules have it."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sotong.organizations.models import Membership, Organization
from sotong.search.registry import Document, Kind, register, register_finder


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


def administered(user) -> Q:
    """Documents hosted by an organisation `user` is an admin of (search.registry.Finder)."""
    admins = Membership.objects.filter(user=user, role=Membership.Role.ADMIN)
    return Q(organization_id__in=admins.values("organization_id"))


register_finder(administered)
