"""The Socket.IO message queue on Redis, watched. python-socketio logs a failed publish and
goes on, and after Redis comes back its listener may sleep up to a minute before it
subscribes again. Here we remember whether the last publish got through and whether the
listener is subscribed, and retry at most every few seconds: senders are told that live
delivery is reconnecting (their message is stored all the same), and the heartbeat lets
every client fetch what it missed meanwhile."""

import time

import socketio

RETRY_MAX_SECONDS = 4


class WatchedRedisManager(socketio.RedisManager):
    connected: bool  # RedisManager's own: whether it holds a Redis connection

    def __init__(self, url, channel):
        super().__init__(url, channel=channel, redis_options={"socket_connect_timeout": 2})
        # Optimistic until a failure says otherwise: the listener starts with the first client.
        self.publishing = True
        self.listening = True
        self._next_probe = 0.0

    @property
    def is_live(self) -> bool:
        # A process whose last publish failed may have nothing more to publish for a long
        # while (its clients only read): it asks Redis itself, every few seconds, or its
        # pages would say "reconnecting" long after Redis is back.
        if not self.publishing and time.monotonic() >= self._next_probe:
            self._next_probe = time.monotonic() + RETRY_MAX_SECONDS
            self.publishing = self._redis_answers()
        return self.publishing and self.listening

    def _redis_answers(self) -> bool:
        try:
            if not self.connected:
                self._redis_connect()
            return bool(self.redis.ping())
        except Exception:  # any failure means "still away"
            self.connected = False
            return False

    def _publish(self, data):
        result = super()._publish(data)  # None: it gave up; a count of listeners otherwise
        self.publishing = result is not None
        if not self.publishing:
            self._next_probe = time.monotonic() + RETRY_MAX_SECONDS
        return result

    def _redis_listen_with_retries(self):
        # python-socketio's loop, with the state recorded and the back-off capped.
        retry_sleep = 0.5
        subscribed = False
        while True:
            try:
                if not subscribed:
                    self._redis_connect()
                    self.pubsub.subscribe(self.channel)
                    subscribed = True
                    self.listening = True
                    retry_sleep = 0.5
                yield from self.pubsub.listen()
            except Exception as exc:
                self.listening = False
                self._get_logger().error(
                    f"Cannot receive from redis... retrying in {retry_sleep} secs",
                    extra={"redis_exception": str(exc)},
                )
                subscribed = False
                time.sleep(retry_sleep)
                retry_sleep = min(retry_sleep * 2, RETRY_MAX_SECONDS)
