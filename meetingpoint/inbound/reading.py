"""STUB until the helper's branch lands."""


def reply_text(message):
    part = message.get_body(("plain",))
    return part.get_content() if part else ""


def attached_files(message):
    return []
