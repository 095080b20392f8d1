"""The Library's upload form as a browser sends it, and a download read whole."""

import io

from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from support.web import csrf_token

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def describe(seeded, **changes) -> dict:
    data = {
        "title": "Toolkit on labour inspection",
        "description": "How inspectorates in the South plan visits.",
        "item_type": "toolkit",
        "year": "2015",
        "source": "ILO",
        "languages": ["en", "fr"],
        "rooms": [str(seeded["child-labour-modern-slavery"].id)],
    }
    data.update(changes)
    return data


def upload(client, rooms, content: bytes, name: str, url="/en/library/add/document", **changes):
    """Send the form as a browser would. The body is encoded here, in memory: the test
    client's own encoder leaves a temporary file open when the app stops reading early."""
    fields = MultiDict(describe(rooms, **changes))
    fields.add("csrf_token", csrf_token(client))
    fields.add("file", FileStorage(io.BytesIO(content), filename=name))
    boundary, body = encode_multipart(fields)
    return client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def download_of(client, item_id: int, method: str = "GET", **headers):
    """The download's response, read and closed (the served file is open until then)."""
    response = client.open(f"/en/library/{item_id}/download", method=method, headers=headers)
    response.get_data()
    response.close()
    return response
