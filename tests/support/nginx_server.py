"""nginx from the distribution, running the site file shipped in deploy/ (only its ports
and paths swapped for loopback ones), in front of real app processes."""

import os
import re
import socket
import subprocess
import time
from pathlib import Path

from support.live_servers import ROOT, free_port

SITE = ROOT / "deploy" / "nginx" / "meetingpoint.conf"
CERTIFICATES = "/etc/letsencrypt/live/meetingpoint.example.org/"


class Nginx:
    """`url` is the site's server block: over TLS with `tls=True` (a self-signed certificate
    made here, `certificate` to trust), otherwise over plain HTTP on the same block, as the
    tests of pages, chat and faults need. `redirect_url` is the plain HTTP block."""

    def __init__(self, workdir: Path, app_ports: list[int], tls: bool = False):
        self.workdir = workdir
        self.port, self.redirect_port = free_port(), free_port()
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.redirect_url = f"http://127.0.0.1:{self.redirect_port}"
        self.certificate, key = self._self_signed()
        self.acme_root = workdir / "acme"
        site = SITE.read_text()
        http2 = _has_http2_directive()
        swaps = [
            ("listen 80;", f"listen 127.0.0.1:{self.redirect_port};"),
            ("    listen [::]:80;\n", ""),
            ("listen 443 ssl;", f"listen 127.0.0.1:{self.port}"
                                f"{' ssl' if tls else ''}{' http2' if tls and not http2 else ''};"),
            ("    listen [::]:443 ssl;\n", ""),
            ("http2 on;", "http2 on;" if tls and http2 else ""),
            (CERTIFICATES + "fullchain.pem", str(self.certificate)),
            (CERTIFICATES + "privkey.pem", str(key)),
            (CERTIFICATES + "chain.pem", str(self.certificate)),
            ("root /var/www/letsencrypt;", f"root {self.acme_root};"),
            ("server 127.0.0.1:8001 ", f"server 127.0.0.1:{app_ports[0]} "),
            ("server 127.0.0.1:8002 ", f"server 127.0.0.1:{app_ports[1]} "),
            ("/srv/meetingpoint/app/meetingpoint/static/", f"{ROOT / 'meetingpoint' / 'static'}/"),
        ]  # fmt: skip
        for shipped, here in swaps:
            assert shipped in site, f"deploy/nginx changed: {shipped!r} not found"
            site = site.replace(shipped, here)
        temp = {
            name: workdir / f"nginx-{name}"
            for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")
        }
        for path in temp.values():
            path.mkdir(exist_ok=True)
        self.config = workdir / "nginx.conf"
        self.config.write_text(
            ("user root;\n" if os.geteuid() == 0 else "")
            + f"daemon off;\nworker_processes 1;\npid {workdir / 'nginx.pid'};\n"
            f"error_log {workdir / 'nginx-error.log'} warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
            "  access_log off;\n"
            f"  client_body_temp_path {temp['body']};\n  proxy_temp_path {temp['proxy']};\n"
            f"  fastcgi_temp_path {temp['fastcgi']};\n  uwsgi_temp_path {temp['uwsgi']};\n"
            f"  scgi_temp_path {temp['scgi']};\n{site}\n}}\n"
        )
        self.process = None

    def _self_signed(self) -> tuple[Path, Path]:
        certificate, key = self.workdir / "nginx-cert.pem", self.workdir / "nginx-key.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
             "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
             "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
            check=True, capture_output=True,
        )  # fmt: skip
        return certificate, key

    def start(self) -> "Nginx":
        self.process = subprocess.Popen(
            ["nginx", "-c", str(self.config), "-p", str(self.workdir), "-e",
             str(self.workdir / "nginx-error.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.error_log()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"nginx did not start: {self.error_log()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def error_log(self) -> str:
        path = self.workdir / "nginx-error.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""


def _has_http2_directive() -> bool:
    """`http2 on;` exists from nginx 1.25.1; older ones (Debian 12's 1.22) say it on `listen`."""
    found = re.search(r"nginx/(\d+)\.(\d+)\.(\d+)", _version())
    return found is not None and tuple(map(int, found.groups())) >= (1, 25, 1)


def _version() -> str:
    done = subprocess.run(["nginx", "-v"], capture_output=True, text=True)
    return done.stderr + done.stdout
