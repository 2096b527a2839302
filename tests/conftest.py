"""Fixtures every test folder may use."""
from __future__ import annotations

import socket

import pytest


@pytest.fixture
def free_port() -> str:
    """A loopback TCP port nobody listens on now, for a server a test starts itself."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return str(probe.getsockname()[1])
