"""The polite answer to a mail we could not post: why, and what to do instead, in the
sender's language; sent as an automatic reply, so no responder answers it back."""

from email.utils import parseaddr

from flask import render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..accounts.models import User
from ..extensions import db
from ..i18n import LANGUAGES
from ..languages.detection import detect
from ..mail import send_mail
from .reading import reply_text

QUOTED_MAX = 20_000  # characters: a whole message, but not a mail bomb sent back

UNKNOWN = _l(
    "This reply address is not one we know. Answer from the site, or reply to a more recent "
    "mail from Meeting Point."
)
EXPIRED = _l(
    "This reply address has expired, because the mail it came with is old. Answer from the "
    "site, or reply to a more recent mail from Meeting Point."
)
NOT_YOURS = _l(
    "This reply address belongs to someone else. Each person answers from their own mail: "
    "reply to a mail Meeting Point sent to you, from the address your account uses."
)
UNAUTHENTICATED = _l(
    "Your mail provider could not confirm that this mail came from your address, so we did "
    "not post it. Write from the address your account uses, or post on the site."
)
UNKNOWN_SENDER = _l(
    "We could not find a member with this address. Write from the address your account "
    "uses, or post on the site."
)
EMPTY = _l("Your mail had no text of your own, or it was all a quotation, so nothing was posted.")
TOO_MANY = _l(
    "You have sent us more mail this hour than we take from one person. Wait a little, then "
    "send it again."
)


def answer(mail, message, reason) -> None:
    """Mail the sender why their mail was not posted (the caller limits how often)."""
    user = db.session.scalar(select(User).where(User.email == mail.sender))
    written = reply_text(message).strip()  # read once: quoting and language both need it
    language = user.locale if user is not None else _language_of(written)
    subject = str(message.get("Subject") or "").strip()
    headers = {"Auto-Submitted": "auto-replied"}
    original = (mail.message_id or "").strip()
    if original.startswith("<") and original.endswith(">"):
        headers.update({"In-Reply-To": original, "References": original})
    with force_locale(language):
        body = render_template(
            "email/mail_refused.txt",
            reason=str(reason),
            site=url_for("main.home", lang_code=language, _external=True),
            quoted=_quoted(written),
        )
        title = _("Your mail was not posted")
    send_mail(
        parseaddr(mail.sender)[1],
        f"Re: {subject}"[:200] if subject else title,
        body,
        language=language,
        headers=headers,
        recipient_id=user.id if user is not None else None,
    )


def _language_of(written: str) -> str:
    found = detect(written)
    return found if found in LANGUAGES else "en"


def _quoted(written: str) -> str:
    """What they wrote, quoted back, so that nothing is lost."""
    return "\n".join(f"> {line}" for line in written[:QUOTED_MAX].splitlines())
