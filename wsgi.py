"""Production entry point: `gunicorn wsgi:app`."""

import gc

from meetingpoint import create_app

app = create_app()
# What loading the app made lives as long as the process: leave it out of every garbage
# collection. A full pass over it took 230-380 ms with a thousand chat tabs connected,
# a pause every live message then waited behind.
gc.freeze()
