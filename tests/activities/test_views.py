"""Posting, previewing, joining and reviewing through the pages, and what bad input gets."""

import re
from datetime import timedelta
from io import BytesIO

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from sotong.activities.models import Activity, Review, Rsvp
from sotong.activities.services import rsvp_create
from tests.activities.factories import ActivityFactory, ReviewFactory
from tests.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def form_data(city, **overrides):
    day = timezone.localdate() + timedelta(days=5)
    data = {
        "kind": "class",
        "title": "어르신 스마트폰 교실",
        "description": "카카오톡 사진 보내기를 함께 배워요.\n돋보기 챙겨 오세요.",
        "audience": ["seniors"],
        "region": city.pk,
        "place_name": "동충동 주민센터 2층",
        "address": "남원시 동충동",
        "latitude": "35.41",
        "longitude": "127.38",
        "starts_at": f"{day.isoformat()}T14:00",
        "ends_at": f"{day.isoformat()}T16:00",
        "requires_signup": "on",
        "capacity": "12",
        "fee": "0",
        "host_contact": "오픈채팅 sotong-class",
        "action": "publish",
    }
    data.update(overrides)
    return data


def jpeg(name="photo.jpg", size=(400, 300)) -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", size, "orange").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


# --- posting ------------------------------------------------------------------------------


def test_resident_posts_an_activity_and_sees_it(client_for, resident, city, topics):
    client = client_for(resident)
    response = client.post("/activities/new/", form_data(city, topics=[topics[0].pk]))

    activity = Activity.objects.get()
    assert response["Location"] == f"/activities/{activity.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "어르신 스마트폰 교실" in page
    assert "활동을 올렸습니다." in page
    assert re.search(r"카카오톡 사진 보내기를 함께 배워요\.<br>\s*돋보기 챙겨 오세요\.", page)
    assert "12자리 남음" in page
    assert "어르신" in page
    assert list(activity.topics.all()) == [topics[0]]


def test_new_activity_form_is_in_korean(client_for, resident, city):
    page = client_for(resident).get("/activities/new/").content.decode()

    for label in ("종류", "제목", "정원", "반복 종료일", "주최자 연락처", "임시 저장", "미리보기"):
        assert label in page


