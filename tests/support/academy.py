"""A module's edit form filled in with what the module holds now, in every language."""

from meetingpoint.i18n import LANGUAGES


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
