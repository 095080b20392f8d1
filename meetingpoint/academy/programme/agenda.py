"""The face-to-face programme: times entered in the venue's zone, stored in UTC, and the
calendar (.ics) export of the whole programme or one session."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select
from werkzeug.exceptions import NotFound

from ...database import utcnow
from ...extensions import db
from ..models import Academy, AgendaSession


def venue_instant(academy: Academy, day: date, at: time) -> datetime:
    """A wall-clock time at the venue as a UTC instant (daylight saving included)."""
    return datetime.combine(day, at, tzinfo=ZoneInfo(academy.time_zone)).astimezone(ZoneInfo("UTC"))


def venue_time(academy: Academy, instant: datetime) -> datetime:
    return instant.astimezone(ZoneInfo(academy.time_zone))


def sessions_of(academy: Academy) -> list[AgendaSession]:
    query = (
        select(AgendaSession)
        .where(AgendaSession.academy_id == academy.id)
        .order_by(AgendaSession.starts_at, AgendaSession.id)
    )
    return list(db.session.scalars(query))


def access_session(academy: Academy, session_id: int) -> AgendaSession:
    session = db.session.get(AgendaSession, session_id)
    if session is None or session.academy_id != academy.id:
        raise NotFound
    return session


def _escape(text: str) -> str:
    # RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT.
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1),
    never splitting a multi-byte character."""
    out, current = [], ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode()) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return "\r\n ".join(out)


def _stamp(instant: datetime) -> str:
    return instant.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ")


def calendar(academy: Academy, sessions, language: str, host: str) -> str:
    """An iCalendar document; times in UTC so every calendar shows them in its own zone."""
    title = academy.text(language).title
    location = ", ".join(part for part in (academy.venue, academy.city) if part)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Meeting Point//Academy programme//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(title)}",
    ]
    now = _stamp(utcnow())
    for session in sessions:
        place = ", ".join(part for part in (session.place, location) if part)
        lines += [
            "BEGIN:VEVENT",
            f"UID:academy-session-{session.id}@{host}",
            f"DTSTAMP:{now}",
            f"DTSTART:{_stamp(session.starts_at)}",
            f"DTEND:{_stamp(session.ends_at)}",
            f"SUMMARY:{_escape(session.text(language).title)}",
            f"LOCATION:{_escape(place)}",
            f"DESCRIPTION:{_escape(title)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
