"""Configuration: safe defaults, overridden by MEETINGPOINT_* environment variables."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(f"MEETINGPOINT_{name}", default)


class Config:
    """Defaults for `make run`: one process, SQLite under instance/, mail to the outbox."""

    # "production" refuses to start without a strong MEETINGPOINT_SECRET_KEY (see create_app);
    # elsewhere an unset key is made at random once and kept in instance/secret_key.
    ENVIRONMENT = _env("ENV", "development")
    SECRET_KEY = _env("SECRET_KEY")
    INSTANCE_PATH = Path(_env("INSTANCE_PATH", str(PROJECT_ROOT / "instance")))
    SQLALCHEMY_DATABASE_URI = _env(
        "DATABASE_URL", f"sqlite:///{PROJECT_ROOT / 'instance' / 'meetingpoint.db'}"
    )
    # Connections per process. Under gevent one process serves hundreds of requests and
    # socket events at once, each holding a connection from its first query to its commit:
    # past POOL_SIZE + POOL_OVERFLOW they wait up to POOL_TIMEOUT seconds for one, then get
    # a 503 page (or a socket answer that says try again). PostgreSQL's max_connections must
    # cover (POOL_SIZE + POOL_OVERFLOW) x processes, plus the command-line jobs.
    SQLALCHEMY_ENGINE_OPTIONS = {
        "pool_pre_ping": True,
        "pool_size": int(_env("DATABASE_POOL_SIZE", "10")),
        "max_overflow": int(_env("DATABASE_POOL_OVERFLOW", "10")),
        "pool_timeout": float(_env("DATABASE_POOL_TIMEOUT", "10")),
    }

    # Locale: the catalogs live at the top level, so the path must be absolute.
    BABEL_TRANSLATION_DIRECTORIES = str(PROJECT_ROOT / "translations")
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "UTC"

    # Passwords: werkzeug's scrypt, slow on purpose. Tests take a cheap method instead.
    PASSWORD_HASH_METHOD = "scrypt"

    # Cookies: never readable from scripts, never sent on cross-site subrequests.
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env("SECURE_COOKIES", "0") == "1"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE

    WTF_CSRF_TIME_LIMIT = None  # a form left open over lunch must still submit

    # Mail: SMTP when a host is set; otherwise .eml files in instance/outbox/.
    MAIL_SERVER = _env("SMTP_HOST")
    MAIL_PORT = int(_env("SMTP_PORT", "587"))
    MAIL_USERNAME = _env("SMTP_USER")
    MAIL_PASSWORD = _env("SMTP_PASSWORD")
    MAIL_USE_TLS = _env("SMTP_TLS", "1") == "1"
    MAIL_SENDER = _env("MAIL_SENDER", "Meeting Point <no-reply@meetingpoint.local>")
    MAIL_OUTBOX = Path(_env("MAIL_OUTBOX", str(PROJECT_ROOT / "instance" / "outbox")))
    # Mail coming in (docs/mail.md). With a reply domain, mail about a post or conversation
    # can be answered (Reply-To: reply+<token>@domain), a room takes new topics at
    # MAIL_ROOM_ADDRESS, and bounces return to bounces+<token>@domain. Unset: outbound only.
    MAIL_REPLY_DOMAIN = _env("MAIL_REPLY_DOMAIN")
    MAIL_ROOM_ADDRESS = _env("MAIL_ROOM_ADDRESS", "{room}@{domain}")
    # The authserv-ids of our own MTA: only its Authentication-Results headers are believed.
    MAIL_AUTHSERV_IDS = _env("MAIL_AUTHSERV_IDS", "")
    MAIL_IN_MAX_BYTES = int(_env("MAIL_IN_MAX_BYTES", str(25 * 1024 * 1024)))
    MAIL_IN_PER_SENDER_PER_HOUR = int(_env("MAIL_IN_PER_SENDER_PER_HOUR", "30"))
    MAIL_REPLY_KEY_DAYS = int(_env("MAIL_REPLY_KEY_DAYS", "180"))  # since the last mail sent
    MAIL_BOUNCES_TO_STOP = int(_env("MAIL_BOUNCES_TO_STOP", "3"))
    MAIL_LMTP_HOST = _env("MAIL_LMTP_HOST", "127.0.0.1")
    MAIL_LMTP_PORT = int(_env("MAIL_LMTP_PORT", "8024"))
    # Invitations (issue 24): how long a link from a list is good for, and how many mails one
    # staff member may send in a day.
    INVITATION_DAYS = int(_env("INVITATION_DAYS", "30"))
    INVITATIONS_PER_DAY = int(_env("INVITATIONS_PER_DAY", "2000"))

    # Links in mail need an absolute address even outside a request.
    SERVER_NAME = _env("SERVER_NAME")
    # How many proxies (nginx: 1) stand in front and may be believed about the client's
    # address and scheme; 0 when the app faces the network itself.
    TRUSTED_PROXIES = int(_env("TRUSTED_PROXIES", "0"))
    # The address people reach the site at, for mail sent from the command line (digests).
    PUBLIC_URL = _env("PUBLIC_URL", "http://127.0.0.1:5000")
    PREFERRED_URL_SCHEME = _env("URL_SCHEME", "http")

    # Several processes: set a Redis URL and they share Socket.IO broadcasts (message queue)
    # and every counter the limiter keeps; one process needs neither.
    REDIS_URL = _env("REDIS_URL")
    RATELIMIT_STORAGE_URI = _env("RATELIMIT_STORAGE_URI", REDIS_URL or "memory://")
    # Distinct per deployment sharing one Redis server, like the Socket.IO channel.
    RATELIMIT_KEY_PREFIX = _env("RATELIMIT_KEY_PREFIX", "meetingpoint")
    # Jobs (docs/jobs.md): with a Redis, queued there and run by `flask worker` processes;
    # without, run in the app's process once the response has gone.
    JOBS_REDIS_URL = _env("JOBS_REDIS_URL", REDIS_URL)
    JOBS_NAMESPACE = _env("JOBS_NAMESPACE", "meetingpoint-jobs")  # per deployment, as below
    JOBS_WORKER_THREADS = int(_env("JOBS_WORKER_THREADS", "4"))
    # A failing job is tried again this many times, waiting twice as long each time (with
    # jitter) from the least to the most back-off; then it is listed at /admin/jobs.
    JOBS_MAX_RETRIES = int(_env("JOBS_MAX_RETRIES", "8"))
    JOBS_MIN_BACKOFF_SECONDS = float(_env("JOBS_MIN_BACKOFF_SECONDS", "15"))
    JOBS_MAX_BACKOFF_SECONDS = float(_env("JOBS_MAX_BACKOFF_SECONDS", "3600"))
    # A worker silent this long is dead: the jobs it had taken go back to the queue, at the
    # next check (on this share, per million, of the broker's Redis commands).
    JOBS_HEARTBEAT_SECONDS = float(_env("JOBS_HEARTBEAT_SECONDS", "60"))
    JOBS_MAINTENANCE_PER_MILLION = int(_env("JOBS_MAINTENANCE_PER_MILLION", "10000"))
    JOBS_STOP_SECONDS = float(_env("JOBS_STOP_SECONDS", "60"))  # running jobs finish on stop
    JOBS_AFTER_RESPONSE = True  # without Redis; False runs them right after the commit
    # The Redis pub/sub channel: distinct per deployment sharing one Redis server.
    SOCKETIO_CHANNEL = _env("SOCKETIO_CHANNEL", "meetingpoint")
    # "threading" for `flask run`; "gevent" is chosen by itself under gunicorn -k gevent.
    SOCKETIO_ASYNC_MODE = _env("SOCKETIO_ASYNC_MODE")
    RATELIMIT_ENABLED = True
    # Redis away: limits go on counting in each process's memory rather than failing pages.
    RATELIMIT_SWALLOW_ERRORS = True
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    LOGIN_LIMIT_PER_ACCOUNT = "5 per minute;20 per hour"
    LOGIN_LIMIT_PER_ADDRESS = "20 per minute;100 per hour"

    VERIFY_TOKEN_HOURS = 48
    RESET_TOKEN_HOURS = 2
    PEOPLE_PER_PAGE = 24

    # Forums: per-person pace, and how many first posts of a new account wait for approval.
    FORUM_TOPICS_PER_HOUR = int(_env("FORUM_TOPICS_PER_HOUR", "5"))
    FORUM_REPLIES_PER_HOUR = int(_env("FORUM_REPLIES_PER_HOUR", "60"))
    FORUM_REPORTS_PER_HOUR = int(_env("FORUM_REPORTS_PER_HOUR", "10"))
    CHAT_MESSAGES_PER_MINUTE = int(_env("CHAT_MESSAGES_PER_MINUTE", "30"))
    # Every live connection's events (any kind): this many at once, then this many a second;
    # beyond, each is refused undone, and a connection refused three bursts' worth within ten
    # seconds is dropped. A page sends a few a minute; a script in a loop, thousands.
    CHAT_EVENT_BURST = int(_env("CHAT_EVENT_BURST", "20"))
    CHAT_EVENTS_PER_SECOND = float(_env("CHAT_EVENTS_PER_SECOND", "5"))
    # A live connection says it is still there this often; twice that without a word and
    # its person no longer counts as online (the process holding it may have died).
    CHAT_HEARTBEAT_SECONDS = int(_env("CHAT_HEARTBEAT_SECONDS", "45"))
    FORUM_HOLD_FIRST_POSTS = int(_env("FORUM_HOLD_FIRST_POSTS", "0"))
    # Socket events of one process that use the database at once (the rest wait in memory,
    # holding no connection), and how long one waits before it is answered "try again".
    # Keep it below DATABASE_POOL_SIZE, so pages always find a connection too.
    CHAT_EVENTS_AT_ONCE = int(_env("CHAT_EVENTS_AT_ONCE", "6"))
    CHAT_EVENT_WAIT_SECONDS = float(_env("CHAT_EVENT_WAIT_SECONDS", "10"))
    # Unsent drafts kept per person (past it the oldest goes), and how often a page may
    # save one while someone types (drafts.js: 1.5 s after the last keystroke, each minute).
    DRAFTS_PER_PERSON = int(_env("DRAFTS_PER_PERSON", "100"))
    DRAFT_SAVES_LIMIT = _env("DRAFT_SAVES_LIMIT", "30 per minute;600 per hour")

    # Visit counts are kept in each process and written together this often.
    VISITS_FLUSH_SECONDS = float(_env("VISITS_FLUSH_SECONDS", "10"))
    # The dashboard's figures for a period still going on are worked out again this often.
    DASHBOARD_FRESH_SECONDS = float(_env("DASHBOARD_FRESH_SECONDS", "600"))
    # Pages kept for visitors (not signed in): dropped at once by any change they could show,
    # and after this long anyway, for what depends on the clock. 0 keeps none.
    PAGE_CACHE_SECONDS = float(_env("PAGE_CACHE_SECONDS", "60"))
    PAGE_CACHE_BYTES = int(_env("PAGE_CACHE_BYTES", str(32 * 1024 * 1024)))  # per process
    # The service worker (offline/): pages a reader opened are kept in their browser within
    # this many bytes (least recently read dropped first); a page waits this long for the
    # network before the kept copy is shown.
    OFFLINE_BYTES = int(_env("OFFLINE_BYTES", str(10 * 1024 * 1024)))
    OFFLINE_NETWORK_SECONDS = float(_env("OFFLINE_NETWORK_SECONDS", "3.5"))

    # Web Push (docs/push.md). The VAPID private key signs every push: base64url (raw 32 bytes
    # or DER), shared by every process; unset, one is made once in instance/vapid_private_key.pem.
    VAPID_PRIVATE_KEY = _env("VAPID_PRIVATE_KEY")
    # How a push service reaches the operator: "mailto:..." or an https URL (default: the
    # address of MAIL_SENDER).
    VAPID_SUBJECT = _env("VAPID_SUBJECT")
    PUSH_TIMEOUT_SECONDS = float(_env("PUSH_TIMEOUT_SECONDS", "10"))
    PUSH_TTL_SECONDS = int(_env("PUSH_TTL_SECONDS", str(24 * 3600)))  # kept for an offline device
    PUSH_DEVICES_PER_PERSON = int(_env("PUSH_DEVICES_PER_PERSON", "10"))
    PUSH_LOOPBACK_HTTP = False  # push services are https; tests run a stand-in on loopback

    # Attachments to posts and chat messages (docs/attachments.md): at most this many bytes
    # a picture, any other file, and a person's files in a day.
    ATTACHMENT_IMAGE_BYTES = int(_env("ATTACHMENT_IMAGE_BYTES", str(10 * 1024 * 1024)))
    ATTACHMENT_FILE_BYTES = int(_env("ATTACHMENT_FILE_BYTES", str(25 * 1024 * 1024)))
    ATTACHMENT_DAILY_BYTES = int(_env("ATTACHMENT_DAILY_BYTES", str(200 * 1024 * 1024)))

    # Sign in with OpenID Connect (docs/sign-in.md): a JSON list of providers, each
    # {"name", "title", "issuer", "client_id", "client_secret", "domains"?, "scope"?}.
    # Empty: password sign-in only, and no page shows a provider.
    OIDC_PROVIDERS = _env("OIDC_PROVIDERS", "")

    # Machine translation: a self-hosted LibreTranslate server (unset: no "Translate").
    TRANSLATION_URL = _env("TRANSLATION_URL")
    TRANSLATION_API_KEY = _env("TRANSLATION_API_KEY")
    TRANSLATION_TIMEOUT_SECONDS = float(_env("TRANSLATION_TIMEOUT_SECONDS", "8"))
    TRANSLATION_MAX_CHARS = int(_env("TRANSLATION_MAX_CHARS", "6000"))
    TRANSLATIONS_PER_HOUR = int(_env("TRANSLATIONS_PER_HOUR", "60"))

    # No request body beyond this, except on forms that take a file: a little over the
    # library's 20 MB per file, so a file just too large gets the form back with its text.
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    UPLOAD_MAX_CONTENT_LENGTH = 25 * 1024 * 1024
    # A post's or a message's five attachments at their largest, and its text.
    ATTACHMENTS_MAX_CONTENT_LENGTH = 5 * ATTACHMENT_FILE_BYTES + 2 * 1024 * 1024
    # Uploaded files (docs/storage.md): "local", in folders of this machine, or "s3", in an
    # S3-compatible object store every machine shares (AWS S3, MinIO, Ceph, Garage...).
    STORAGE_BACKEND = _env("STORAGE_BACKEND", "local")
    # Local: files under this folder (unset: instance/files/), except the Library's documents,
    # one file per content hash under LIBRARY_PATH (unset: instance/library/, as always).
    STORAGE_PATH = _env("STORAGE_PATH")
    LIBRARY_PATH = _env("LIBRARY_PATH")
    # S3: a private bucket; the endpoint for anything but AWS (http://minio:9000); without
    # keys, boto3's usual chain (AWS_* variables, ~/.aws, the machine's role) is asked.
    STORAGE_S3_BUCKET = _env("STORAGE_S3_BUCKET")
    STORAGE_S3_ENDPOINT_URL = _env("STORAGE_S3_ENDPOINT_URL")
    STORAGE_S3_REGION = _env("STORAGE_S3_REGION")
    STORAGE_S3_ACCESS_KEY = _env("STORAGE_S3_ACCESS_KEY")
    STORAGE_S3_SECRET_KEY = _env("STORAGE_S3_SECRET_KEY")
    LIBRARY_ITEMS_PER_HOUR = int(_env("LIBRARY_ITEMS_PER_HOUR", "20"))


class TestingConfig(Config):
    """Tests: a database chosen by the fixture, mail always to a temporary outbox."""

    TESTING = True
    SECRET_KEY = "testing"
    MAIL_SERVER = None
    SERVER_NAME = None
    VISITS_FLUSH_SECONDS = 0  # every page view written at once, where a test can see it
    DASHBOARD_FRESH_SECONDS = 0  # figures reflect what a test has just written
    # No test measures hashing time: one PBKDF2 round instead of scrypt's 250 ms a sign-in.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1"
    JOBS_REDIS_URL = None  # jobs in the test's process, unless a test gives it a Redis...
    JOBS_AFTER_RESPONSE = False  # ...and done when the test client returns
    VAPID_PRIVATE_KEY = "RIzeNDQ-hj0K6tI2_46jIyBJp9B09oAb_PfYak1XEYU"  # a test key, nothing else
    PUSH_LOOPBACK_HTTP = True  # the stand-in push service (tests/support/push_service.py)
