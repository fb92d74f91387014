"""One place that checks and cleans every uploaded image (avatars, logos, later photos).

An upload is accepted only when Pillow can open it as JPEG, PNG, WebP or GIF and it is not
too large; it is then re-encoded, which drops EXIF (location!) and anything hidden in it,
and shrunk to a maximum size.
"""

from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_PIXELS = 40_000_000


def clean_uploaded_image(upload: UploadedFile, *, max_side: int = 1600) -> InMemoryUploadedFile:
    """Validate an uploaded image and return a re-encoded copy without metadata."""
    limit = settings.MAX_IMAGE_UPLOAD_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("사진은 %(limit)s 이하만 올릴 수 있습니다.") % {"limit": filesizeformat(limit)},
            code="too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
        if image_format not in ALLOWED_FORMATS:
            raise ValidationError(
                _("JPEG, PNG, WebP, GIF 사진만 올릴 수 있습니다."), code="bad_format"
            )
        if width * height > MAX_PIXELS:
            raise ValidationError(_("사진의 해상도가 너무 큽니다."), code="too_many_pixels")
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)
            image.thumbnail((max_side, max_side))
            has_alpha = image.mode in ("RGBA", "LA", "P")
            output = BytesIO()
            if has_alpha:
                image.convert("RGBA").save(output, format="PNG", optimize=True)
                extension, content_type = "png", "image/png"
            else:
                image.convert("RGB").save(output, format="JPEG", quality=85, optimize=True)
                extension, content_type = "jpg", "image/jpeg"
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as exc:
        raise ValidationError(
            _("사진 파일을 읽을 수 없습니다. 다른 파일을 골라 주세요."), code="unreadable"
        ) from exc
    stem = (upload.name or "image").rsplit("/", 1)[-1].rsplit(".", 1)[0][:40] or "image"
    size = output.tell()
    output.seek(0)
    return InMemoryUploadedFile(output, None, f"{stem}.{extension}", content_type, size, None)
