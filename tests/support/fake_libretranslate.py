"""A LibreTranslate stand-in on a loopback port: the same API shape (/translate, /languages,
/detect, JSON in and out, its error answers), a marked-up "translation", and switches for
the ways a real server fails: a wrong key, its text limit, busy, broken, slow."""

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LANGUAGES = {"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese", "ar": "Arabic"}


class FakeLibreTranslate:
    def __init__(self, api_key: str | None = None, char_limit: int = 5000):
        self.api_key = api_key
        self.char_limit = char_limit
        self.failure: int | None = None  # answer every call with this HTTP status
        self.delay = 0.0  # seconds before answering
        self.detects_as = "fr"  # what /detect says of any text
        self.calls: list[tuple[str, dict]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "FakeLibreTranslate":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def translations(self) -> list[dict]:
        return [fields for path, fields in self.calls if path == "/translate"]

    def answer(self, path: str, fields: dict) -> tuple[int, object]:
        """What LibreTranslate answers, as (status, JSON)."""
        self.calls.append((path, fields))
        if self.delay:
            time.sleep(self.delay)
        if self.failure == 429:
            return 429, {"error": "Slowdown: 1 per 1 second"}
        if self.failure:
            return self.failure, {"error": "Internal Server Error"}
        if path == "/languages":
            return 200, [
                {"code": code, "name": name, "targets": [t for t in LANGUAGES if t != code]}
                for code, name in LANGUAGES.items()
            ]
        if self.api_key and fields.get("api_key") != self.api_key:
            return 403, {"error": "Invalid API key"}
        text = fields.get("q")
        if not isinstance(text, str) or not text:
            return 400, {"error": "Invalid request: missing q parameter"}
        if len(text) > self.char_limit:
            return 400, {
                "error": f"Invalid request: request ({len(text)}) exceeds text limit "
                f"({self.char_limit})"
            }
        if path == "/detect":
            return 200, [{"confidence": 90.0, "language": self.detects_as}]
        source, target = fields.get("source"), fields.get("target")
        if source not in (*LANGUAGES, "auto") or target not in LANGUAGES:
            return 400, {"error": f"{source} is not supported"}
        marker = f"[{source}→{target}] "
        if fields.get("format") == "html" and text.startswith("<"):  # inside the first tag
            return 200, {"translatedText": re.sub(r"^(<[^>]+>)", r"\1" + marker, text, count=1)}
        return 200, {"translatedText": marker + text}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self._reply(*fake.answer(self.path, {}))

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    fields = json.loads(self.rfile.read(length) or b"{}")
                except ValueError:
                    return self._reply(400, {"error": "Invalid request: bad JSON"})
                self._reply(*fake.answer(self.path, fields))

            def _reply(self, status, body):
                data = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (a time-out test)

            def log_message(self, *args):
                pass

        return Handler
