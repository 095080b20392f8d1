"""Videos hosted on YouTube or Vimeo: recognised from their address, shown as a still card
of ours, and embedded only when the reader presses play."""

import re
from urllib.parse import parse_qs, urlparse

YOUTUBE, VIMEO = "youtube", "vimeo"
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{1,12}$")
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com",
                  "www.youtube-nocookie.com"}  # fmt: skip
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}

# The only hosts a play page may frame (its Content-Security-Policy says so, and no other).
FRAME_SOURCES = {YOUTUBE: "https://www.youtube-nocookie.com", VIMEO: "https://player.vimeo.com"}


def parse_video(url: str) -> tuple[str, str] | None:
    """(host, id) for a YouTube or Vimeo address, else None."""
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https"):
        return None
    host = (parsed.hostname or "").lower()
    parts = [part for part in parsed.path.split("/") if part]
    if host == "youtu.be" and parts:
        candidate = parts[0]
    elif host in _YOUTUBE_HOSTS:
        if parts[:1] == ["watch"]:
            candidate = (parse_qs(parsed.query).get("v") or [""])[0]
        elif len(parts) >= 2 and parts[0] in ("embed", "shorts", "live", "v"):
            candidate = parts[1]
        else:
            return None
    elif host in _VIMEO_HOSTS:
        candidate = parts[-1] if parts else ""
        return (VIMEO, candidate) if _VIMEO_ID.match(candidate) else None
    else:
        return None
    return (YOUTUBE, candidate) if _YOUTUBE_ID.match(candidate) else None


def embed_url(host: str, video_id: str) -> str:
    if host == YOUTUBE:
        return f"{FRAME_SOURCES[YOUTUBE]}/embed/{video_id}?autoplay=1"
    return f"{FRAME_SOURCES[VIMEO]}/video/{video_id}?autoplay=1&dnt=1"


def watch_url(host: str, video_id: str) -> str:
    if host == YOUTUBE:
        return f"https://www.youtube.com/watch?v={video_id}"
    return f"https://vimeo.com/{video_id}"
