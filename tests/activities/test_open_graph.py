"""Link previews: Open Graph and Twitter tags, the 800×400 image, the share button."""

import io
import re
from datetime import datetime, timedelta

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageStat

from sotong.activities import og_image
from sotong.activities.models import Activity
from sotong.activities.services import activity_cancel
from tests.activities.factories import ActivityFactory

pytestmark = pytest.mark.django_db

SITE = "https://sotong.example.kr"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE
    cache.clear()


def meta(html: str, key: str) -> str | None:
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def open_image(response) -> Image.Image:
    return Image.open(io.BytesIO(response.content))


def test_a_published_activity_has_open_graph_and_twitter_tags(client, activity):
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=timezone.make_aware(datetime(2026, 12, 5, 14, 0)),
        ends_at=timezone.make_aware(datetime(2026, 12, 5, 16, 0)),
    )
    html = client.get(f"/activities/{activity.pk}/").content.decode()

    assert meta(html, "og:title") == "요천 둑길 걷기 모임"
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:locale") == "ko_KR"
    assert meta(html, "og:url") == f"{SITE}/activities/{activity.pk}/"
    description = meta(html, "og:description")
    assert "2026년 12월 5일 (토) 오후 2:00" in description
    assert "요천 생태공원 입구" in description
    image = meta(html, "og:image")
    assert image.startswith(f"{SITE}/activities/{activity.pk}/og.png?v=")
    assert meta(html, "og:image:width") == "800"
    assert meta(html, "og:image:height") == "400"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "twitter:image") == image
    assert meta(html, "twitter:title") == "요천 둑길 걷기 모임"
    assert 'name="robots"' not in html


def test_a_draft_gets_noindex_and_no_preview_tags(client_for, activity, resident):
    Activity.objects.filter(pk=activity.pk).update(status=Activity.Status.DRAFT)

    html = client_for(resident).get(f"/activities/{activity.pk}/").content.decode()

    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert meta(html, "og:title") is None
    assert meta(html, "twitter:card") is None


def test_the_preview_text_never_carries_private_data(client, activity, resident):
    html = client.get(f"/activities/{activity.pk}/").content.decode()
    head = html.split("</head>")[0]

    assert resident.email not in html
    assert activity.host_contact not in head


def test_a_cancelled_activity_says_so_in_its_preview(client, activity, resident):
    activity_cancel(actor=resident, activity=activity, reason="")

    html = client.get(f"/activities/{activity.pk}/").content.decode()

    assert meta(html, "og:description").startswith("취소된 활동 · ")


def test_quotes_and_script_in_the_title_stay_inside_the_attribute(client, city):
    activity = ActivityFactory(region=city, title='"><script>alert(1)</script>')

    html = client.get(f"/activities/{activity.pk}/").content.decode()

    assert "<script>alert(1)</script>" not in html
    assert meta(html, "og:title") == "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"


