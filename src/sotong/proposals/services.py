"""The business rules of proposals: one state machine, supports under concurrency, answers.

Every status change goes through `proposal_transition`, which looks the move up in
`TRANSITIONS` (each allowed move listed once, with the permission it needs), records a public
`Step` with its author and reason, and publishes `proposal.step_recorded`.

Supports lock the proposal row (SELECT … FOR UPDATE on PostgreSQL; on SQLite the IMMEDIATE
transaction holds the write lock from BEGIN), so the count and the threshold levels are
decided one support at a time: each level is recorded exactly once.

The answer deadline starts when the proposal first reaches its region's first threshold, not
when a department is assigned: that is the moment the city owes an answer, and a slow
assignment must not stop the clock.
"""

import os
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from sotong.activities import services as activity_services
from sotong.core.events import publish
from sotong.core.models import KOREA_BOUNDS, Region, Topic
from sotong.organizations.models import Membership, Organization
from sotong.proposals import events
from sotong.proposals.models import (
    ATTACHMENT_EXTENSIONS,
    ATTACHMENT_MAX_BYTES,
    DEFAULT_ANSWER_DAYS,
    DEFAULT_LEVELS,
    Answer,
    Attachment,
    Comment,
    ProgressUpdate,
    Proposal,
    RegionPolicy,
    Roundtable,
    RoundtableItem,
    Status,
    Step,
    Support,
    ThresholdLevel,
    deadline_from,
)

EDITABLE_FIELDS = (
    "region",
    "title",
    "problem",
    "idea",
    "expected_effect",
    "evidence",
    "place_name",
    "latitude",
    "longitude",
    "organization",
    "source_activity",
    "source_notice",
    "source_question",
)
MAX_ATTACHMENTS = 5

# Every allowed move, once, with the permission (checked against the proposal) it needs.
TRANSITIONS: dict[tuple[str, str], str] = {
    (Status.SUBMITTED, Status.UNDER_REVIEW): "proposals.assign_department",
    (Status.SUBMITTED, Status.WITHDRAWN): "proposals.withdraw_proposal",
    (Status.SUBMITTED, Status.ROUNDTABLE): "proposals.take_to_roundtable",
    (Status.UNDER_REVIEW, Status.ROUNDTABLE): "proposals.take_to_roundtable",
    (Status.UNDER_REVIEW, Status.ANSWERED): "proposals.answer_proposal",
    (Status.UNDER_REVIEW, Status.NOT_ACCEPTED): "proposals.answer_proposal",
    (Status.ROUNDTABLE, Status.ANSWERED): "proposals.answer_proposal",
    (Status.ROUNDTABLE, Status.NOT_ACCEPTED): "proposals.answer_proposal",
    (Status.ANSWERED, Status.IN_PROGRESS): "proposals.post_progress",
    (Status.ANSWERED, Status.DONE): "proposals.post_progress",
    (Status.IN_PROGRESS, Status.DONE): "proposals.post_progress",
}


def allowed_targets(status: str) -> list[str]:
    return [to for (source, to) in TRANSITIONS if source == status]


def _require(actor, perm: str, obj=None, message: str | None = None) -> None:
    if actor is None or not actor.is_authenticated or not actor.has_perm(perm, obj):
        raise PermissionDenied(message or _("이 일을 할 권한이 없습니다."))


