"""The running server accepts its own host names on the WebSocket and refuses others (DNS rebinding)."""

import http.client
from urllib.parse import urlsplit

import pytest


def _handshake(app_url: str, host: str) -> int:
    parts = urlsplit(app_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request(
        "GET",
        "/_stcore/stream",
        headers={
            "Host": f"{host}:{parts.port}",
            "Connection": "Upgrade",
            "Upgrade": "websocket",
            "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        },
    )
    status = conn.getresponse().status
    conn.close()
    return status


@pytest.mark.parametrize(("host", "status"), [("127.0.0.1", 101), ("localhost", 101), ("evil.example", 403)])
def test_websocket_host_allow_list(app_url, host, status):
    assert _handshake(app_url, host) == status
