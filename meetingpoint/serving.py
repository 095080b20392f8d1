"""Taking turns under gevent: after each response, let the other connections be served."""

from werkzeug.wsgi import ClosingIterator


def configure_turn_taking(app) -> None:
    """A gevent worker reads a keep-alive connection's next request without yielding when it
    has already arrived (as it has from nginx or a fast client on the same machine), so one
    connection could be served again and again while the others wait: at 16 connections a
    page's p99 went from about 0.15 s to over 1 s. Yielding once the response has been
    written puts that connection at the back of the queue."""
    try:
        from gevent import monkey, sleep
    except ImportError:
        return
    if not monkey.is_module_patched("socket"):
        return  # threads or a single process: the operating system takes turns already
    inner = app.wsgi_app

    def take_turns(environ, start_response):
        return ClosingIterator(inner(environ, start_response), [sleep])

    app.wsgi_app = take_turns
