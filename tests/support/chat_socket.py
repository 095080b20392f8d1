"""Sending a chat message over a Socket.IO test client, answered by acknowledgement."""


def send(sock, conversation_id, body, client_id, language="en"):
    return sock.emit(
        "send",
        {
            "conversation_id": conversation_id,
            "body": body,
            "client_id": client_id,
            "language": language,
        },
        callback=True,
    )
