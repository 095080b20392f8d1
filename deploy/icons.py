"""Draw the app icons (static/icons/*.png) from favicon.svg's design, with the standard library
only: `python3 deploy/icons.py`. Run it again after changing the design, and commit the PNGs."""

import struct
import zlib
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "meetingpoint" / "static"
GREEN = (0x0B, 0x6E, 0x4F)  # favicon.svg: two overlapping circles, the second at 85 %
ORANGE = (0xF2, 0xA5, 0x41)
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4  # per side of each pixel: 16 samples smooth the edges


def _png(size: int, pixels: bytearray) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + bytes(pixels[y * size * 4 : (y + 1) * size * 4]) for y in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def _sample(x: float, y: float, unit: float, size: int, rounded: bool):
    """Colour and opacity at one point; the favicon's 32-unit square, centred."""
    half = size / 2
    u, v = (x - half) / unit + 16, (y - half) / unit + 16
    colour, alpha = WHITE, 1.0
    if rounded:  # the "any" icon: a white tile with rounded corners
        radius, inner = size * 0.22, size - size * 0.22
        cx, cy = min(max(x, radius), inner), min(max(y, radius), inner)
        if (x - cx) ** 2 + (y - cy) ** 2 > radius**2:
            colour, alpha = (0, 0, 0), 0.0
    if (u - 11) ** 2 + (v - 16) ** 2 <= 64:
        colour, alpha = GREEN, 1.0
    if (u - 21) ** 2 + (v - 16) ** 2 <= 64:
        over = 0.85 + 0.15 * alpha  # "over" compositing of an 85 % layer
        colour = tuple(
            (0.85 * o + 0.15 * c * alpha) / over for o, c in zip(ORANGE, colour, strict=True)
        )
        alpha = over
    return colour, alpha


def draw(size: int, maskable: bool) -> bytes:
    # The drawing reaches 13 units from the centre: 45 % of the icon on a tile, 36 % when
    # maskable (launchers may crop to a circle of 40 %).
    unit = size * (0.36 if maskable else 0.45) / 13
    pixels = bytearray()
    step = 1 / SAMPLES
    for py in range(size):
        for px in range(size):
            red = green = blue = opacity = 0.0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    point = (px + (sx + 0.5) * step, py + (sy + 0.5) * step)
                    (r, g, b), a = _sample(*point, unit, size, rounded=not maskable)
                    red, green, blue = red + r * a, green + g * a, blue + b * a
                    opacity += a
            n = SAMPLES * SAMPLES
            if opacity:
                pixels += bytes(round(c / opacity) for c in (red, green, blue))
            else:
                pixels += b"\x00\x00\x00"
            pixels.append(round(255 * opacity / n))
    return _png(size, pixels)


def main() -> None:
    folder = STATIC / "icons"
    folder.mkdir(exist_ok=True)
    for name, size, maskable in [
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("icon-maskable-512.png", 512, True),
    ]:
        (folder / name).write_bytes(draw(size, maskable))
        print(folder / name)


if __name__ == "__main__":
    main()
