"""A module's edit form filled in with what the module holds now, in every language; a module
with a discussion and a library reading to keep for offline reading."""

import io

from meetingpoint.academy.discussions.topics import open_discussion
from meetingpoint.academy.models import Reading
from meetingpoint.extensions import db
from meetingpoint.i18n import LANGUAGES
from meetingpoint.library.services import ItemFields, add_document


def module_form(module, **changes) -> dict:
    data = {}
    for lang in LANGUAGES:
        data[f"title_{lang}"] = module.text(lang).title
        data[f"principles_{lang}"] = module.text(lang).principles
        data[f"questions_{lang}"] = "\n".join(q.text(lang).text for q in module.questions)
        data[f"readings_{lang}"] = ""
    data["rooms"] = [str(link.room_id) for link in module.rooms]
    data.update(changes)
    return data


# A small PDF, as a library document (its content tells its type).
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def module_to_keep(academy, staff, room, document: bytes = PDF):
    """The social dialogue module, its first key question's discussion opened and a library
    document (in `room`) as its English reading: what "Keep for offline" keeps.
    Returns (module, topic, item)."""
    module = academy.modules[6]
    topic = open_discussion(staff, academy, module.questions[0].id)
    fields = ItemFields(
        title="Guide to tripartite councils", item_type="toolkit", languages=["en"],
        description="How councils are set up and run.", room_ids=[room.id],
    )  # fmt: skip
    item = add_document(staff, fields, io.BytesIO(document), "councils-guide.pdf")
    module.readings = [
        Reading(position=0, language="en", title=item.title, url=f"/en/library/{item.id}")
    ]
    db.session.commit()
    return module, topic, item
