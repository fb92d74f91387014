"""Small helpers shared by the organisation tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from sotong.organizations.models import Membership, Organization
from tests.factories import MembershipFactory


def add_member(organization, user, *, role=Membership.Role.MEMBER, is_public=True):
    """A membership made the way the services would: the counter goes up with it."""
    membership = MembershipFactory(
        organization=organization, user=user, role=role, is_public=is_public
    )
    Organization.objects.filter(pk=organization.pk).update(
        member_count=Membership.objects.filter(organization=organization).count()
    )
    organization.refresh_from_db()
    return membership


def image_upload(name="logo.jpg", *, image_format="JPEG", size=(800, 600)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (37, 110, 244)).save(buffer, format=image_format)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png"}[image_format]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def assert_login_redirect(response):
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def sync_member_count(organization):
    """The shared fixtures add memberships directly; this sets the counter to match them."""
    Organization.objects.filter(pk=organization.pk).update(
        member_count=Membership.objects.filter(organization=organization).count()
    )
    organization.refresh_from_db()
    return organization
