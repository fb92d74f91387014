"""Following and unfollowing. Idempotent: a double click or two tabs make one follow."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sotong.core.models import Topic
from sotong.interests.models import Follow
from sotong.interests.selectors import TopicFollow, target_field, target_filter


def follow(*, user, target) -> bool:
    """Start following; True when a new follow was made."""
    if not user.has_perm("interests.follow", target):
        raise PermissionDenied(_("팔로우할 수 없는 대상입니다."))
    if isinstance(target, Topic):
        model, values = TopicFollow, {"user_id": user.pk, "topic_id": target.pk}
    else:
        model = Follow
        values = {"follower_id": user.pk, target_field(target): target}
    try:
        with transaction.atomic():
            _row, created = model.objects.get_or_create(**values)
    except IntegrityError:  # someone else's request made the same follow first
        return False
    return created


def unfollow(*, user, target) -> bool:
    """Stop following; True when there was a follow to remove."""
    if not user.has_perm("interests.unfollow", target):
        raise PermissionDenied(_("로그인해야 합니다."))
    if isinstance(target, Topic):
        deleted, _rows = TopicFollow.objects.filter(user_id=user.pk, topic=target).delete()
    else:
        deleted, _rows = Follow.objects.filter(target_filter(target), follower_id=user.pk).delete()
    return deleted > 0


def topics_replace(*, user, topics) -> None:
    """The onboarding's and the profile form's topic list, written in one go."""
    user.interests.set([t for t in topics if t.is_active])


def regions_replace(*, user, regions) -> None:
    """Keep exactly these region follows (onboarding)."""
    wanted = {r.pk for r in regions if r.is_active}
    with transaction.atomic():
        Follow.objects.filter(follower=user, region__isnull=False).exclude(
            region_id__in=wanted
        ).delete()
        have = set(
            Follow.objects.filter(follower=user, region__isnull=False).values_list(
                "region_id", flat=True
            )
        )
        Follow.objects.bulk_create(
            [Follow(follower=user, region_id=pk) for pk in wanted - have],
            ignore_conflicts=True,
        )
