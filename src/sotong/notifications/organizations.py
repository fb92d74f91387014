"""Notifications about organisations (a layer below us): join requests reach the admins."""

from django.utils.translation import gettext_lazy as _

from sotong.core.events import subscribe
from sotong.notifications.registry import Kind, register_audience, register_kind

JOIN_REQUEST = register_kind(
    Kind(
        key="organizations.join_request",
        label=_("내가 관리하는 단체의 가입 신청"),
        message=_("{nickname}님이 ‘{organization}’ 단체에 가입을 신청했습니다."),
        default_delivery="immediate",
        order=60,
    )
)


@register_audience("organizations.admins")
def organization_admins(organization_id: int):
    from sotong.organizations.models import Membership

    return Membership.objects.filter(
        organization_id=organization_id, role=Membership.Role.ADMIN
    ).values_list("user_id", flat=True)


def on_join_request_created(join_request_id: int) -> None:
    from django.urls import reverse

    from sotong.notifications.services import notify
    from sotong.organizations.models import JoinRequest

    join_request = (
        JoinRequest.objects.select_related("organization", "user")
        .filter(pk=join_request_id)
        .first()
    )
    if join_request is None:
        return
    organization = join_request.organization
    notify(
        kind=JOIN_REQUEST.key,
        event_key=f"join-request:{join_request.pk}",
        audience="organizations.admins",
        audience_args=[organization.pk],
        params={"nickname": join_request.user.nickname, "organization": organization.name},
        url=reverse("organizations:requests", args=[organization.slug]),
        actor_id=join_request.user_id,
    )


def connect() -> None:
    subscribe("join_request.created", on_join_request_created)
