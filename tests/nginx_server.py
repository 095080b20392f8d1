"""nginx from the distribution, running the site file shipped in deploy/ (only its ports
and paths swapped for loopback ones), in front of real app processes."""

import os
import socket
import subprocess
import time
from pathlib import Path

from live_servers import ROOT, free_port

SITE = ROOT / "deploy" / "nginx" / "meetingpoint.conf"


class Nginx:
    def __init__(self, workdir: Path, app_ports: list[int]):
        self.workdir = workdir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        site = SITE.read_text()
        swaps = [
            ("listen 80;", f"listen 127.0.0.1:{self.port};"),
            ("server 127.0.0.1:8001 ", f"server 127.0.0.1:{app_ports[0]} "),
            ("server 127.0.0.1:8002 ", f"server 127.0.0.1:{app_ports[1]} "),
            ("/srv/meetingpoint/app/meetingpoint/static/", f"{ROOT / 'meetingpoint' / 'static'}/"),
        ]
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
