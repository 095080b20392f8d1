"""Pictures as we keep them: decoded and encoded again (no metadata, turned upright), with a
small preview and a medium size for slow links."""

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

# Beyond this a picture is refused before it is decoded: 40 million pixels is a 7,300 x 5,500
# photograph, and 160 MB of memory once decoded. A few bytes can claim far more.
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
PREVIEW_SIDE = 640
# A first visit loads the previews in and near the window (three 640 px pictures on a
# desktop): at 16 KB each, a topic of pictures stays under the 100 KB page budget
# (tests/test_browser_weight.py). Quality gives way before size does.
PREVIEW_BYTES = 16 * 1024
MEDIUM_SIDE = 1280
# Tried in turn until the preview fits its budget: (longest side, WebP quality).
_PREVIEW_STEPS = [(640, 70), (640, 55), (640, 45), (640, 35), (480, 40), (480, 30), (360, 35),
                  (240, 30)]  # fmt: skip


class ImageRefused(Exception):
    """Why a picture was refused: `reason` is one of corrupt, too_large, unknown."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class CleanImage:
    data: bytes
    content_type: str
    width: int
    height: int
    animated: bool


def clean(data: bytes) -> CleanImage:
    """The picture encoded anew from its pixels alone: no EXIF (so no GPS position, no
    camera, no date), no comments or text chunks, the orientation applied. Animations keep
    their frames and timing."""
    image = _opened(data)
    animated = getattr(image, "is_animated", False) and image.format in ("GIF", "WEBP")
    kind = image.format
    try:
        if animated:
            return CleanImage(_animation(image), FORMATS[kind], *image.size, animated=True)
        upright = ImageOps.exif_transpose(image)
        upright.info = {}
        out = io.BytesIO()
        if kind == "JPEG":
            upright.convert("RGB").save(out, "JPEG", quality=88, optimize=True)
        elif kind == "WEBP":
            upright.save(out, "WEBP", quality=85)
        elif kind == "GIF":
            upright.save(out, "GIF")
        else:
            upright.save(out, "PNG", optimize=True)
        return CleanImage(out.getvalue(), FORMATS[kind], *upright.size, animated=False)
    except (OSError, ValueError, SyntaxError) as error:
        raise ImageRefused("corrupt") from error


def preview(data: bytes) -> bytes:
    """The first frame, at most 640 pixels and 16 KB, as WebP: what a page shows."""
    frame = _first_frame(data)
    for side, quality in _PREVIEW_STEPS:
        encoded = _webp(frame, side, quality)
        if len(encoded) <= PREVIEW_BYTES:
            return encoded
    return encoded  # 240 pixels at quality 30 is always far below the budget


def medium(data: bytes) -> bytes | None:
    """At most 1280 pixels, as WebP, for reading on a phone; None when the picture is no
    larger than that (the clean original is served instead)."""
    frame = _first_frame(data)
    if max(frame.size) <= MEDIUM_SIDE:
        return None
    return _webp(frame, MEDIUM_SIDE, 80)


def _opened(data: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
    except UnidentifiedImageError as error:
        raise ImageRefused("unknown") from error
    except Image.DecompressionBombError as error:  # Pillow's own limit, far above ours
        raise ImageRefused("too_large") from error
    except (OSError, ValueError, SyntaxError) as error:
        raise ImageRefused("corrupt") from error
    if image.format not in FORMATS:
        raise ImageRefused("unknown")
    width, height = image.size
    if width * height > MAX_PIXELS or width < 1 or height < 1:
        raise ImageRefused("too_large")  # before a single pixel is decoded
    try:
        Image.open(io.BytesIO(data)).verify()  # the structure, checksums included
        image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise ImageRefused("corrupt") from error
    return image


def _animation(image: Image.Image) -> bytes:
    frames, durations = [], []
    for index in range(image.n_frames):
        image.seek(index)
        frame = image.convert("RGBA")
        frame.info = {}  # comments, XMP, EXIF: nothing but the pixels goes on
        frames.append(frame)
        durations.append(image.info.get("duration", 100))
    out = io.BytesIO()
    frames[0].save(
        out, image.format, save_all=True, append_images=frames[1:], duration=durations,
        loop=image.info.get("loop", 0), disposal=2,
    )  # fmt: skip
    return out.getvalue()


def _first_frame(data: bytes) -> Image.Image:
    image = _opened(data)
    image.seek(0)
    upright = ImageOps.exif_transpose(image)
    return upright.convert("RGBA" if upright.mode in ("RGBA", "LA", "P") else "RGB")


def _webp(frame: Image.Image, side: int, quality: int) -> bytes:
    small = frame.copy()
    small.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, "WEBP", quality=quality, method=4)
    return out.getvalue()
