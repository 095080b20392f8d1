"""The refusal every chat action may raise, below the modules that raise it."""


class ChatError(Exception):
    """A chat action refused for a reason the person can act on; str() is translated."""
