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
    def __init__(self, url, channel):
        super().__init__(url, channel=channel, redis_options={"socket_connect_timeout": 2})
        # Optimistic until a failure says otherwise: the listener starts with the first client.
        self.publishing = True
        self.listening = True

    @property
    def is_live(self) -> bool:
        return self.publishing and self.listening

    def _publish(self, data):
        result = super()._publish(data)  # None: it gave up; a count of listeners otherwise
        self.publishing = result is not None
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
