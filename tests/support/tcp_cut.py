"""A TCP relay between the app and PostgreSQL that a test can cut and restore: from the
app's side, the same as the database restarting (connections dropped, then refused)."""

import socket
import threading
from urllib.parse import urlsplit, urlunsplit

from support.live_servers import free_port


class Relay:
    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = free_port()
        self.connections: list[socket.socket] = []
        self.lock = threading.Lock()
        self.listener = None

    def start(self) -> "Relay":
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(64)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()
        return self

    def cut(self) -> None:
        """Drop every connection and refuse new ones."""
        listener, self.listener = self.listener, None
        try:  # wakes the thread blocked in accept(), which close() alone would not
            listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        listener.close()
        with self.lock:
            for connection in self.connections:
                try:
                    connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                connection.close()
            self.connections.clear()

    def _accept(self, listener) -> None:
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # cut
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self.lock:
                self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.close()
                except OSError:
                    pass


def through_relay(database_url: str) -> tuple[Relay, str]:
    """A started Relay in front of `database_url`'s server, and the URL that goes through it."""
    parts = urlsplit(database_url)
    relay = Relay((parts.hostname, parts.port or 5432)).start()
    netloc = parts.netloc.replace(
        f"{parts.hostname}:{parts.port or 5432}", f"127.0.0.1:{relay.port}"
    )
    return relay, urlunsplit(parts._replace(netloc=netloc))
