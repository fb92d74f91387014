"""Notifications as a resident meets them, on a phone, in Korean: she follows a topic, asks for
e-mail at once, a neighbour posts in that topic, the worker runs, the bell shows 1, she reads
it, and the e-mail's one-click link unsubscribes her."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from sotong.activities.services import activity_create
from sotong.interests.services import topics_replace
from sotong.notifications.models import Notification, Preference
from tests.browser.conftest import check_page, follow, visit

NEW_ACTIVITY = "관심 있는 주제·지역·단체·사람의 새 활동"


def test_a_follower_is_told_reads_it_and_unsubscribes_from_the_email(
    open_phone, resident, second_resident, city, topics
):
    kids = topics[0]
    topics_replace(user=resident, topics=[kids])

    # 1. 지민 asks for e-mail at once about new activities in what she follows.
    jimin = open_phone(resident)
    visit(jimin, "/notifications/preferences/", "preferences")
    group = jimin.get_by_role("group", name=NEW_ACTIVITY)
    radio = group.get_by_role("radio", name="즉시", exact=True)
    jimin.locator(f'label[for="{radio.get_attribute("id")}"]').click()
    expect(radio).to_be_checked()
    follow(jimin, jimin.get_by_role("button", name="저장"), "**/notifications/preferences/")
    expect(jimin.get_by_text("알림 설정을 저장했습니다.")).to_be_visible()
    assert Preference.objects.get(user=resident, kind="activities.new").delivery == "immediate"

    # 2. 서준 posts a gathering in that topic; the worker runs the queued jobs.
    start = timezone.now() + timedelta(days=6)
    activity = activity_create(
        actor=second_resident,
        fields={
            "kind": "gathering",
            "title": "아이와 함께 교룡산 숲 놀이",
            "description": "숲에서 놀아요.",
            "region": city,
            "place_name": "교룡산 입구",
            "latitude": 35.41,
            "longitude": 127.39,
            "starts_at": start,
            "ends_at": start + timedelta(hours=2),
            "capacity": 12,
            "fee": 0,
            "host_contact": "010-0000-0000",
        },
        topics=[kids],
    )
    call_command("db_worker", batch=True, verbosity=0, startup_delay=False)

    # 3. The bell shows one unread notification; 지민 opens it and reads it.
    visit(jimin, "/", "home")
    bell = jimin.get_by_role("link", name=re.compile(r"알림.*읽지 않은 알림 1건"))
    expect(bell).to_be_visible()
    follow(jimin, bell, "**/notifications/", "notifications")
    expect(jimin.get_by_role("main").get_by_role("listitem")).to_contain_text(
        "관심 있는 곳에 새 활동이 올라왔습니다: ‘아이와 함께 교룡산 숲 놀이’"
    )
    follow(
        jimin,
        jimin.get_by_role("button", name=re.compile("^보기")),
        f"**/activities/{activity.pk}/",
        "activity",
    )
    assert Notification.objects.get(recipient=resident).read_at is not None
    expect(jimin.get_by_role("link", name=re.compile("읽지 않은 알림"))).to_have_count(0)

    # 4. The e-mail came, with a one-click unsubscribe link that needs no log-in.
    [message] = [m for m in mail.outbox if m.to == [resident.email]]
    assert "아이와 함께 교룡산 숲 놀이" in message.subject
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert link in message.body
    stranger = open_phone()
    visit(stranger, urlsplit(link).path, "unsubscribe")
    expect(stranger.get_by_role("heading", level=1)).to_have_text("이메일 수신 거부")
    follow(stranger, stranger.get_by_role("button", name="수신 거부"))
    expect(stranger.get_by_role("status")).to_contain_text(
        f"이제 ‘{NEW_ACTIVITY}’ 이메일을 보내지 않습니다."
    )
    assert Preference.objects.get(user=resident, kind="activities.new").delivery == "off"
    check_page(stranger, "unsubscribed")
