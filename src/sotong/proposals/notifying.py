"""What proposals tell people, through the notifications app: every step of a proposal goes
to its supporters (those who have not withdrawn) and its author; a threshold reached goes to
the region's officials; a comment goes to the author. Imported from ProposalsConfig.ready()."""

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sotong.core.events import subscribe
from sotong.core.models import RegionRole
from sotong.notifications.registry import Kind, register_audience, register_kind
from sotong.notifications.services import notify
from sotong.organizations.models import Membership, Organization
from sotong.proposals.models import Comment, Proposal, Step, Support

STEP = register_kind(
    Kind(
        key="proposals.step",
        label=_("공감한 제안과 내 제안의 진행 상황"),
        message=_("‘{title}’ 제안: {step}"),
        default_delivery="immediate",
        order=40,
    )
)
THRESHOLD = register_kind(
    Kind(
        key="proposals.threshold",
        label=_("공감 기준에 이른 제안 (공무원)"),
        message=_("‘{title}’ 제안이 공감 {level}명에 이르렀습니다: {label}"),
        default_delivery="immediate",
        order=41,
    )
)
COMMENT = register_kind(
    Kind(
        key="proposals.comment",
        label=_("내 제안에 달린 댓글"),
        message=_("{nickname}님이 내 제안 ‘{title}’에 댓글을 남겼습니다."),
        default_delivery="daily",
        order=42,
    )
)


@register_audience("proposals.supporters")
def proposal_supporters(proposal_id: int):
    """Who follows a proposal: its author and everyone whose support is not withdrawn."""
    supporters = set(
        Support.objects.filter(proposal_id=proposal_id, withdrawn_at__isnull=True).values_list(
            "user_id", flat=True
        )
    )
    author = Proposal.objects.filter(pk=proposal_id).values_list("author_id", flat=True).first()
    if author is not None:
        supporters.add(author)
    return sorted(supporters)


@register_audience("proposals.region_officials")
def region_officials(proposal_id: int):
    """Members of the city's government departments and the city's region admins."""
    proposal = Proposal.objects.select_related("region__parent").filter(pk=proposal_id).first()
    if proposal is None:
        return []
    family = proposal.region.city.family_ids()
    members = Membership.objects.filter(
        organization__kind=Organization.Kind.GOVERNMENT,
        organization__is_active=True,
        organization__region_id__in=family,
    ).values_list("user_id", flat=True)
    admins = RegionRole.objects.filter(
        Q(region_id=proposal.region.city.pk), role=RegionRole.Role.ADMIN
    ).values_list("user_id", flat=True)
    return sorted(set(members) | set(admins))


def step_label(step: Step) -> str:
    if step.kind == Step.Kind.THRESHOLD:
        return str(_("공감 %(level)d명 달성") % {"level": step.level or 0})
    if step.kind == Step.Kind.ASSIGNMENT:
        return str(_("전담부서 지정"))
    if step.kind == Step.Kind.PROGRESS:
        return str(_("추진 상황"))
    if not step.from_status:
        return str(_("제출됨"))
    return f"{step.get_from_status_display()} → {step.get_to_status_display()}"


def on_step_recorded(proposal_id: int, step_id: int) -> None:
    step = Step.objects.select_related("proposal").filter(pk=step_id).first()
    if step is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        label = step_label(step)
    notify(
        kind=STEP.key,
        event_key=f"proposal-step:{step.pk}",
        audience="proposals.supporters",
        audience_args=[proposal_id],
        params={"title": step.proposal.title, "step": label},
        url=f"{step.proposal.get_absolute_url()}#step-{step.pk}",
        actor_id=step.actor_id,
    )


def on_threshold_reached(proposal_id: int, level: int) -> None:
    from sotong.proposals.services import policy_for

    proposal = Proposal.objects.select_related("region__parent").filter(pk=proposal_id).first()
    if proposal is None:
        return
    labels = dict(policy_for(proposal.region).levels)
    notify(
        kind=THRESHOLD.key,
        event_key=f"proposal-threshold:{proposal_id}:{level}",
        audience="proposals.region_officials",
        audience_args=[proposal_id],
        params={"title": proposal.title, "level": level, "label": labels.get(level, "")},
        url=proposal.get_absolute_url(),
    )


def on_commented(comment_id: int) -> None:
    comment = Comment.objects.select_related("proposal", "author").filter(pk=comment_id).first()
    if comment is None:
        return
    notify(
        kind=COMMENT.key,
        event_key=f"proposal-comment:{comment.pk}",
        recipients=[comment.proposal.author_id],
        params={"title": comment.proposal.title, "nickname": comment.author.nickname},
        url=f"{comment.proposal.get_absolute_url()}#comment-{comment.pk}",
        actor_id=comment.author_id,
    )


def connect() -> None:
    subscribe("proposal.step_recorded", on_step_recorded)
    subscribe("proposal.threshold_reached", on_threshold_reached)
    subscribe("proposal.commented", on_commented)
