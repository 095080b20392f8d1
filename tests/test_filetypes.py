"""What a file is, read from its content: the name only chooses among look-alikes, and
pages, scripts and SVG never pass as anything."""

import io
import zipfile

import pytest

from meetingpoint.filetypes import DOCUMENTS, IMAGES, MEDIA, TEXT, UnknownType, sniff

ALL = IMAGES | DOCUMENTS | MEDIA | TEXT


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("decree.pdf", b"%PDF-1.7\n%...", "pdf"),
        ("agreement.docx", _docx(), "docx"),
        ("voice-note.ogg", b"OggS\x00\x02" + b"\x00" * 40, "ogg"),
        ("voice-note.opus", b"OggS\x00\x02" + b"\x00" * 40, "ogg"),
        ("speech.mp3", b"ID3\x04\x00\x00" + b"\x00" * 40, "mp3"),
        ("memo.m4a", b"\x00\x00\x00\x20ftypM4A \x00\x00\x02\x00" + b"\x00" * 20, "m4a"),
        ("workshop.mp4", b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00" + b"\x00" * 20, "mp4"),
        ("clip.webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 40, "webm"),
        ("recording.wav", b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 20, "wav"),
        ("minutes.txt", "Acta de la reunión tripartita\nPunto 1".encode(), "txt"),
        ("figures.csv", b"country,members\nSenegal,120\n", "txt"),
    ],
)
def test_each_accepted_type_is_read_from_its_content(tmp_path, name, content, kind):
    path = tmp_path / "upload"
    path.write_bytes(content)
    assert sniff(path, name.rsplit(".", 1)[1], ALL) == kind


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("page.html", b"<!DOCTYPE html><script>alert(1)</script>", "unknown"),
        ("notes.txt", b"<html><body onload=alert(1)>", "mismatch"),  # a page behind a text name
        ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "unknown"),
        ("notes.txt", b"<?xml version='1.0'?><svg/>", "mismatch"),
        ("photo.jpg", b"%PDF-1.7\n", "mismatch"),  # a PDF named as a picture
        ("tool.exe", b"MZ\x90\x00\x03\x00\x00\x00", "unknown"),
        ("notes.txt", b"binary\x00\x01\x02", "mismatch"),
        ("archive.zip", b"PK\x03\x04" + b"\x00" * 40, "unknown"),
    ],
)
def test_pages_programs_and_disguises_are_refused(tmp_path, name, content, reason):
    path = tmp_path / "upload"
    path.write_bytes(content)
    with pytest.raises(UnknownType) as refused:
        sniff(path, name.rsplit(".", 1)[1], ALL)
    assert refused.value.reason == reason


def test_only_the_types_a_feature_accepts_pass(tmp_path):
    path = tmp_path / "upload"
    path.write_bytes(b"OggS\x00\x02" + b"\x00" * 40)
    with pytest.raises(UnknownType):
        sniff(path, "ogg", DOCUMENTS | IMAGES)  # the library takes no audio
