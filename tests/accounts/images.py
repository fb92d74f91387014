"""Little picture files for upload tests, made with Pillow."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825


def jpeg_with_location(name: str = "my-photo.jpg", size=(1200, 900)) -> SimpleUploadedFile:
    """A JPEG whose EXIF says where it was taken (as phone photos do)."""
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[GPS_IFD] = {1: "N", 2: (35.0, 24.0, 59.0), 3: "E", 4: (127.0, 23.0, 26.0)}
    buffer = BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def png(name: str = "avatar.png", size=(64, 64)) -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGBA", size, (0, 100, 200, 128)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def not_an_image(name: str = "virus.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"MZ\x90\x00 this is not a picture", content_type="image/jpeg")


def oversized_file(name: str = "huge.jpg", size_bytes: int = 5 * 1024 * 1024 + 1):
    return SimpleUploadedFile(name, b"\xff\xd8\xff" + b"0" * (size_bytes - 3), "image/jpeg")
