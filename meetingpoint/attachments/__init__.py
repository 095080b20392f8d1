"""Pictures and files attached to posts and chat messages."""
