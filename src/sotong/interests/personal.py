"""What follows say about a person: exported with their data, erased with their account."""

from sotong.interests.models import Follow


def export_follows(user) -> list[dict]:
    rows = Follow.objects.filter(follower=user).select_related("region", "organization", "person")
    return [
        {
            "kind": follow.target_kind,
            "name": (
                follow.region.full_name
                if follow.region_id
                else follow.organization.name
                if follow.organization_id
                else follow.person.nickname
            ),
            "since": follow.created_at.isoformat(),
        }
        for follow in rows
    ]


def erase_follows(user) -> None:
    """Their follows go, and so do other people's follows of them: a deleted account is no
    longer someone to follow."""
    Follow.objects.filter(follower=user).delete()
    Follow.objects.filter(person=user).delete()