def test_preview_shows_the_activity_without_saving(client_for, resident, city):
    response = client_for(resident).post("/activities/new/", form_data(city, action="preview"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "미리보기" in page and "아직 저장하지 않았습니다." in page
    assert page.count("어르신 스마트폰 교실") >= 2  # in the preview and kept in the form
    assert not Activity.objects.exists()


def test_save_as_draft_then_publish(client_for, resident, second_resident, city):
    client = client_for(resident)
    client.post("/activities/new/", form_data(city, action="draft"))
    draft = Activity.objects.get()

    assert draft.status == Activity.Status.DRAFT
    assert "임시 저장된 활동입니다." in client.get(f"/activities/{draft.pk}/").content.decode()
    assert client_for(second_resident).get(f"/activities/{draft.pk}/").status_code == 404
    assert "스마트폰" not in client.get("/activities/").content.decode()

    client.post(f"/activities/{draft.pk}/publish/")

    assert client_for(second_resident).get(f"/activities/{draft.pk}/").status_code == 200
    assert "스마트폰" in client.get("/activities/").content.decode()


def test_weekly_series_from_the_form(client_for, resident, city):
    day = timezone.localdate() + timedelta(days=5)
    skip = day + timedelta(weeks=1)
    client = client_for(resident)
    response = client.post(
        "/activities/new/",
        form_data(
            city,
            repeat="weekly",
            repeat_until=(day + timedelta(weeks=3)).isoformat(),
            repeat_exceptions=skip.isoformat(),
        ),
    )

    assert response.status_code == 302
    assert Activity.objects.count() == 3
    page = client.get(response["Location"]).content.decode()
    assert "정규 활동 3회를 올렸습니다." in page
    assert "다른 날짜" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ends_at": "2020-01-01T10:00", "starts_at": "2020-01-01T12:00"}, "시간보다 뒤여야"),
        ({"capacity": "0"}, "정원은 1명 이상이어야 합니다."),
        ({"capacity": "-3"}, "정원은 1명 이상이어야 합니다."),
        ({"capacity": "열 명"}, "정원은 숫자로 적어 주세요."),
        ({"latitude": "51.5", "longitude": "-0.12"}, "위치가 한국 밖입니다."),
        ({"latitude": "37.5665", "longitude": "126.978"}, "고른 지역(남원시) 밖입니다."),
        ({"fee": "-100"}, "참가비는 0원 이상이어야 합니다."),
        ({"title": "가" * 121}, "제목은 120자까지"),
        ({"title": "   "}, "필수 항목입니다."),
        ({"starts_at": "내일 오후"}, "형식으로 적어 주세요."),
        ({"region": "999999"}, "알 수 없는 지역입니다."),
        ({"kind": "party"}, "알 수 없는 종류입니다."),
        ({"audience": ["aliens"]}, "알 수 없는 대상입니다."),
        ({"external_url": "javascript:alert(1)"}, "http:// 또는 https://"),
        ({"repeat": "weekly"}, "반복 종료일을 정해 주세요."),
        ({"repeat": "daily", "repeat_until": "2030-01-01"}, "반복 방식을 목록에서 골라 주세요."),
        ({"repeat": "weekly", "repeat_until": "2099-12-31"}, "100회까지"),
        (
            {"repeat": "weekly", "repeat_until": "2030-01-01", "repeat_exceptions": "어제"},
            "날짜가 아닙니다",
        ),
        ({"place_name": ""}, "장소 이름을 적거나 온라인"),
        ({"host_organization": "424242"}, "구성원인 단체만"),
    ],
)
def test_bad_input_gets_a_korean_message_and_keeps_what_was_typed(
    client_for, resident, city, overrides, message
):
    response = client_for(resident).post("/activities/new/", form_data(city, **overrides))

    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert "동충동 주민센터 2층" in page or overrides.get("place_name") == ""
    assert "카카오톡 사진 보내기를 함께 배워요." in page
    assert not Activity.objects.exists()


def test_posting_for_someone_elses_organisation_is_refused(
    client_for, resident, city, organization
):
    response = client_for(resident).post(
        "/activities/new/", form_data(city, host_organization=organization.pk)
    )

    assert response.status_code == 400
    assert "구성원인 단체만" in response.content.decode()
    assert not Activity.objects.exists()


def test_a_non_image_upload_is_refused_in_korean(client_for, resident, city):
    fake = SimpleUploadedFile("poster.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")

    response = client_for(resident).post("/activities/new/", {**form_data(city), "image": fake})

    assert response.status_code == 400
    assert "사진 파일을 읽을 수 없습니다." in response.content.decode()
    assert not Activity.objects.exists()