def test_the_generated_image_is_an_800_by_400_png_with_korean_text(client, activity):
    response = client.get(f"/activities/{activity.pk}/og.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "max-age" in response["Cache-Control"]
    image = open_image(response)
    assert image.format == "PNG"
    assert image.size == (800, 400)
    # Not a plain blue card: the title's white strokes are there.
    title_area = image.convert("L").crop((40, 90, 760, 290))
    assert ImageStat.Stat(title_area).stddev[0] > 20
    assert title_area.getextrema()[1] > 240


def test_different_korean_titles_draw_different_glyphs_not_missing_glyph_boxes(city):
    """With a font without Hangul every syllable would be the same box."""
    first = ActivityFactory(region=city, title="가가가가")
    second = ActivityFactory(region=city, title="힣힣힣힣")
    rare = ActivityFactory(region=city, title="갂갂갂갂")  # only in the Sotong Hangul supplement

    def title_pixels(activity):
        card = Image.open(io.BytesIO(og_image.draw_card(activity))).convert("L")
        return card.crop((40, 90, 760, 160)).tobytes()

    pixels = {title_pixels(first), title_pixels(second), title_pixels(rare)}
    assert len(pixels) == 3


def test_every_modern_syllable_has_a_glyph_in_one_of_the_fonts():
    fonts = og_image._fonts("bold", 50)
    sample = [chr(code) for code in range(0xAC00, 0xD7A4, 97)]

    missing = [c for c in sample if not any(og_image._has_glyph(font, c) for font in fonts)]

    assert missing == []


def test_a_long_title_is_wrapped_to_three_lines_with_an_ellipsis():
    fonts = og_image._fonts("bold", 50)
    title = "요천 둑길을 함께 걸으며 지역의 이야기를 나누고 차 한 잔 마시는 가을 저녁 모임 " * 3

    lines = og_image.wrap(title, fonts, 704, max_lines=3)

    assert len(lines) == 3
    assert lines[-1].endswith("…")
    assert all(og_image._width(line, fonts) <= 704 for line in lines)


def test_the_image_is_drawn_once_per_version_of_the_activity(client, activity, monkeypatch):
    drawn = []
    real_draw = og_image.draw_card
    monkeypatch.setattr(og_image, "draw_card", lambda a: drawn.append(a.pk) or real_draw(a))

    first = client.get(f"/activities/{activity.pk}/og.png").content
    again = client.get(f"/activities/{activity.pk}/og.png").content
    Activity.objects.filter(pk=activity.pk).update(
        title="요천 둑길 걷기 (장소 변경)",
        updated_at=timezone.now() + timedelta(seconds=5),
    )
    changed = client.get(f"/activities/{activity.pk}/og.png").content

    assert first == again
    assert changed != first
    assert drawn == [activity.pk, activity.pk]


def test_the_hosts_photo_is_cropped_to_800_by_400(client, city, settings):
    photo = io.BytesIO()
    Image.new("RGB", (1200, 1200), "#e0a030").save(photo, format="JPEG")
    activity = ActivityFactory(
        region=city, image=SimpleUploadedFile("photo.jpg", photo.getvalue(), "image/jpeg")
    )

    html = client.get(f"/activities/{activity.pk}/").content.decode()
    response = client.get(f"/activities/{activity.pk}/og.jpg")

    assert meta(html, "og:image").startswith(f"{SITE}/activities/{activity.pk}/og.jpg?v=")
    assert meta(html, "og:image:type") == "image/jpeg"
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert open_image(response).size == (800, 400)


def test_no_photo_means_no_cropped_photo(client, activity):
    assert client.get(f"/activities/{activity.pk}/og.jpg").status_code == 404


def test_a_drafts_image_is_hidden_from_visitors(client, client_for, activity, resident):
    Activity.objects.filter(pk=activity.pk).update(status=Activity.Status.DRAFT)

    assert client.get(f"/activities/{activity.pk}/og.png").status_code == 404
    own = client_for(resident).get(f"/activities/{activity.pk}/og.png")
    assert own.status_code == 200
    assert "no-store" in own["Cache-Control"]


def test_the_share_button_and_its_no_script_fallback(client, activity):
    html = client.get(f"/activities/{activity.pk}/").content.decode()

    assert '<label for="share-url">이 활동의 주소</label>' in html
    assert (
        f'<input id="share-url" type="url" value="{SITE}/activities/{activity.pk}/" readonly>'
        in html
    )
    button = re.search(r"<button[^>]*data-share-button[^>]*>", html, re.S).group(0)
    assert 'type="button"' in button and " hidden" in button  # shown by share.js only
    assert 'data-copied="링크를 복사했습니다.' in button
    assert 'role="status"' in html
    assert "/static/activities/share.js" in html


def test_the_detail_page_query_count_does_not_grow_with_the_share_parts(
    client, activity, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        assert client.get(f"/activities/{activity.pk}/").status_code == 200
