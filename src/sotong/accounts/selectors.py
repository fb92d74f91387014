"""Reads about people that cross relations: the profile page and the personal data export."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from sotong.accounts import personal_data
from sotong.accounts.models import User
from sotong.core.models import Topic


@dataclass
class Profile:
    person: User
    interests: list[Topic]
    organizations: list  # Organization objects the person shows publicly


def profile_get(*, user_id: int) -> User:
    """The person behind /people/<id>/; deleted accounts are gone (404)."""
    person = User.objects.select_related("home_region__parent").filter(pk=user_id).first()
    if person is None or person.is_deleted:
        raise Http404
    return person


def profile_details(*, person: User) -> Profile:
    """What the profile page shows, honouring the person's own choices. Two queries."""
    interests: list[Topic] = []
    if person.show_interests:
        interests = list(person.interests.filter(is_active=True).order_by("order", "name"))
    organizations = []
    if person.show_organizations and apps.is_installed("sotong.organizations"):
        Organization = apps.get_model("organizations", "Organization")
        organizations = list(
            Organization.objects.filter(
                is_active=True, memberships__user=person, memberships__is_public=True
            )
            .select_related("region")
            .order_by("name")
        )
    return Profile(person=person, interests=interests, organizations=organizations)


def sole_admin_of(*, user: User) -> list:
    """Organisations that would be left without an admin if the person went away."""
    if not apps.is_installed("sotong.organizations"):
        return []
    Organization = apps.get_model("organizations", "Organization")
    Membership = apps.get_model("organizations", "Membership")
    admin = Membership.Role.ADMIN
    return list(
        Organization.objects.filter(
            pk__in=Membership.objects.filter(user=user, role=admin).values("organization_id")
        )
        .annotate(admin_count=Count("memberships", filter=Q(memberships__role=admin)))
        .filter(admin_count=1)
        .order_by("name")
    )


def user_personal_data(*, user: User) -> dict:
    """Everything Sotong holds about the person, section by section (see personal_data.py)."""
    user = User.objects.select_related("home_region__parent").get(pk=user.pk)
    data: dict = {
        "service": "sotong",
        "exported_at": timezone.now(),
        "sections": {},
    }
    for section in personal_data.sections():
        data["sections"][section.name] = {
            "title": str(section.title),
            "data": section.export(user),
        }
    return data
