"""Checking what members attach to posts, before anything is stored.

Images are decoded by Pillow with a pixel ceiling (a decompression bomb is
refused, not decoded), turned upright, and re-encoded from their pixels alone:
EXIF (GPS position, camera, date) and any payload hidden in the original file
are left behind. PDF documents are checked for their signature and size.
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from forums.models import Attachment

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_PDF_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 25_000_000
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "png", "GIF": "png"}
PDF_SIGNATURE = b"%PDF-"


@dataclass
class CheckedFile:
    content: ContentFile
    kind: str
    name: str
    size: int


def check(uploaded):
    """The file to store for `uploaded`, or a ValidationError that says what is wrong."""
    head = uploaded.read(len(PDF_SIGNATURE))
    uploaded.seek(0)
    if head == PDF_SIGNATURE:
        return check_pdf(uploaded)
    return check_image(uploaded)


def check_pdf(uploaded):
    if uploaded.size > MAX_PDF_BYTES:
        raise ValidationError(
            _("Ce PDF dépasse %(limit)s Mo.") % {"limit": MAX_PDF_BYTES // 1024 // 1024}
        )
    data = uploaded.read()
    name = f"{safe_stem(uploaded.name, 'document')}.pdf"
    return CheckedFile(ContentFile(data, name=name), Attachment.Kind.PDF, name, len(data))


def check_image(uploaded):
    if uploaded.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("Cette image dépasse %(limit)s Mo.") % {"limit": MAX_IMAGE_BYTES // 1024 // 1024}
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(uploaded)
            source_format = image.format
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("Cette image est trop grande (%(pixels)s millions de pixels au plus).")
                    % {"pixels": MAX_IMAGE_PIXELS // 1_000_000}
                )
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning,
            OSError, SyntaxError) as error:  # fmt: skip
        raise ValidationError(
            _("Seules les images JPEG, PNG, WebP ou GIF et les documents PDF sont acceptés.")
        ) from error
    if source_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("Seules les images JPEG, PNG, WebP ou GIF et les documents PDF sont acceptés.")
        )
    return reencoded(ImageOps.exif_transpose(image), IMAGE_FORMATS[source_format], uploaded.name)


def reencoded(image, extension, original_name):
    """A new file made from the image's pixels only."""
    buffer = io.BytesIO()
    if extension == "jpg":
        image.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
    else:
        mode = "RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB"
        image.convert(mode).save(buffer, format="PNG", optimize=True)
    name = f"{safe_stem(original_name, 'image')}.{extension}"
    data = buffer.getvalue()
    return CheckedFile(ContentFile(data, name=name), Attachment.Kind.IMAGE, name, len(data))


def safe_stem(name, default):
    """The file name without its extension, reduced to safe characters."""
    try:
        return get_valid_filename(Path(name or "").stem)[:100]
    except SuspiciousFileOperation:
        return default


def attach(post, checked):
    return Attachment.objects.create(
        post=post, file=checked.content, kind=checked.kind, name=checked.name, size=checked.size
    )
