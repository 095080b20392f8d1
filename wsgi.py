"""Production entry point: `gunicorn wsgi:app`."""

from meetingpoint import create_app

app = create_app()
