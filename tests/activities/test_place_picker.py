"""The place picker on the activity form: a map with JavaScript, plain fields without it."""

import json

import pytest

from sotong.activities.models import Activity
from tests.activities.factories import ActivityFactory
from tests.activities.test_views import form_data
from tests.factories import NeighbourhoodFactory

pytestmark = pytest.mark.django_db


def picker_config(html: str) -> dict:
    raw = html.split('id="place-picker-config" type="application/json">')[1].split("</script>")[0]
    return json.loads(raw)


def test_the_form_offers_the_map_picker_over_the_plain_fields(client_for, resident, city):
    NeighbourhoodFactory(parent=city, name="동충동", slug="dongchung")

    html = client_for(resident).get("/activities/new/").content.decode()

    assert 'name="latitude"' in html and 'data-place-picker="latitude"' in html
    assert 'name="longitude"' in html and 'data-place-picker="longitude"' in html
    assert 'name="is_online"' in html
    # every region option knows its city's bounds, so the map follows the chosen region
    assert html.count('data-bounds="35.28,127.2,35.58,127.65"') == 2
    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "/static/activities/place_picker.js" in html
    config = picker_config(html)
    assert config["tileUrl"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert config["korea"] == [33.0, 124.5, 38.7, 132.0]
    assert config["messages"]["label"] == "장소 고르기 지도"
    assert "위도·경도를 직접 적어도 됩니다" in config["messages"]["hint"]


def test_the_edit_form_has_the_picker_too(client_for, resident, city):
    activity = ActivityFactory(region=city, host=resident, latitude=35.41, longitude=127.38)

    html = client_for(resident).get(f"/activities/{activity.pk}/edit/").content.decode()

    assert 'data-place-picker="latitude"' in html
    assert 'value="35.41"' in html and 'value="127.38"' in html
    assert picker_config(html)["messages"]["clear"] == "위치 지우기"


def test_without_javascript_the_point_is_typed_into_the_fields(client_for, resident, city):
    response = client_for(resident).post(
        "/activities/new/", form_data(city, latitude="35.402811", longitude="127.379534")
    )

    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.latitude, activity.longitude) == (35.402811, 127.379534)


def test_a_point_outside_korea_is_refused_and_the_form_keeps_it(client_for, resident, city):
    response = client_for(resident).post(
        "/activities/new/", form_data(city, latitude="48.8584", longitude="2.2945")
    )
    html = response.content.decode()

    assert response.status_code == 400
    assert "한국 밖" in html or "한국 안" in html
    assert 'value="48.8584"' in html
    assert 'data-place-picker="latitude"' in html  # the picker comes back with the errors
    assert not Activity.objects.exists()


def test_a_point_outside_the_region_is_refused(client_for, resident, city):
    response = client_for(resident).post(
        "/activities/new/", form_data(city, latitude="37.5665", longitude="126.9780")
    )

    assert response.status_code == 400
    assert "위치가 고른 지역(남원시) 밖입니다." in response.content.decode()
    assert not Activity.objects.exists()


def test_only_half_a_point_is_refused(client_for, resident, city):
    response = client_for(resident).post(
        "/activities/new/", form_data(city, latitude="35.41", longitude="")
    )

    assert response.status_code == 400
    assert "위도와 경도를 함께" in response.content.decode()


def test_an_online_only_activity_keeps_no_point(client_for, resident, city):
    client_for(resident).post(
        "/activities/new/",
        form_data(
            city, is_online="on", place_name="", address="", latitude="35.41", longitude="127.38"
        ),
    )

    activity = Activity.objects.get()
    assert activity.is_online
    assert activity.latitude is None and activity.longitude is None
