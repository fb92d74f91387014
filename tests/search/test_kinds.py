"""Every kind of content is found once its app's service has saved it (the index follows on
commit), and what may not be seen is not found, per role."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from sotong.archive import services as archive_services
from sotong.notices import services as notice_services
from sotong.proposals import services as proposal_services
from sotong.proposals.models import Answer, Proposal
from sotong.questions import services as question_services
from sotong.search.models import SearchDocument
from tests.conftest import ROLES
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.notices.factories import NoticeFactory
from tests.proposals.factories import ProposalFactory
from tests.search.conftest import rebuild_index

pytestmark = pytest.mark.django_db


def results_of(client, query: str, **params) -> str:
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    html = response.content.decode()
    return html.split('id="results-heading"')[1].replace("<mark>", "").replace("</mark>", "")


def test_a_published_notice_is_found_by_its_words_and_its_kind(
    client, city, department, official, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notice = notice_services.notice_create(
            actor=official,
            fields={
                "kind": "hearing",
                "title": "요천 산책로 정비 공청회",
                "body": "**산책로 조명**을 바꾸는 계획을 설명하고 의견을 듣습니다.",
                "region": city,
                "department": department,
                "place_name": "남원시청 대회의실",
                "starts_at": timezone.now() + timedelta(days=7),
            },
        )
    found = results_of(client, "조명을 바꿔요")  # inflected, from the Markdown body
    assert notice.get_absolute_url() in found
    assert "**" not in found  # the snippet is the text a reader sees, not its markup
    assert notice.get_absolute_url() in results_of(client, "공청회", kind="notice")
    assert "공지·공청회" in found
    with django_capture_on_commit_callbacks(execute=True):
        notice_services.notice_update(actor=official, notice=notice, fields={"title": "요천 정비"})
    assert "요천 정비</a>" in results_of(client, "요천", kind="notice")


def test_a_notice_is_found_by_the_questions_under_it_and_their_answers(
    client, city, department, official, resident, django_capture_on_commit_callbacks
):
    notice = NoticeFactory(
        region=city, department=department, title="요천 어린이공원 이름 바꾸기 공청회"
    )
    rebuild_index()
    assert notice.get_absolute_url() not in results_of(client, "표지판")
    with django_capture_on_commit_callbacks(execute=True):
        question = notice_services.question_ask(
            actor=resident, notice=notice, body="공원 입구의 표지판도 새로 바뀌나요?"
        )
    found = results_of(client, "표지판을", kind="notice")  # anyone: the page shows it to all
    assert notice.get_absolute_url() in found
    assert "입구의 표지판도 새로 바뀌나요?" in found  # the snippet shows the question
    assert notice.get_absolute_url() not in results_of(client, "안내판")
    with django_capture_on_commit_callbacks(execute=True):
        notice_services.question_answer(
            actor=official, question=question, answer="내년 봄에 안내판과 함께 교체합니다."
        )
    assert notice.get_absolute_url() in results_of(client, "안내판")
    assert notice.get_absolute_url() not in results_of(client, "지민")  # who asked: not indexed
    document = SearchDocument.objects.get(kind="notice", object_id=notice.pk)
    assert document.popularity == 1  # its question count
    rebuild_index()  # the rebuild reads the questions too
    assert notice.get_absolute_url() in results_of(client, "안내판")


def test_a_library_question_is_found_by_its_answers_words(
    client, city, resident, second_resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        question = question_services.question_ask(
            actor=resident, title="미끄럼틀이 망가지면 어디에 알리나요?", region=city
        )
    assert question.get_absolute_url() in results_of(client, "미끄럼틀")
    assert question.get_absolute_url() not in results_of(client, "공원녹지과")
    with django_capture_on_commit_callbacks(execute=True):
        question_services.answer_post(
            actor=second_resident, question=question, body="시청 공원녹지과에 전화하면 고쳐 줍니다."
        )
    found = results_of(client, "공원녹지과", kind="question")
    assert question.get_absolute_url() in found
    assert "질문" in found


def test_a_proposal_is_found_with_its_official_answer_and_leaves_when_withdrawn(
    client, city, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        proposal = proposal_services.proposal_create(
            actor=resident,
            fields={
                "region": city,
                "title": "통학로에 횡단보도를 놓아 주세요",
                "problem": "아이들이 차도를 건너 학교에 갑니다.",
                "idea": "초등학교 앞에 신호등과 횡단보도를 설치해 주세요.",
            },
        )
    assert proposal.get_absolute_url() in results_of(client, "횡단보도를", kind="proposal")
    assert proposal.get_absolute_url() in results_of(client, "신호등")
    with django_capture_on_commit_callbacks(execute=True):
        proposal_services.proposal_withdraw(actor=resident, proposal=proposal, reason="해결됨")
    assert proposal.get_absolute_url() not in results_of(client, "횡단보도")
    assert not SearchDocument.objects.filter(kind="proposal", object_id=proposal.pk).exists()


def test_a_proposal_is_found_by_its_answer(client, city, department, official):
    proposal = ProposalFactory(region=city, title="마을버스 배차 간격", department=department)
    Answer.objects.create(
        proposal=proposal,
        decision="accepted",
        reasons="내년 상반기에 증차하겠습니다.",
        department=department,
        author=official,
    )
    rebuild_index()
    assert proposal.get_absolute_url() in results_of(client, "증차")


def test_supports_change_the_popularity_that_breaks_a_ranking_tie_without_reindexing(
    client, city, resident, django_capture_on_commit_callbacks
):
    first = ProposalFactory(region=city, title="공원 벤치를 늘려 주세요")
    second = ProposalFactory(region=city, title="공원 벤치를 고쳐 주세요")
    Proposal.objects.filter(pk__in=[first.pk, second.pk]).update(created_at=timezone.now())
    rebuild_index()

    def ranking() -> list[str]:
        found = results_of(client, "벤치")
        urls = [proposal.get_absolute_url() for proposal in (first, second)]
        return sorted(urls, key=found.index)

    assert ranking() == [second.get_absolute_url(), first.get_absolute_url()]  # a tie
    indexed = SearchDocument.objects.get(kind="proposal", object_id=first.pk)
    with django_capture_on_commit_callbacks(execute=True):
        proposal_services.support_add(actor=resident, proposal=first)
    assert ranking() == [first.get_absolute_url(), second.get_absolute_url()]
    after = SearchDocument.objects.get(kind="proposal", object_id=first.pk)
    assert after.popularity == 1
    assert (after.indexed_at, after.body_terms) == (indexed.indexed_at, indexed.body_terms)
    with django_capture_on_commit_callbacks(execute=True):
        proposal_services.support_withdraw(actor=resident, proposal=first)
    assert ranking() == [second.get_absolute_url(), first.get_absolute_url()]
    assert SearchDocument.objects.get(kind="proposal", object_id=first.pk).popularity == 0


def test_helpful_votes_change_a_questions_popularity_without_reindexing(
    client, city, resident, django_capture_on_commit_callbacks
):
    asker, helper = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        question = question_services.question_ask(
            actor=asker, title="복지관 셔틀버스 시간표는 어디서 보나요?", region=city
        )
        answer = question_services.answer_post(
            actor=helper, question=question, body="복지관 누리집 공지에 있어요."
        )
    indexed = SearchDocument.objects.get(kind="question", object_id=question.pk)
    assert indexed.popularity == 1  # its answer
    with django_capture_on_commit_callbacks(execute=True):
        question_services.vote_helpful(actor=resident, answer=answer)
    after = SearchDocument.objects.get(kind="question", object_id=question.pk)
    assert after.popularity == 2
    assert (after.indexed_at, after.body_terms) == (indexed.indexed_at, indexed.body_terms)
    with django_capture_on_commit_callbacks(execute=True):
        question_services.withdraw_helpful(actor=resident, answer=answer)
    assert SearchDocument.objects.get(kind="question", object_id=question.pk).popularity == 1


def test_the_full_text_index_follows_terms_not_popularity_updates(client, city):
    from django.db import connection

    from sotong.search import services

    proposal = ProposalFactory(region=city, title="마을버스 정류장 지붕")
    rebuild_index()
    assert services.set_popularity("proposal", proposal.pk, 7) == 1
    assert proposal.get_absolute_url() in results_of(client, "지붕")
    Proposal.objects.filter(pk=proposal.pk).update(title="마을버스 정류장 의자")
    services.reindex("proposal", proposal.pk)  # the terms change: the FTS row follows
    assert proposal.get_absolute_url() not in results_of(client, "지붕")
    assert proposal.get_absolute_url() in results_of(client, "의자")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # raises if FTS5 and its table disagree
            cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")


def test_a_meeting_record_and_a_document_are_found(
    client, city, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record = archive_services.record_create(
            actor=resident,
            fields={
                "title": "지역 서점 활성화 대화모임",
                "held_on": date(2019, 6, 12),
                "place": "남원 책방",
                "participants_count": 14,
                "summary": "동네 책방을 살리려면 주민이 모이는 자리가 필요하다고 이야기했습니다.",
                "region": city,
            },
        )
        document = archive_services.document_create(
            actor=resident,
            fields={
                "title": "놀이환경 실태 조사 보고서",
                "issued_on": date(2020, 3, 2),
                "summary": "Playground survey: 놀이터 54곳의 그늘과 안전을 조사했습니다.",
                "region": city,
            },
        )
    found = results_of(client, "서점을", kind="record")
    assert record.get_absolute_url() in found
    assert "대화모임 기록" in found
    assert "2019. 6. 12." in found
    assert document.get_absolute_url() in results_of(client, "playground", kind="document")
    assert document.get_absolute_url() in results_of(client, "조사", year=2020)


# Who may view an archive draft (archive/rules.py) finds it in search, and nobody else.
DRAFT_FINDERS = {"author", "org_admin", "region_admin", "admin"}


@pytest.fixture
def archive_roles(user_for_role, organization):
    """role -> user: the cast, plus a member of the organisation who writes the draft and the
    admin of another organisation."""
    author = UserFactory(nickname="기록자")
    MembershipFactory(organization=organization, user=author)
    other_admin = UserFactory(nickname="다른단체관리자")
    MembershipFactory(organization=OrganizationFactory(), user=other_admin, role="admin")
    extra = {"author": author, "other_org_admin": other_admin}
    return lambda role: extra[role] if role in extra else user_for_role(role)


@pytest.mark.parametrize("kind", ["record", "document"])
@pytest.mark.parametrize("role", [*ROLES, "other_org_admin", "author"])
def test_an_archive_draft_is_found_by_those_who_may_view_it(
    kind,
    role,
    archive_roles,
    client_for,
    neighbourhood,
    organization,
    django_capture_on_commit_callbacks,
):
    author = archive_roles("author")
    fields = {
        "title": "비공개 주차 문제 모임",
        "summary": "대학 안 주차 문제를 정리 중입니다.",
        "region": neighbourhood,  # the region admin runs the city above it
        "host_organization": organization,
        "visibility": "draft",
    }
    with django_capture_on_commit_callbacks(execute=True):
        if kind == "record":
            fields.update(held_on=date(2026, 10, 3), participants_count=5)
            item = archive_services.record_create(actor=author, fields=fields)
        else:
            fields.update(issued_on=date(2026, 10, 3))
            item = archive_services.document_create(actor=author, fields=fields)
    user = archive_roles(role)
    client = client_for(user)
    may_view = user is not None and user.has_perm("archive.view_item", item)
    assert may_view is (role in DRAFT_FINDERS)  # the rule, as the archive pages apply it
    assert (item.get_absolute_url() in results_of(client, "주차문제")) is may_view
    api = client.get("/api/v1/search", {"q": "주차"}).content.decode()
    assert ("비공개 주차 문제 모임" in api) is may_view
    with django_capture_on_commit_callbacks(execute=True):  # published: everyone finds it
        if kind == "record":
            archive_services.record_update(
                actor=author, record=item, fields={"visibility": "published"}
            )
        else:
            archive_services.document_update(
                actor=author, document=item, fields={"visibility": "published"}
            )
    assert item.get_absolute_url() in results_of(client, "주차문제")


@pytest.mark.parametrize("role", ROLES)
def test_a_withdrawn_proposal_is_found_by_nobody(role, user_for_role, client_for, city, resident):
    ProposalFactory(region=city, author=resident, title="철회한 벤치 제안", status="withdrawn")
    kept = ProposalFactory(region=city, author=resident, title="남은 벤치 제안")
    rebuild_index()
    found = results_of(client_for(user_for_role(role)), "벤치")
    assert "철회한 벤치 제안" not in found
    assert kept.get_absolute_url() in found


def test_publishing_a_draft_record_makes_it_public(
    client, city, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record = archive_services.record_create(
            actor=resident,
            fields={
                "title": "가족 관계 대화모임",
                "held_on": date(2026, 9, 1),
                "participants_count": 8,
                "summary": "세대 사이 대화를 나눴습니다.",
                "region": city,
                "visibility": "draft",
            },
        )
    assert record.get_absolute_url() not in results_of(client, "가족")
    with django_capture_on_commit_callbacks(execute=True):
        archive_services.record_update(
            actor=resident, record=record, fields={"visibility": "published"}
        )
    assert record.get_absolute_url() in results_of(client, "가족")


def test_notices_are_indexed_by_the_rebuild(client, city):
    notice = NoticeFactory(region=city, title="버스 노선 개편 설명회", kind="briefing")
    rebuild_index()
    assert notice.get_absolute_url() in results_of(client, "노선")
