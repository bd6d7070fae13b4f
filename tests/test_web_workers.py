"""serve --workers: each worker process listens on a socket of its own on the one port."""

from __future__ import annotations

import select
import socket

import pytest
from test_web_serve import free_port

from eventledger.web.workers import can_share_port, listening_socket

pytestmark = pytest.mark.skipif(not can_share_port(), reason="no SO_REUSEPORT here")


def test_connections_spread_over_the_sockets_of_one_port():
    """Connections opened all at once reach both sockets, as they reach both workers; one
    shared socket gives them all to whichever worker wakes first."""
    port = free_port()
    listeners = [listening_socket("127.0.0.1", port) for _ in range(2)]
    for sock in listeners:
        sock.listen(128)
        sock.setblocking(False)
    clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(64)]
    accepted = [0, 0]
    try:
        while sum(accepted) < len(clients):
            ready, _, _ = select.select(listeners, [], [], 5)
            assert ready, f"only {sum(accepted)} of {len(clients)} connections arrived"
            for sock in ready:
                connection, _ = sock.accept()
                connection.close()
                accepted[listeners.index(sock)] += 1
    finally:
        for sock in clients + listeners:
            sock.close()
    assert min(accepted) >= 8, accepted


def test_a_port_taken_without_sharing_is_refused():
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        with pytest.raises(OSError):
            listening_socket("127.0.0.1", taken.getsockname()[1])
    finally:
        taken.close()
