"""Email digests: what happened in a participant's rooms and watched topics, daily or weekly."""
