"""Pictures as phones make them, for upload tests: some detail, and EXIF with a position."""

import io

from PIL import Image, ImageDraw

GPS = 0x8825
ORIENTATION = 0x0112


def photo(width=1600, height=1200, fmt="JPEG", **save) -> bytes:
    """A picture with some detail (a gradient and shapes), as a camera would give."""
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for n in range(0, width, 97):
        draw.ellipse((n, n % height, n + 80, (n % height) + 60), fill=(n % 255, 90, 160))
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return out.getvalue()


def camera_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[ORIENTATION] = orientation
    exif.get_ifd(GPS).update({1: "S", 2: (33.0, 55.0, 12.0), 3: "E", 4: (18.0, 25.0, 3.0)})
    return exif


def phone_photo(width=1600, height=1200) -> bytes:
    """A JPEG that says where it was taken, and that the phone was held upright."""
    return photo(width, height, exif=camera_exif(orientation=6).tobytes())


def detailed_photo(width=2000, height=1500) -> bytes:
    """A photo with much fine detail, as a crowded room or leaves in the sun: at 640 px its
    WebP preview passes the 16 KB a preview may weigh, as many real photos' do."""
    base = Image.open(io.BytesIO(photo(width, height))).convert("RGB")
    grain = Image.merge("RGB", [Image.effect_noise((width, height), 60) for _ in range(3)])
    out = io.BytesIO()
    Image.blend(base, grain, 0.5).save(out, "JPEG", quality=88)
    return out.getvalue()
