"""A person's notifications in their export; deleting the account removes what was told to
them and takes their name out of what others were told about them."""

import pytest

from sotong.accounts.selectors import user_personal_data
from sotong.accounts.services import user_delete
from sotong.notifications.models import Notification, Preference

pytestmark = pytest.mark.django_db


def test_export_holds_my_notifications_and_choices_and_no_one_elses(resident, second_resident):
    Preference.objects.create(user=resident, kind="activities.message", delivery="off")
    Notification.objects.create(
        recipient=resident,
        kind="activities.review",
        event_key="review-posted:1",
        params={"title": "숲 놀이", "nickname": second_resident.nickname},
        actor=second_resident,
    )
    Notification.objects.create(recipient=second_resident, kind="activities.new", event_key="x")

    section = user_personal_data(user=resident)["sections"]["notifications"]["data"]
    text = str(section)
    assert "서준님이 ‘숲 놀이’에 후기를 남겼습니다." in text
    assert "activities.message" in text
    assert second_resident.email not in text


def test_deleting_an_account_erases_its_notifications_and_its_name_in_others(
    resident, second_resident
):
    Preference.objects.create(user=second_resident, kind="activities.new", delivery="off")
    Notification.objects.create(recipient=second_resident, kind="activities.new", event_key="a")
    told = Notification.objects.create(
        recipient=resident,
        kind="activities.review",
        event_key="review-posted:2",
        params={"title": "숲 놀이", "nickname": "서준"},
        actor=second_resident,
    )

    user_delete(user=second_resident)

    assert not Notification.objects.filter(recipient=second_resident).exists()
    assert not Preference.objects.filter(user=second_resident).exists()
    told.refresh_from_db()
    assert told.actor is None
    assert told.text == "탈퇴한 회원님이 ‘숲 놀이’에 후기를 남겼습니다."