def test_an_oversized_upload_is_refused_in_korean(client_for, resident, city, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 1024
    response = client_for(resident).post(
        "/activities/new/", {**form_data(city), "image": jpeg(size=(1200, 900))}
    )

    assert response.status_code == 400
    assert "이하만 올릴 수 있습니다." in response.content.decode()


def test_a_photo_is_stored_without_exif(client_for, resident, city):
    response = client_for(resident).post(
        "/activities/new/", {**form_data(city), "image": jpeg(size=(3000, 2000))}
    )

    activity = Activity.objects.get()
    assert response.status_code == 302
    with Image.open(activity.image.path) as stored:
        assert max(stored.size) <= 1600
        assert not stored.getexif()


def test_script_in_text_is_shown_as_text(client_for, resident, city, second_resident):
    client_for(resident).post(
        "/activities/new/",
        form_data(
            city,
            title="<script>alert('x')</script> 모임",
            description="<img src=x onerror=alert(1)> 설명",
        ),
    )
    activity = Activity.objects.get()

    for page in (
        client_for(second_resident).get(f"/activities/{activity.pk}/").content.decode(),
        client_for(second_resident).get("/activities/").content.decode(),
    ):
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; 모임" in page
    assert "<img src=x" not in page


# --- editing ------------------------------------------------------------------------------


def test_edit_form_is_filled_and_saves(client_for, resident, activity, city):
    client = client_for(resident)
    page = client.get(f"/activities/{activity.pk}/edit/").content.decode()
    assert "요천 둑길 걷기 모임" in page
    assert "반복 종료일" not in page  # one occurrence is edited at a time

    response = client.post(
        f"/activities/{activity.pk}/edit/", form_data(city, title="요천 둑길 걷기 (새 시간)")
    )

    activity.refresh_from_db()
    assert response.status_code == 302
    assert activity.title == "요천 둑길 걷기 (새 시간)"


def test_lowering_capacity_below_confirmed_people_is_explained(
    client_for, resident, activity, city
):
    for _ in range(3):
        rsvp_create(actor=UserFactory(), activity=activity)

    response = client_for(resident).post(
        f"/activities/{activity.pk}/edit/", form_data(city, capacity="2", action="save")
    )

    assert response.status_code == 400
    assert "이미 3명이 참가 확정되어" in response.content.decode()
    activity.refresh_from_db()
    assert activity.capacity == 10


def test_cancelled_activity_tells_visitors_and_participants(
    client_for, resident, second_resident, activity
):
    rsvp_create(actor=second_resident, activity=activity)
    client_for(resident).post(f"/activities/{activity.pk}/cancel/", {"reason": "태풍 예보"})

    page = client_for(second_resident).get(f"/activities/{activity.pk}/").content.decode()
    assert "이 활동은 취소되었습니다." in page
    assert "태풍 예보" in page
    assert client_for(resident).get(f"/activities/{activity.pk}/edit/").status_code == 302


def test_cancel_reason_too_long_is_refused(client_for, resident, activity):
    response = client_for(resident).post(
        f"/activities/{activity.pk}/cancel/", {"reason": "가" * 501}
    )

    assert response.status_code == 400
    assert "500자까지" in response.content.decode()
    activity.refresh_from_db()
    assert activity.status == Activity.Status.PUBLISHED


# --- joining ------------------------------------------------------------------------------


def test_join_full_activity_puts_you_on_the_waiting_list(client_for, activity, second_resident):
    activity.capacity = 1
    activity.save()
    rsvp_create(actor=UserFactory(), activity=activity)
    client = client_for(second_resident)

    assert "대기자로 신청하기" in client.get(f"/activities/{activity.pk}/").content.decode()
    page = client.post(f"/activities/{activity.pk}/rsvp/", follow=True).content.decode()

    assert "대기자 1번으로 신청했습니다." in page
    assert "대기 1번입니다." in page
    assert "신청 취소하기" in page


def test_a_visitor_gets_a_log_in_link_instead_of_the_sign_up_form(client, activity):
    page = client.get(f"/activities/{activity.pk}/").content.decode()

    join = page.split('id="join-heading"')[1].split("</section>")[0]
    link = f'href="/accounts/login/?next=/activities/{activity.pk}/"'
    assert link in join and "로그인하고 신청하기</a>" in join
    assert "<form" not in join and "csrfmiddlewaretoken" not in page


def test_a_visitor_who_logs_in_from_the_link_comes_back_and_signs_up(
    client, activity, second_resident
):
    EmailAddress.objects.create(
        user=second_resident, email=second_resident.email, verified=True, primary=True
    )
    page = client.get(f"/activities/{activity.pk}/").content.decode()
    login_url = re.search(r'href="(/accounts/login/\?next=[^"]+)">로그인하고 신청하기', page)[1]
    assert client.get(login_url).status_code == 200

    response = client.post(
        login_url, {"login": second_resident.email, "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == f"/activities/{activity.pk}/"
    page = response.content.decode()
    assert "참가 신청하기</button>" in page and "csrfmiddlewaretoken" in page
    client.post(f"/activities/{activity.pk}/rsvp/")
    assert activity.rsvps.get(user=second_resident).status == Rsvp.Status.CONFIRMED


def test_a_visitor_is_told_what_the_log_in_link_leads_to(client, activity):
    activity.capacity = 1
    activity.save()
    rsvp_create(actor=UserFactory(), activity=activity)
    page = client.get(f"/activities/{activity.pk}/").content.decode()
    assert "로그인하고 대기자로 신청하기</a>" in page

    open_to_all = ActivityFactory(region=activity.region, requires_signup=False)
    page = client.get(f"/activities/{open_to_all.pk}/").content.decode()
    assert "신청 없이 누구나 참여할 수 있습니다." in page
    assert "로그인하고 참석 표시하기</a>" in page and "csrfmiddlewaretoken" not in page


def test_a_logged_in_person_still_signs_up_with_the_form(client_for, activity, second_resident):
    page = client_for(second_resident).get(f"/activities/{activity.pk}/").content.decode()

    join = page.split('id="join-heading"')[1].split("</section>")[0]
    assert f'action="/activities/{activity.pk}/rsvp/"' in join
    assert "csrfmiddlewaretoken" in join and "참가 신청하기</button>" in join
    assert "로그인하고" not in join


def test_joining_twice_is_explained(client_for, activity, second_resident):
    client = client_for(second_resident)
    client.post(f"/activities/{activity.pk}/rsvp/")

    page = client.post(f"/activities/{activity.pk}/rsvp/", follow=True).content.decode()

    assert "이미 신청한 활동입니다." in page
    assert Rsvp.objects.filter(activity=activity).count() == 1


def test_unknown_activity_is_404(client_for, resident):
    client = client_for(resident)
    assert client.get("/activities/999999/").status_code == 404
    assert client.post("/activities/999999/rsvp/").status_code == 404
    assert client.get("/activities/abc/").status_code == 404


def test_get_on_post_only_actions_is_refused(client_for, resident, activity):
    client = client_for(resident)
    for url in ("rsvp/", "rsvp/cancel/", "copy/", "publish/"):
        assert client.get(f"/activities/{activity.pk}/{url}").status_code == 405


def test_participant_list_csv_has_nicknames_only_and_is_formula_safe(
    client_for, resident, activity
):
    rsvp_create(
        actor=UserFactory(nickname="=HYPERLINK", email="secret@example.kr"), activity=activity
    )

    response = client_for(resident).get(f"/activities/{activity.pk}/participants/?format=csv")

    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK" in text
    assert "secret@example.kr" not in text


def test_checkin_and_undo(client_for, resident, activity, second_resident):
    rsvp = rsvp_create(actor=second_resident, activity=activity)
    client = client_for(resident)

    client.post(f"/activities/{activity.pk}/participants/{rsvp.pk}/checkin/", {"present": "on"})
    rsvp.refresh_from_db()
    assert rsvp.checked_in_at is not None
    assert "출석함" in client.get(f"/activities/{activity.pk}/participants/").content.decode()

    client.post(f"/activities/{activity.pk}/participants/{rsvp.pk}/checkin/", {})
    rsvp.refresh_from_db()
    assert rsvp.checked_in_at is None


# --- after it -----------------------------------------------------------------------------


def ended(activity):
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2) + timedelta(hours=2),
    )


def test_participant_writes_a_review_with_a_photo_shown_on_the_past_activity(
    client_for, activity, second_resident, resident
):
    rsvp_create(actor=second_resident, activity=activity)
    ended(activity)
    client = client_for(second_resident)
    assert "후기 쓰기" in client.get(f"/activities/{activity.pk}/").content.decode()

    response = client.post(
        f"/activities/{activity.pk}/reviews/new/",
        {"rating": "5", "text": "둑길 노을이 멋졌어요.", "photo": jpeg()},
    )

    assert response.status_code == 302
    review = Review.objects.get()
    assert review.photo
    page = client_for(None).get(f"/activities/{activity.pk}/").content.decode()
    assert "둑길 노을이 멋졌어요." in page
    assert "서준" in page
    assert "평균 5.0점" in page
    assert "후기 쓰기" not in client.get(f"/activities/{activity.pk}/").content.decode()
    past = client_for(None).get("/activities/?when=past").content.decode()
    assert "요천 둑길 걷기 모임" in past


def test_review_before_the_end_or_with_a_bad_rating_is_refused(
    client_for, activity, second_resident
):
    rsvp_create(actor=second_resident, activity=activity)
    client = client_for(second_resident)

    early = client.post(f"/activities/{activity.pk}/reviews/new/", {"rating": "5", "text": "!"})
    assert early.status_code == 400
    assert "끝난 뒤에" in early.content.decode()

    ended(activity)
    bad = client.post(f"/activities/{activity.pk}/reviews/new/", {"rating": "7", "text": "좋아요"})
    assert bad.status_code == 400
    assert "별점은 1~5 사이에서 골라 주세요." in bad.content.decode()
    assert "좋아요" in bad.content.decode()
    assert not Review.objects.exists()


def test_host_replies_to_a_review(client_for, activity, resident, second_resident):
    review = ReviewFactory(activity=activity, author=second_resident)

    client_for(resident).post(
        f"/activities/{activity.pk}/reviews/{review.pk}/reply/", {"text": "또 만나요!"}
    )

    page = client_for(None).get(f"/activities/{activity.pk}/").content.decode()
    assert "주최자 답글" in page and "또 만나요!" in page


def test_empty_reply_is_explained(client_for, activity, resident, second_resident):
    review = ReviewFactory(activity=activity, author=second_resident)

    page = (
        client_for(resident)
        .post(f"/activities/{activity.pk}/reviews/{review.pk}/reply/", {"text": ""}, follow=True)
        .content.decode()
    )

    assert "필수 항목" in page or "답글 내용을 적어 주세요." in page
    review.refresh_from_db()
    assert review.host_reply == ""


# --- query counts on the other pages ------------------------------------------------------


@pytest.mark.parametrize("count", [2, 40])
def test_detail_and_participants_run_a_fixed_number_of_queries(
    client_for, resident, activity, count, django_assert_max_num_queries
):
    activity.capacity = 10
    activity.save()
    people = [UserFactory() for _ in range(count)]
    for person in people:
        rsvp_create(actor=person, activity=activity)
    for person in people[: count // 2]:
        ReviewFactory(activity=activity, author=person)
    client = client_for(resident)

    with django_assert_max_num_queries(16) as detail_queries:
        assert client.get(f"/activities/{activity.pk}/").status_code == 200
    with django_assert_max_num_queries(10) as participant_queries:
        assert client.get(f"/activities/{activity.pk}/participants/").status_code == 200
    print(
        f"\n{count} people: detail {len(detail_queries)} queries, "
        f"participants {len(participant_queries)} queries"
    )


def test_pages_speak_english_when_asked(client, activity, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    listing = client.get("/activities/").content.decode()
    detail = client.get(f"/activities/{activity.pk}/").content.decode()

    assert "Local activities" in listing and "This weekend" in listing
    assert "Log in to sign up</a>" in detail and "10 places left (of 10)" in detail


def test_preview_checks_the_same_rules_as_posting(client_for, resident, city):
    response = client_for(resident).post(
        "/activities/new/", form_data(city, action="preview", latitude="37.5", longitude="127.0")
    )

    assert response.status_code == 400
    assert "고른 지역(남원시) 밖입니다." in response.content.decode()
    assert "아직 저장하지 않았습니다." not in response.content.decode()


def test_editor_previews_changes_without_saving(client_for, resident, activity, city):
    response = client_for(resident).post(
        f"/activities/{activity.pk}/edit/",
        form_data(city, title="새 제목 미리보기", action="preview"),
    )

    assert response.status_code == 200
    assert "새 제목 미리보기" in response.content.decode()
    activity.refresh_from_db()
    assert activity.title == "요천 둑길 걷기 모임"


def test_description_markdown_shows_formatting_and_keeps_scripts_out(client, city, resident):
    activity = ActivityFactory(
        region=city,
        host=resident,
        description="**준비물**: 편한 신발\n\n- 물\n- 모자\n\n<script>alert(1)</script>",
    )

    page = client.get(f"/activities/{activity.pk}/").content.decode()

    assert "<strong>준비물</strong>" in page
    assert "<li>모자</li>" in page
    assert "<script>alert(1)</script>" not in page


# --- what the page draws once for everybody ----------------------------------------------


def test_the_part_every_visitor_shares_follows_each_change(
    client_for, city, organization, org_admin, topics, second_resident
):
    activity = ActivityFactory(
        region=city, host=org_admin, host_organization=organization, topics=[topics[0]]
    )
    viewer = client_for(second_resident)

    def body() -> str:
        page = viewer.get(f"/activities/{activity.pk}/").content.decode()
        return page.split('class="activity-facts"')[1].split("</article>")[0]

    first = body()
    assert "10자리 남음" in first and "놀이와 놀이터 남원시민 모임" in first and "키즈" in first

    rsvp_create(actor=UserFactory(), activity=activity)  # the count changes by an UPDATE
    assert "9자리 남음" in body()
    activity.refresh_from_db()
    activity.description = "장소가 바뀌었어요: 광한루원 앞"
    activity.save()
    assert "장소가 바뀌었어요: 광한루원 앞" in body()
    organization.name = "요천 놀이터 모임"
    organization.save()
    assert "요천 놀이터 모임" in body()
    topics[0].name = "어린이"
    topics[0].save()
    assert "어린이" in body()
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=activity.starts_at + timedelta(days=1),
        ends_at=activity.ends_at + timedelta(days=1),
    )
    later = timezone.localtime(activity.starts_at + timedelta(days=1))
    assert later.isoformat() in body()


def test_the_reviews_every_visitor_shares_follow_replies_names_and_new_reviews(
    client, client_for, activity, resident, second_resident
):
    rsvp_create(actor=second_resident, activity=activity)
    ended(activity)
    ReviewFactory(activity=activity, author=second_resident, rating=4, text="노을이 멋졌어요.")

    def reviews() -> str:
        page = client.get(f"/activities/{activity.pk}/").content.decode()
        return page.split('id="reviews-heading"')[1]

    assert "노을이 멋졌어요." in reviews() and "서준" in reviews()
    assert "평균 4.0점, 1개" in reviews()

    client_for(resident).post(
        f"/activities/{activity.pk}/reviews/{Review.objects.get().pk}/reply/",
        {"text": "와 주셔서 고마워요!"},
    )
    assert "와 주셔서 고마워요!" in reviews()
    second_resident.nickname = "서준이"
    second_resident.save()
    assert "서준이" in reviews()
    ReviewFactory(activity=activity, rating=5, text="또 오고 싶어요.")
    assert "또 오고 싶어요." in reviews() and "평균 4.5점, 2개" in reviews()


def test_the_host_gets_reply_forms_not_the_visitors_copy(client, client_for, activity, resident):
    ended(activity)
    review = ReviewFactory(activity=activity, text="좋았어요.")
    assert "좋았어요." in client.get(f"/activities/{activity.pk}/").content.decode()

    page = client_for(resident).get(f"/activities/{activity.pk}/").content.decode()

    assert f'action="/activities/{activity.pk}/reviews/{review.pk}/reply/"' in page
    assert "답글 남기기" in page
