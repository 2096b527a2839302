"""``healthgraph serve``: a real SPARQL 1.1 endpoint over the store (the ``oxigraph`` server).

The PyPI ``oxigraph`` package ships the Rust server binary; we start
``oxigraph serve-read-only`` on the store's RocksDB folder, whose default graph holds the
union of the named graphs (see :mod:`.store`), so the endpoint sees exactly what
``healthgraph sparql`` sees and cannot be written to over HTTP.
Read-only opening takes no lock, so queries keep working while the endpoint runs; do not
``build`` into a store that is being served (RocksDB calls that undefined) — pass
``snapshot=True`` (``--snapshot``) to serve a private copy instead. A ``memory`` store is
served from a temporary Oxigraph copy of its N-Quads.
"""
from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BackendUnavailable, HealthgraphError
from .store import OxigraphStore, materialises_union, open_store, store_meta


def oxigraph_binary() -> str:
    """Path of the ``oxigraph`` server from the PyPI package (next to this Python first)."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise BackendUnavailable("the `oxigraph` server is not installed (pip install oxigraph)")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running endpoint: ``url`` is the SPARQL query endpoint; call :meth:`stop` when done."""

    url: str
    process: subprocess.Popen
    location: Path
    _cleanup: list = field(default_factory=list, repr=False)

    def stop(self) -> None:
        """Stop the server process (SIGTERM, then SIGKILL after 5 s: a read-only server has nothing to flush)
        and remove any copy."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for path in self._cleanup:
            shutil.rmtree(path, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _served_location(store: Path, snapshot: bool, cleanup: list) -> tuple[Path, bool]:
    """The RocksDB folder to serve, and whether its default graph still needs union mode (format 1)."""
    meta = store_meta(store)
    if meta is None:
        raise HealthgraphError(f"{store}: no healthgraph store here (build one with "
                               f"`healthgraph build SOURCES --store {store}`)")
    legacy = meta["kind"] == "oxigraph" and not materialises_union(meta)
    if meta["kind"] == "oxigraph" and not snapshot:
        return store / "oxigraph", legacy
    copy = Path(tempfile.mkdtemp(prefix="healthgraph-serve-"))
    cleanup.append(copy)
    target = OxigraphStore(copy)
    try:
        with open_store(store, read_only=True) as source:
            if meta["kind"] == "oxigraph":
                target.copy_from(source)
            elif source.file.exists():
                target.bulk_load(source.file, fmt="nq")
    finally:
        target.close()  # release the RocksDB lock before the server opens the folder
    return copy / "oxigraph", legacy


def serve(store: str | Path, port: int = 7878, host: str = "127.0.0.1", block: bool = True,
          snapshot: bool = False, timeout: float = 30.0, echo=print) -> Server:
    """Start the Oxigraph SPARQL endpoint over the store at ``store``.

    Parameters
    ----------
    store : str or Path
        The store folder built by ``healthgraph build``.
    port : int
        TCP port (7878 by default); ``0`` picks a free one.
    host : str
        Interface to bind; localhost by default.
    block : bool
        Wait until Ctrl-C (the CLI); ``False`` returns the running :class:`Server` at once.
    snapshot : bool
        Serve a private copy, so the store itself can be rebuilt meanwhile.
    timeout : float
        Seconds to wait for the server to answer.
    echo : callable
        Where to announce the endpoint URL.

    Returns
    -------
    Server
        ``url`` is the SPARQL query endpoint, e.g. ``http://127.0.0.1:7878/query``.

    Examples
    --------
    >>> server = serve("kg/", port=0, block=False)  # doctest: +SKIP
    >>> server.url  # doctest: +SKIP
    'http://127.0.0.1:41237/query'
    >>> server.stop()  # doctest: +SKIP
    """
    store = Path(store)
    cleanup: list = []
    location, union_mode = _served_location(store, snapshot, cleanup)
    port = port or free_port(host)
    log = tempfile.TemporaryFile()
    command = [oxigraph_binary(), "serve-read-only", "--location", str(location), "--bind", f"{host}:{port}"]
    if union_mode:
        command.append("--union-default-graph")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = Server(f"http://{host}:{port}/query", process, location, cleanup)
    running = False
    try:
        _wait_ready(server, log, timeout)
        if echo:
            echo(f"SPARQL endpoint: {server.url}  (store {store}, read-only; Ctrl-C stops it)")
        if not block:
            running = True
            return server
        # a shell's background job starts with SIGINT ignored; Ctrl-C must still stop the server
        signal.signal(signal.SIGINT, signal.default_int_handler)
        process.wait()
    except KeyboardInterrupt:
        if not block:
            raise
    finally:
        if not running:  # Ctrl-C at any point, or a failed start: never leave the server behind
            server.stop()
    return server


def _wait_ready(server: Server, log, timeout: float) -> None:
    probe = server.url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            log.seek(0)
            lines = [l for l in log.read().decode("utf-8", "replace").splitlines() if l.strip()]
            raise BackendUnavailable(f"oxigraph server exited: {lines[-1] if lines else 'no message'}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise BackendUnavailable(f"oxigraph server did not answer on {server.url} within {timeout:.0f} s")
