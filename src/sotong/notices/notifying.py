"""What notices tell people, through the notifications app: a new notice to those following
its region (or city), and the department's answer to the resident who asked.
Imported from NoticesConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from sotong.core.events import subscribe
from sotong.interests.selectors import follower_ids_for
from sotong.notices.models import Notice, NoticeQuestion
from sotong.notifications.registry import Kind, register_audience, register_kind
from sotong.notifications.services import notify

NEW_NOTICE = register_kind(
    Kind(
        key="notices.new",
        label=_("관심 지역의 새 공지·공청회"),
        message=_("{department}에서 새 {kind}를 올렸습니다: ‘{title}’"),
        default_delivery="immediate",
        order=40,
    )
)
ANSWERED = register_kind(
    Kind(
        key="notices.answered",
        label=_("공지에 남긴 내 질문의 답변"),
        message=_("‘{title}’에 남긴 질문에 {department}이(가) 답했습니다."),
        default_delivery="immediate",
        order=41,
    )
)


@register_audience("notices.region_followers")
def region_followers(notice_id: int):
    notice = Notice.objects.filter(pk=notice_id).values("region_id", "author_id").first()
    if notice is None:
        return []
    return follower_ids_for(region_id=notice["region_id"], exclude_ids=[notice["author_id"]])


def on_published(notice_id: int) -> None:
    notice = Notice.objects.select_related("department").filter(pk=notice_id).first()
    if notice is None:
        return
    notify(
        kind=NEW_NOTICE.key,
        event_key=f"notice-published:{notice.pk}",
        audience="notices.region_followers",
        audience_args=[notice.pk],
        params={
            "title": notice.title,
            "kind": str(notice.get_kind_display()),
            "department": notice.department.name,
        },
        url=notice.get_absolute_url(),
        actor_id=notice.author_id,
    )


def on_question_answered(question_id: int) -> None:
    question = (
        NoticeQuestion.objects.select_related("notice__department").filter(pk=question_id).first()
    )
    if question is None or not question.is_answered:
        return
    notify(
        kind=ANSWERED.key,
        event_key=f"notice-question-answered:{question.pk}",
        recipients=[question.author_id],
        params={"title": question.notice.title, "department": question.notice.department.name},
        url=question.get_absolute_url(),
        actor_id=question.answered_by_id,
    )


def connect() -> None:
    subscribe("notice.published", on_published)
    subscribe("notice.question_answered", on_question_answered)
