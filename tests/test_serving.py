"""Under gevent, each response ends with a turn for the other connections (a keep-alive
connection whose next request has already arrived would otherwise be served again and again
while the others wait); with threads nothing is added."""

import subprocess
import sys
import textwrap

from support.live_servers import ROOT

UNDER_GEVENT = textwrap.dedent(
    """
    from gevent import monkey
    monkey.patch_all()
    import gevent
    turns = []
    gevent.sleep = lambda *args: turns.append(args)
    from meetingpoint import create_app
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "TESTING": True})
    response = app.test_client().get("/healthz")
    before_close = len(turns)
    response.close()
    print(before_close, len(turns))
    """
)


def test_under_gevent_a_response_ends_with_a_turn_for_the_others():
    done = subprocess.run([sys.executable, "-c", UNDER_GEVENT], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[-2:] == ["0", "1"]  # after the response is written, once


def test_with_threads_the_application_is_left_as_it_is(app):
    assert getattr(app.wsgi_app, "__name__", "") != "take_turns"