def _lock(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


def _clean_text(value: str | None) -> str:
    return (value or "").strip()


# --- Region policy ------------------------------------------------------------------------


@dataclass(frozen=True)
class Policy:
    answer_days: int
    levels: tuple[tuple[int, str], ...]  # (supports, what happens), ascending

    @property
    def first_level(self) -> int:
        return self.levels[0][0] if self.levels else 0


def policy_for(region: Region) -> Policy:
    """The city's thresholds and deadline (the defaults when it has set none)."""
    policy = (
        RegionPolicy.objects.filter(region_id=region.city.pk).prefetch_related("levels").first()
    )
    if policy is None:
        return Policy(DEFAULT_ANSWER_DAYS, tuple((n, str(label)) for n, label in DEFAULT_LEVELS))
    levels = tuple((level.supports, level.label) for level in policy.levels.all())
    return Policy(policy.answer_days, levels)


def policy_save(
    *, actor, region: Region, answer_days: int, levels: list[tuple[int, str]]
) -> RegionPolicy:
    """Region admins set their city's thresholds (one or more levels) and answer deadline."""
    city = region.city
    _require(actor, "proposals.change_policy", city)
    errors: dict[str, list[str]] = {}
    if not isinstance(answer_days, int) or not 1 <= answer_days <= 365:
        errors["answer_days"] = [_("답변 기한은 1~365일 사이로 적어 주세요.")]
    numbers = [supports for supports, _label in levels]
    if not levels:
        errors["levels"] = [_("공감 기준을 하나 이상 적어 주세요.")]
    elif any(n < 1 for n in numbers) or len(set(numbers)) != len(numbers):
        errors["levels"] = [_("공감 기준은 서로 다른 1 이상의 숫자여야 합니다.")]
    elif any(not _clean_text(label) for _n, label in levels):
        errors["levels"] = [_("공감 기준마다 이르면 하는 일을 적어 주세요.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        policy, _created = RegionPolicy.objects.get_or_create(region=city)
        policy.answer_days = answer_days
        policy.save()
        policy.levels.all().delete()
        ThresholdLevel.objects.bulk_create(
            [
                ThresholdLevel(policy=policy, supports=n, label=_clean_text(label)[:60])
                for n, label in sorted(levels)
            ]
        )
    return policy


# --- The state machine --------------------------------------------------------------------


def _record_step(
    proposal: Proposal,
    *,
    actor,
    kind: str,
    reason: str = "",
    from_status: str = "",
    level: int | None = None,
    organization: Organization | None = None,
) -> Step:
    step = Step.objects.create(
        proposal=proposal,
        kind=kind,
        from_status=from_status,
        to_status=proposal.status,
        level=level,
        actor=actor,
        actor_organization=organization,
        reason=reason,
    )
    publish("proposal.step_recorded", proposal_id=proposal.pk, step_id=step.pk)
    return step


def proposal_transition(
    *,
    actor,
    proposal: Proposal,
    to_status: str,
    reason: str = "",
    organization: Organization | None = None,
) -> Step:
    """Moves the proposal along one allowed transition and records the step.

    Refused moves raise a ValidationError in Korean; a move the actor may not make raises
    PermissionDenied. The caller may already hold the row lock (it is taken again, harmlessly).
    """
    reason = _clean_text(reason)
    with transaction.atomic():
        locked = _lock(proposal)
        source = locked.status
        perm = TRANSITIONS.get((source, to_status))
        if perm is None:
            raise ValidationError(
                _("‘%(source)s’ 단계의 제안은 ‘%(target)s’ 단계로 바꿀 수 없습니다.")
                % {"source": Status(source).label, "target": _status_label(to_status)}
            )
        _require(actor, perm, locked, _("이 제안의 단계를 바꿀 권한이 없습니다."))
        if len(reason) > 3000:
            raise ValidationError({"reason": _("사유는 3000자 이하로 적어 주세요.")})
        now = timezone.now()
        Proposal.objects.filter(pk=proposal.pk).update(status=to_status, updated_at=now)
        proposal.status = locked.status = to_status
        return _record_step(
            proposal,
            actor=actor,
            kind=Step.Kind.STATUS,
            reason=reason,
            from_status=source,
            organization=organization,
        )


def _status_label(value: str) -> str:
    try:
        return str(Status(value).label)
    except ValueError:
        return value


# --- Proposing ----------------------------------------------------------------------------


def _in_korea(latitude: float, longitude: float) -> bool:
    return (
        KOREA_BOUNDS["south"] <= latitude <= KOREA_BOUNDS["north"]
        and KOREA_BOUNDS["west"] <= longitude <= KOREA_BOUNDS["east"]
    )


def clean_attachment(upload: UploadedFile) -> UploadedFile:
    name = os.path.basename(upload.name or "")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ATTACHMENT_EXTENSIONS:
        raise ValidationError(
            _("첨부할 수 있는 파일은 %(kinds)s입니다.")
            % {"kinds": ", ".join(ATTACHMENT_EXTENSIONS)}
        )
    if upload.size is None or upload.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("첨부 파일은 하나에 %(mb)dMB 이하만 올릴 수 있습니다.")
            % {"mb": ATTACHMENT_MAX_BYTES // (1024 * 1024)}
        )
    if upload.size == 0:
        raise ValidationError(_("빈 파일은 첨부할 수 없습니다."))
    head = upload.read(8)
    upload.seek(0)
    if extension == "pdf" and not head.startswith(b"%PDF"):
        raise ValidationError(_("PDF 파일이 아닙니다. 파일을 확인해 주세요."))
    if extension == "png" and not head.startswith(b"\x89PNG"):
        raise ValidationError(_("PNG 그림 파일이 아닙니다. 파일을 확인해 주세요."))
    if extension in ("jpg", "jpeg") and not head.startswith(b"\xff\xd8"):
        raise ValidationError(_("JPEG 그림 파일이 아닙니다. 파일을 확인해 주세요."))
    return upload


def _validate(
    *, actor, proposal: Proposal, topics: list[Topic], previous_organization_id=None
) -> None:
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    for name in ("title", "problem", "idea"):
        setattr(proposal, name, _clean_text(getattr(proposal, name)))
    if not proposal.title:
        add("title", _("제목을 적어 주세요."))
    if not proposal.problem:
        add("problem", _("어떤 문제인지 적어 주세요."))
    if not proposal.idea:
        add("idea", _("무엇을 제안하는지 적어 주세요."))
    region = proposal.region if proposal.region_id else None
    if region is None:
        add("region", _("지역을 골라 주세요."))
    elif not region.is_active:
        add("region", _("지금은 쓰지 않는 지역입니다. 다른 지역을 골라 주세요."))
    has_lat, has_lng = proposal.latitude is not None, proposal.longitude is not None
    if has_lat != has_lng:
        add("latitude", _("위치는 위도와 경도를 함께 적어야 합니다."))
    elif has_lat:
        if not _in_korea(proposal.latitude, proposal.longitude):
            add("latitude", _("위치가 한국 밖입니다. 지도에서 장소를 다시 골라 주세요."))
        elif region is not None and not region.city.contains_point(
            proposal.latitude, proposal.longitude
        ):
            add(
                "latitude",
                _("위치가 고른 지역(%(region)s) 밖입니다. 장소나 지역을 다시 골라 주세요.")
                % {"region": region.city.name},
            )
    if (
        proposal.organization_id
        and proposal.organization_id != previous_organization_id
        and not actor.has_perm("proposals.propose_for_organization", proposal.organization)
    ):
        add("organization", _("구성원인 단체의 이름으로만 제안할 수 있습니다."))
    if region is not None and topics:
        allowed = set(Topic.objects.active().for_region(region).values_list("pk", flat=True))
        if any(topic.pk not in allowed for topic in topics):
            add("topics", _("이 지역에서 쓰지 않는 주제가 있습니다."))
    if errors:
        raise ValidationError(errors)
    proposal.full_clean(
        exclude=[
            "author",
            "status",
            "department",
            "contact_person",
            "source_activity",
            "source_notice",
            "source_question",
            "organization",
            "region",
        ],
        validate_constraints=False,
    )


def _apply(proposal: Proposal, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(proposal, name, value.strip() if isinstance(value, str) else value)


def _save_attachments(proposal: Proposal, attachments: list[UploadedFile]) -> None:
    if not attachments:
        return
    if proposal.attachments.count() + len(attachments) > MAX_ATTACHMENTS:
        raise ValidationError(
            {
                "attachments": _("첨부 파일은 %(max)d개까지 올릴 수 있습니다.")
                % {"max": MAX_ATTACHMENTS}
            }
        )
    for upload in attachments:
        try:
            clean_attachment(upload)
        except ValidationError as error:
            raise ValidationError({"attachments": error.messages}) from error
    for upload in attachments:
        Attachment.objects.create(
            proposal=proposal,
            file=upload,
            name=os.path.basename(upload.name)[:200],
            size=upload.size or 0,
        )


def proposal_create(
    *,
    actor,
    fields: dict[str, Any],
    topics: list[Topic] | None = None,
    attachments: list[UploadedFile] | None = None,
) -> Proposal:
    _require(actor, "proposals.add_proposal", message=_("로그인한 회원만 제안할 수 있습니다."))
    topics = list(topics or [])
    proposal = Proposal(author=actor, status=Status.SUBMITTED)
    _apply(proposal, fields)
    _validate(actor=actor, proposal=proposal, topics=topics)
    with transaction.atomic():
        proposal.save()
        proposal.topics.set(topics)
        _save_attachments(proposal, list(attachments or []))
        _record_step(proposal, actor=actor, kind=Step.Kind.STATUS, organization=None)
        publish("proposal.submitted", proposal_id=proposal.pk)
    return proposal


def proposal_update(
    *,
    actor,
    proposal: Proposal,
    fields: dict[str, Any],
    topics: list[Topic] | None = None,
    attachments: list[UploadedFile] | None = None,
) -> Proposal:
    """The author edits while the proposal is still only submitted (region admins always)."""
    _require(actor, "proposals.change_proposal", proposal)
    if proposal.status != Status.SUBMITTED and not actor.has_perm(
        "proposals.change_policy", proposal.region.city
    ):
        raise ValidationError(_("검토가 시작된 제안은 고칠 수 없습니다. 댓글로 보태 주세요."))
    previous_organization_id = Proposal.objects.values_list("organization_id", flat=True).get(
        pk=proposal.pk
    )
    _apply(proposal, fields)
    topic_list = list(topics) if topics is not None else list(proposal.topics.all())
    _validate(
        actor=actor,
        proposal=proposal,
        topics=topic_list,
        previous_organization_id=previous_organization_id,
    )
    with transaction.atomic():
        proposal.save(update_fields=[*fields, "updated_at"])
        if topics is not None:
            proposal.topics.set(topics)
        _save_attachments(proposal, list(attachments or []))
    return proposal


def proposal_withdraw(*, actor, proposal: Proposal, reason: str = "") -> Step:
    return proposal_transition(
        actor=actor, proposal=proposal, to_status=Status.WITHDRAWN, reason=reason
    )


# --- Supports -----------------------------------------------------------------------------


def _reach_thresholds(proposal: Proposal, support_count: int) -> list[int]:
    """Records each level the count has newly reached (caller holds the lock)."""
    if proposal.status not in (Status.SUBMITTED, Status.UNDER_REVIEW, Status.ROUNDTABLE):
        return []
    policy = policy_for(proposal.region)
    reached = [
        (supports, label)
        for supports, label in policy.levels
        if proposal.threshold_reached < supports <= support_count
    ]
    if not reached:
        return []
    now = timezone.now()
    updates: dict[str, Any] = {"threshold_reached": reached[-1][0]}
    if proposal.threshold_reached_at is None:
        updates["threshold_reached_at"] = now
        updates["due_at"] = deadline_from(now, policy.answer_days)
    Proposal.objects.filter(pk=proposal.pk).update(**updates)
    for name, value in updates.items():
        setattr(proposal, name, value)
    for supports, label in reached:
        _record_step(proposal, actor=None, kind=Step.Kind.THRESHOLD, level=supports, reason=label)
        publish("proposal.threshold_reached", proposal_id=proposal.pk, level=supports)
    return [supports for supports, _label in reached]


def support_add(*, actor, proposal: Proposal) -> Support:
    """One 공감 per resident; never for one's own proposal; again after withdrawing."""
    _require(
        actor,
        "proposals.support_proposal",
        proposal,
        _("로그인한 뒤 공감할 수 있습니다. 자신의 제안에는 공감할 수 없습니다."),
    )
    if proposal.author_id == actor.pk:  # admins pass has_perm; the rule still holds for them
        raise PermissionDenied(_("자신의 제안에는 공감할 수 없습니다."))
    with transaction.atomic():
        locked = _lock(proposal)
        if locked.status == Status.WITHDRAWN:
            raise ValidationError(_("철회된 제안에는 공감할 수 없습니다."))
        support = Support.objects.filter(proposal=locked, user=actor).first()
        if support is not None and support.is_active:
            raise ValidationError(_("이미 공감한 제안입니다."))
        if support is None:
            support = Support.objects.create(proposal=locked, user=actor)
        else:
            support.withdrawn_at = None
            support.created_at = timezone.now()
            support.save(update_fields=["withdrawn_at", "created_at"])
        Proposal.objects.filter(pk=locked.pk).update(support_count=F("support_count") + 1)
        locked.support_count += 1
        _reach_thresholds(locked, locked.support_count)
        publish(events.SUPPORT_CHANGED, proposal_id=locked.pk)
    _copy_counters(locked, proposal)
    return support


def support_withdraw(*, actor, proposal: Proposal) -> Support:
    if actor is None or not actor.is_authenticated:
        raise PermissionDenied(_("로그인한 뒤 공감을 취소할 수 있습니다."))
    with transaction.atomic():
        locked = _lock(proposal)
        support = Support.objects.filter(
            proposal=locked, user=actor, withdrawn_at__isnull=True
        ).first()
        if support is None:
            raise ValidationError(_("공감한 적이 없는 제안입니다."))
        support.withdrawn_at = timezone.now()
        support.save(update_fields=["withdrawn_at"])
        Proposal.objects.filter(pk=locked.pk).update(support_count=F("support_count") - 1)
        locked.support_count -= 1
        publish(events.SUPPORT_CHANGED, proposal_id=locked.pk)
    _copy_counters(locked, proposal)
    return support


def _copy_counters(source: Proposal, target: Proposal) -> None:
    for name in ("support_count", "threshold_reached", "threshold_reached_at", "due_at", "status"):
        setattr(target, name, getattr(source, name))


# --- Comments -----------------------------------------------------------------------------


def comment_create(
    *, actor, proposal: Proposal, body: str, parent: Comment | None = None
) -> Comment:
    """A comment, or a reply; a reply to a reply joins the same thread."""
    _require(actor, "proposals.comment_proposal", proposal, _("로그인한 뒤 댓글을 쓸 수 있습니다."))
    body = _clean_text(body)
    if not body:
        raise ValidationError({"body": _("댓글 내용을 적어 주세요.")})
    if len(body) > 3000:
        raise ValidationError({"body": _("댓글은 3000자 이하로 적어 주세요.")})
    if proposal.status == Status.WITHDRAWN:
        raise ValidationError(_("철회된 제안에는 댓글을 쓸 수 없습니다."))
    if parent is not None:
        if parent.proposal_id != proposal.pk:
            raise ValidationError(_("다른 제안의 댓글에는 답글을 달 수 없습니다."))
        if parent.parent_id:
            parent = parent.parent
    with transaction.atomic():
        comment = Comment.objects.create(proposal=proposal, author=actor, body=body, parent=parent)
        Proposal.objects.filter(pk=proposal.pk).update(comment_count=F("comment_count") + 1)
        publish("proposal.commented", comment_id=comment.pk)
    return comment


# --- The city's side ----------------------------------------------------------------------


def departments_for(region: Region):
    city = region.city
    return Organization.objects.filter(
        kind=Organization.Kind.GOVERNMENT,
        is_active=True,
        region_id__in=city.family_ids(),
    ).order_by("name")


def proposal_assign(
    *, actor, proposal: Proposal, department: Organization, contact_person=None, reason: str = ""
) -> Step:
    """An official of the region names the responsible department (전담부서) and a contact."""
    _require(
        actor,
        "proposals.assign_department",
        proposal,
        _("이 지역의 공무원만 전담부서를 지정할 수 있습니다."),
    )
    errors: dict[str, str] = {}
    if department is None or not departments_for(proposal.region).filter(pk=department.pk).exists():
        errors["department"] = _("이 지역의 행정기관(부서)을 골라 주세요.")
    elif (
        contact_person is not None
        and not Membership.objects.filter(organization=department, user=contact_person).exists()
    ):
        errors["contact_person"] = _("담당자는 전담부서의 구성원이어야 합니다.")
    if errors:
        raise ValidationError(errors)
    reason = _clean_text(reason)
    with transaction.atomic():
        locked = _lock(proposal)
        if locked.status not in (Status.SUBMITTED, Status.UNDER_REVIEW, Status.ROUNDTABLE):
            raise ValidationError(_("답변이 끝났거나 철회된 제안의 부서는 바꿀 수 없습니다."))
        now = timezone.now()
        Proposal.objects.filter(pk=locked.pk).update(
            department=department, contact_person=contact_person, assigned_at=now
        )
        proposal.department, proposal.contact_person, proposal.assigned_at = (
            department,
            contact_person,
            now,
        )
        if locked.status == Status.SUBMITTED:
            return proposal_transition(
                actor=actor,
                proposal=proposal,
                to_status=Status.UNDER_REVIEW,
                reason=reason,
                organization=department,
            )
        return _record_step(
            proposal,
            actor=actor,
            kind=Step.Kind.ASSIGNMENT,
            reason=reason,
            from_status=locked.status,
            organization=department,
        )


def answer_create(
    *, actor, proposal: Proposal, decision: str, reasons: str, plan: str = ""
) -> Answer:
    """The department's official answer: accepted, partly or not accepted, with reasons."""
    _require(
        actor,
        "proposals.answer_proposal",
        proposal,
        _("전담부서의 구성원이나 지역 관리자만 답변할 수 있습니다."),
    )
    reasons, plan = _clean_text(reasons), _clean_text(plan)
    errors: dict[str, str] = {}
    if decision not in Answer.Decision.values:
        errors["decision"] = _("수용, 일부 수용, 불수용 가운데 하나를 골라 주세요.")
    if len(reasons) < 10:
        errors["reasons"] = _("답변의 이유를 10자 이상 적어 주세요.")
    elif len(reasons) > 5000:
        errors["reasons"] = _("이유는 5000자 이하로 적어 주세요.")
    if len(plan) > 5000:
        errors["plan"] = _("추진 계획은 5000자 이하로 적어 주세요.")
    if errors:
        raise ValidationError(errors)
    if not proposal.department_id:
        raise ValidationError(_("먼저 전담부서를 지정해야 답변할 수 있습니다."))
    target = Status.NOT_ACCEPTED if decision == Answer.Decision.NOT_ACCEPTED else Status.ANSWERED
    with transaction.atomic():
        proposal_transition(
            actor=actor,
            proposal=proposal,
            to_status=target,
            reason=reasons,
            organization=proposal.department,
        )
        now = timezone.now()
        answer = Answer.objects.create(
            proposal=proposal,
            decision=decision,
            reasons=reasons,
            plan=plan,
            department_id=proposal.department_id,
            author=actor,
            created_at=now,
        )
        Proposal.objects.filter(pk=proposal.pk).update(answered_at=now)
        proposal.answered_at = now
    return answer


def progress_post(*, actor, proposal: Proposal, body: str, done: bool = False) -> ProgressUpdate:
    """After an accepting answer, the department tells how it goes until it is done."""
    _require(
        actor,
        "proposals.post_progress",
        proposal,
        _("전담부서의 구성원이나 지역 관리자만 추진 상황을 올릴 수 있습니다."),
    )
    body = _clean_text(body)
    if not body:
        raise ValidationError({"body": _("추진 상황을 적어 주세요.")})
    if len(body) > 3000:
        raise ValidationError({"body": _("추진 상황은 3000자 이하로 적어 주세요.")})
    if proposal.status not in (Status.ANSWERED, Status.IN_PROGRESS):
        raise ValidationError(_("수용된 제안에만 추진 상황을 올릴 수 있습니다."))
    with transaction.atomic():
        update = ProgressUpdate.objects.create(proposal=proposal, body=body, author=actor)
        target = Status.DONE if done else Status.IN_PROGRESS
        if target != proposal.status:
            proposal_transition(
                actor=actor,
                proposal=proposal,
                to_status=target,
                reason=body,
                organization=proposal.department,
            )
        else:
            _record_step(
                proposal,
                actor=actor,
                kind=Step.Kind.PROGRESS,
                reason=body,
                from_status=proposal.status,
                organization=proposal.department,
            )
    return update


# --- Roundtables --------------------------------------------------------------------------

ROUNDTABLE_ACTIVITY_FIELDS = (
    "title",
    "description",
    "region",
    "place_name",
    "address",
    "latitude",
    "longitude",
    "starts_at",
    "ends_at",
    "capacity",
)


def roundtable_create(
    *, actor, activity_fields: dict[str, Any], proposals: list[Proposal], facilitator=None
) -> Roundtable:
    """A roundtable is an activity residents sign up for (made by the activities service, so
    capacity, the map and the calendar work) that takes up one or more proposals."""
    region = activity_fields.get("region")
    _require(
        actor,
        "proposals.add_roundtable",
        region,
        _("촉진자, 공무원, 지역 관리자만 원탁회의를 열 수 있습니다."),
    )
    unknown = set(activity_fields) - set(ROUNDTABLE_ACTIVITY_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if not proposals:
        raise ValidationError({"proposals": _("원탁회의에서 다룰 제안을 하나 이상 골라 주세요.")})
    family = set(region.city.family_ids())
    for proposal in proposals:
        if proposal.region_id not in family:
            raise ValidationError({"proposals": _("다른 지역의 제안은 다룰 수 없습니다.")})
        if proposal.status not in (Status.SUBMITTED, Status.UNDER_REVIEW, Status.ROUNDTABLE):
            raise ValidationError(
                {
                    "proposals": _("‘%(title)s’ 제안은 이미 답변을 받았거나 철회되었습니다.")
                    % {"title": proposal.title}
                }
            )
    facilitator = facilitator or actor
    with transaction.atomic():
        activity = activity_services.activity_create(
            actor=actor,
            fields={**activity_fields, "kind": "gathering", "requires_signup": True, "fee": 0},
        )
        roundtable = Roundtable.objects.create(activity=activity, facilitator=facilitator)
        for proposal in proposals:
            RoundtableItem.objects.create(roundtable=roundtable, proposal=proposal)
            if proposal.status != Status.ROUNDTABLE:
                proposal_transition(
                    actor=actor,
                    proposal=proposal,
                    to_status=Status.ROUNDTABLE,
                    reason=activity.title,
                )
    return roundtable


def roundtable_record(
    *, actor, roundtable: Roundtable, minutes: str, items: dict[int, dict[str, Any]]
) -> Roundtable:
    """The facilitator writes the minutes and, per proposal, the options and the outcome
    (optionally a show of hands: for, against, abstain)."""
    _require(
        actor,
        "proposals.record_minutes",
        roundtable,
        _("원탁회의 진행자만 회의록을 남길 수 있습니다."),
    )
    if not roundtable.activity.has_started:
        raise ValidationError(_("회의록은 원탁회의가 시작된 뒤에 남길 수 있습니다."))
    minutes = _clean_text(minutes)
    if not minutes:
        raise ValidationError({"minutes": _("회의록을 적어 주세요.")})
    if len(minutes) > 20000:
        raise ValidationError({"minutes": _("회의록은 20000자 이하로 적어 주세요.")})
    known = {item.pk: item for item in roundtable.items.all()}
    with transaction.atomic():
        for item_id, values in items.items():
            item = known.get(item_id)
            if item is None:
                raise ValidationError(_("이 원탁회의의 안건이 아닙니다."))
            for name in ("options", "outcome"):
                setattr(item, name, _clean_text(values.get(name)))
            for name in ("votes_for", "votes_against", "votes_abstain"):
                value = values.get(name)
                if value is not None and (not isinstance(value, int) or value < 0):
                    raise ValidationError({name: _("표 수는 0 이상의 숫자로 적어 주세요.")})
                setattr(item, name, value)
            item.full_clean(exclude=["roundtable", "proposal"])
            item.save()
        roundtable.minutes = minutes
        roundtable.minutes_recorded_at = timezone.now()
        roundtable.save(update_fields=["minutes", "minutes_recorded_at"])
    return roundtable
