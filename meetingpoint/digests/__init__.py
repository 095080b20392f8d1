"""Email digests: what happened in a participant's rooms and watched topics, daily or weekly."""

from . import sending  # noqa: E402,F401  (declares the digest job, which workers run by name)
