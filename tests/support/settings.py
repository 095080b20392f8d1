"""The test run's settings: which PostgreSQL, whether under CI, the users' shared password."""

import os

from werkzeug.security import generate_password_hash

from meetingpoint.config import TestingConfig

POSTGRES_URL = os.environ.get(
    "MEETINGPOINT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
PASSWORD = "correct horse battery"
# As TestingConfig hashes: the factory's users sign in without scrypt's 250 ms.
PASSWORD_HASH = generate_password_hash(PASSWORD, method=TestingConfig.PASSWORD_HASH_METHOD)
