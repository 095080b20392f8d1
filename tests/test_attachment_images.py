"""Pictures as we keep them: metadata gone (no GPS position), turned upright, animations
kept, previews light, and hostile files refused before they cost memory."""

import io
import struct
import zlib

import pytest
from PIL import Image
from support.pictures import GPS, camera_exif, photo

from meetingpoint.attachments import images


def test_a_photo_loses_its_gps_position_and_camera_and_is_turned_upright():
    original = photo(1600, 1200, exif=camera_exif(orientation=6).tobytes())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS)  # the position is there
    kept = images.clean(original)
    again = Image.open(io.BytesIO(kept.data))
    assert again.getexif() == {} and "exif" not in again.info
    assert b"PhoneMaker" not in kept.data
    assert (kept.width, kept.height) == again.size == (1200, 1600)  # rotated as the camera said
    assert kept.content_type == "image/jpeg" and not kept.animated


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_other_formats_lose_their_metadata_too(fmt):
    save = {"exif": camera_exif().tobytes()}
    if fmt == "PNG":
        from PIL import PngImagePlugin

        text = PngImagePlugin.PngInfo()
        text.add_text("Comment", "home address: 12 Rue Carnot")
        save["pnginfo"] = text
    kept = images.clean(photo(300, 200, fmt, **save))
    again = Image.open(io.BytesIO(kept.data))
    assert again.getexif() == {} and b"Rue Carnot" not in kept.data
    assert again.format == fmt


def test_an_animation_keeps_its_frames_and_its_preview_is_the_first():
    frames = [Image.new("RGB", (120, 80), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=200, loop=0,
                   comment=b"made at the workshop")  # fmt: skip
    kept = images.clean(out.getvalue())
    assert kept.animated and kept.content_type == "image/gif"
    again = Image.open(io.BytesIO(kept.data))
    assert again.n_frames == 3 and b"workshop" not in kept.data
    first = Image.open(io.BytesIO(images.preview(kept.data)))
    assert first.format == "WEBP"
    red, green, blue = first.convert("RGB").getpixel((10, 10))
    assert red > 200 and green < 60 and blue < 60


def test_a_twelve_megapixel_photo_gets_a_light_preview_and_a_medium_size():
    original = images.clean(photo(4000, 3000, quality=95)).data
    small = images.preview(original)
    assert len(small) <= images.PREVIEW_BYTES
    shown = Image.open(io.BytesIO(small))
    assert shown.format == "WEBP" and max(shown.size) <= 640
    middle = Image.open(io.BytesIO(images.medium(original)))
    assert middle.size == (1280, 960)
    assert images.medium(photo(800, 600)) is None  # small enough as it is


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims `width` x `height` over a few bytes of pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        checksum = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + checksum

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (_png_claiming(60_000, 60_000), "too_large"),  # a decompression bomb: 3.6 billion pixels
        (photo(400, 300)[:2000], "corrupt"),  # cut off in the middle
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "unknown"),
        (b"%PDF-1.7\n" + b"0" * 100, "unknown"),
        (b"", "unknown"),
    ],
)
def test_hostile_and_broken_pictures_are_refused(data, reason):
    with pytest.raises(images.ImageRefused) as refused:
        images.clean(data)
    assert refused.value.reason == reason
