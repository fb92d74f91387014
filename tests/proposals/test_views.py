"""The pages as a visitor sees them: literal URLs, Korean text, forms that keep what was typed."""

import pytest

from sotong.proposals import services
from sotong.proposals.models import Proposal, Status, Support

pytestmark = pytest.mark.django_db


def test_the_list_shows_public_proposals_with_their_support_count(client, proposal):
    response = client.get("/proposals/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "향교동 놀이터에 그늘막을 설치해 주세요" in page
    assert "공감 0명" in page


def test_a_withdrawn_proposal_leaves_the_list(client, proposal, resident):
    services.proposal_withdraw(actor=resident, proposal=proposal)
    assert "향교동 놀이터에" not in client.get("/proposals/").content.decode()


def test_the_list_filters_by_status_and_supports(client, proposal, city, resident):
    other = services.proposal_create(
        actor=resident,
        fields={
            "region": city,
            "title": "시내버스 배차 간격을 줄여 주세요",
            "problem": "…",
            "idea": "…",
        },
    )
    Proposal.objects.filter(pk=other.pk).update(status=Status.UNDER_REVIEW, support_count=60)
    page = client.get("/proposals/?status=under_review").content.decode()
    assert "시내버스 배차" in page and "향교동 놀이터에" not in page
    page = client.get("/proposals/?min_supports=50").content.decode()
    assert "시내버스 배차" in page and "향교동 놀이터에" not in page


def test_a_bad_filter_says_so_in_korean_and_still_lists(client, proposal):
    response = client.get("/proposals/?status=nonsense&min_supports=abc")
    assert response.status_code == 200
    page = response.content.decode()
    assert "목록에서 골라 주세요." in page
    assert "공감 수는 숫자로 적어 주세요." in page


def test_keyset_pages_walk_every_proposal_once(client, city, resident):
    for n in range(25):
        services.proposal_create(
            actor=resident,
            fields={
                "region": city,
                "title": f"제안 번호 {n:02d}",
                "problem": "문제",
                "idea": "생각",
            },
        )
    first = client.get("/proposals/").content.decode()
    assert "제안 번호 24" in first and "제안 번호 04" not in first
    assert "다음 제안 보기" in first
    last_id = Proposal.objects.order_by("-created_at", "-pk")[19].pk
    second = client.get(f"/proposals/?after={last_id}").content.decode()
    assert "제안 번호 04" in second and "제안 번호 00" in second and "제안 번호 24" not in second


def test_the_map_lists_proposals_with_a_place(client, proposal, city, resident):
    services.proposal_create(
        actor=resident,
        fields={
            "region": city,
            "title": "요천 둑길에 가로등을",
            "problem": "밤에 어둡습니다.",
            "idea": "가로등을 세워 주세요.",
            "place_name": "요천 둑길",
            "latitude": 35.41,
            "longitude": 127.39,
        },
    )
    page = client.get("/proposals/map/").content.decode()
    assert "요천 둑길에 가로등을" in page
    assert "향교동 놀이터에" not in page.split('id="map-list-heading"')[1]


def test_the_detail_shows_the_timeline_and_a_support_button(client, proposal):
    page = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert "진행 과정" in page
    assert "지민" in page
    assert "공감하기" in page
    assert "공감 50명에 이르면 그날부터 30일 안에 답변합니다." in page


def test_an_unknown_proposal_is_404(client, db):
    assert client.get("/proposals/999999/").status_code == 404


def test_proposing_needs_login(client, db):
    response = client.get("/proposals/new/")
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_resident_proposes_and_lands_on_the_proposal(client_for, resident, city, topics):
    client = client_for(resident)
    response = client.post(
        "/proposals/new/",
        {
            "region": city.pk,
            "title": "작은 도서관에 청소년 공부방을",
            "problem": "시험 기간에 공부할 곳이 없습니다.",
            "idea": "작은 도서관 2층을 저녁에 청소년에게 열어 주세요.",
        },
    )
    proposal = Proposal.objects.get(title="작은 도서관에 청소년 공부방을")
    assert response.status_code == 302 and response.url == f"/proposals/{proposal.pk}/"
    assert proposal.author == resident and proposal.status == Status.SUBMITTED


def test_missing_fields_are_named_in_korean_and_what_was_typed_stays(client_for, resident, city):
    client = client_for(resident)
    response = client.post("/proposals/new/", {"region": city.pk, "title": "제목만 적었습니다"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "어떤 문제인지 적어 주세요." in page
    assert "무엇을 제안하는지 적어 주세요." in page
    assert 'value="제목만 적었습니다"' in page


def test_a_place_outside_the_region_is_refused_beside_the_field(client_for, resident, city):
    response = client_for(resident).post(
        "/proposals/new/",
        {
            "region": city.pk,
            "title": "서울에 있는 장소",
            "problem": "문제",
            "idea": "생각",
            "latitude": "37.56",
            "longitude": "126.97",
        },
    )
    assert response.status_code == 400
    assert "위치가 고른 지역" in response.content.decode()


def test_a_bad_attachment_is_refused_in_korean(client_for, resident, city):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(resident).post(
        "/proposals/new/",
        {
            "region": city.pk,
            "title": "첨부가 이상한 제안",
            "problem": "문제",
            "idea": "생각",
            "attachments": SimpleUploadedFile("virus.exe", b"MZ...", "application/octet-stream"),
        },
    )
    assert response.status_code == 400
    assert "첨부할 수 있는 파일은" in response.content.decode()
    assert not Proposal.objects.filter(title="첨부가 이상한 제안").exists()


def test_a_pdf_attachment_is_kept_and_listed(client_for, client, resident, city):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client_for(resident).post(
        "/proposals/new/",
        {
            "region": city.pk,
            "title": "자료가 있는 제안",
            "problem": "문제",
            "idea": "생각",
            "attachments": SimpleUploadedFile("조사.pdf", b"%PDF-1.4 ...", "application/pdf"),
        },
    )
    proposal = Proposal.objects.get(title="자료가 있는 제안")
    assert "조사.pdf" in client.get(f"/proposals/{proposal.pk}/").content.decode()


def test_prefill_from_a_question_keeps_the_link(client_for, resident, city):
    from sotong.questions.models import Question

    question = Question.objects.create(
        title="우리 동네 놀이터는 누가 관리하나요?",
        body="고장 난 그네를 어디에 알려야 하나요?",
        region=city,
        author=resident,
    )
    client = client_for(resident)
    page = client.get(f"/proposals/new/?question={question.pk}").content.decode()
    assert "우리 동네 놀이터는 누가 관리하나요?" in page
    client.post(
        f"/proposals/new/?question={question.pk}",
        {
            "region": city.pk,
            "title": "놀이터 관리 창구를 하나로",
            "problem": "문제",
            "idea": "생각",
        },
    )
    proposal = Proposal.objects.get(title="놀이터 관리 창구를 하나로")
    assert proposal.source_question == question
    assert question.proposals.get() == proposal


def test_support_and_withdraw_with_plain_forms(client_for, proposal, second_resident):
    client = client_for(second_resident)
    response = client.post(f"/proposals/{proposal.pk}/support/")
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.support_count == 1
    assert "공감 취소하기" in client.get(f"/proposals/{proposal.pk}/").content.decode()
    client.post(f"/proposals/{proposal.pk}/support/", {"action": "withdraw"})
    proposal.refresh_from_db()
    assert proposal.support_count == 0
    assert Support.objects.get(proposal=proposal, user=second_resident).withdrawn_at is not None


def test_supporting_twice_counts_once_and_says_why(client_for, proposal, second_resident):
    client = client_for(second_resident)
    client.post(f"/proposals/{proposal.pk}/support/")
    response = client.post(f"/proposals/{proposal.pk}/support/", follow=True)
    assert "이미 공감한 제안입니다." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.support_count == 1


def test_the_author_cannot_support_their_own(client_for, proposal, resident):
    response = client_for(resident).post(f"/proposals/{proposal.pk}/support/", follow=True)
    assert "자신의 제안에는 공감할 수 없습니다" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.support_count == 0


def test_anonymous_support_goes_to_login(client, proposal):
    response = client.post(f"/proposals/{proposal.pk}/support/")
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_comments_and_replies_thread(client_for, client, proposal, second_resident, resident):
    client_for(second_resident).post(
        f"/proposals/{proposal.pk}/comment/", {"body": "저희 아이도 여름에 못 놀아요."}
    )
    top = proposal.comments.get()
    client_for(resident).post(
        f"/proposals/{proposal.pk}/comment/", {"body": "고맙습니다!", "parent": top.pk}
    )
    reply = proposal.comments.get(parent=top)
    assert reply.body == "고맙습니다!"
    page = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert page.index("저희 아이도") < page.index("고맙습니다!")
    assert "댓글 2개" in page


def test_an_empty_comment_is_refused_in_korean(client_for, proposal, second_resident):
    response = client_for(second_resident).post(f"/proposals/{proposal.pk}/comment/", {"body": ""})
    assert response.status_code == 400
    assert "댓글 내용을 적어 주세요." in response.content.decode()


def test_figures_page_is_public_with_a_chart_and_a_table(client, proposal, city):
    response = client.get(f"/proposals/regions/{city.slug}/figures/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "제출된 제안" in page and "<svg" not in page or "<table" in page
    assert "<table" in page
