"""Photos are checked and re-encoded (no location left in them); attachments are limited to
documents; a bad file is refused beside its field and the typed text is kept."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from sotong.archive.models import MeetingRecord

pytestmark = pytest.mark.django_db


def _jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (2400, 1200), "green")
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()


def _form(record, **extra):
    data = {
        "title": record.title,
        "held_on": record.held_on.isoformat(),
        "place": record.place,
        "region": str(record.region_id),
        "participants_count": "12",
        "summary": "사진을 올린 요약입니다.",
        "licence": "cc-by-4.0",
        "visibility": "published",
    }
    data.update(extra)
    return data


def test_photos_are_re_encoded_and_attachments_kept(client_for, make_record, resident):
    record = make_record()
    photo = SimpleUploadedFile("놀이터.jpg", _jpeg_with_exif(), content_type="image/jpeg")
    minutes = SimpleUploadedFile("회의록.pdf", b"%PDF-1.4 minutes", content_type="application/pdf")

    response = client_for(resident).post(
        f"/archive/records/{record.pk}/edit/",
        _form(record, new_photos=photo, photo_caption="그늘막 아래 아이들", new_files=minutes),
    )

    assert response.status_code == 302
    stored = record.photos.get()
    with Image.open(stored.image.path) as image:
        assert max(image.size) == 1600
        assert "SecretCameraMaker" not in str(image.getexif())
    assert stored.caption == "그늘막 아래 아이들"
    assert record.attachments.get().title == "회의록.pdf"
    html = client_for(resident).get(record.get_absolute_url()).content.decode()
    assert 'alt="그늘막 아래 아이들"' in html
    assert "회의록.pdf" in html


@pytest.mark.parametrize(
    ("field", "upload", "error"),
    [
        (
            "new_photos",
            SimpleUploadedFile("가짜.jpg", b"not an image", content_type="image/jpeg"),
            "사진 파일을 읽을 수 없습니다.",
        ),
        (
            "new_files",
            SimpleUploadedFile("run.exe", b"MZ", content_type="application/octet-stream"),
            "PDF, 한글(HWP), 오피스 문서, 텍스트, ZIP 파일만 올릴 수 있습니다.",
        ),
    ],
)
def test_a_bad_file_is_refused_beside_its_field(
    client_for, make_record, resident, field, upload, error
):
    record = make_record()

    response = client_for(resident).post(
        f"/archive/records/{record.pk}/edit/",
        _form(record, summary="남겨 둘 요약", **{field: upload}),
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    assert "남겨 둘 요약" in html
    assert MeetingRecord.objects.get().summary != "남겨 둘 요약"  # nothing half-saved
    assert not record.photos.exists() and not record.attachments.exists()


def test_ticked_files_are_removed(client_for, make_record, resident):
    record = make_record()
    client = client_for(resident)
    minutes = SimpleUploadedFile("회의록.txt", "회의록".encode(), content_type="text/plain")
    client.post(f"/archive/records/{record.pk}/edit/", _form(record, new_files=minutes))
    attachment = record.attachments.get()

    client.post(f"/archive/records/{record.pk}/edit/", _form(record, remove_file=attachment.pk))

    assert not record.attachments.exists()
