"""Mail coming in: replies, new topics by mail, bounces."""

from . import processing  # noqa: F401  (declares the job)
