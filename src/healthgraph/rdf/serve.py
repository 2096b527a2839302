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
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterable

from ..errors import BackendUnavailable, HealthgraphError
from .guard import ServiceRefused, check_services
from .mapping import PREFIXES
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


class _Guard(ThreadingHTTPServer):
    """The public side of the endpoint: checks each query (no unallowed ``SERVICE``, see
    :mod:`.guard`) and passes it to the Oxigraph server listening on loopback only."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], upstream: str, allowed: tuple[str, ...], query_timeout: float):
        super().__init__(address, _GuardHandler)
        self.upstream, self.allowed, self.query_timeout = upstream, allowed, query_timeout


_DEFAULT_PROLOGUE = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())


class _GuardHandler(BaseHTTPRequestHandler):
    server: _Guard

    def do_GET(self):  # noqa: N802 - the http.server convention
        self._forward(None)

    def do_POST(self):  # noqa: N802
        self._forward(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

    def _forward(self, body: bytes | None) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/query":
            return self._answer(404, b"only /query is served\n")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        if body is None or kind == "application/x-www-form-urlencoded":
            fields = urllib.parse.parse_qs((body or b"").decode("utf-8", "replace") or url.query)
        else:  # application/sparql-query: the body is the query, other fields are in the URL
            fields = {**urllib.parse.parse_qs(url.query), "query": [body.decode("utf-8", "replace")]}
        query = " ".join(fields.get("query", []))
        try:
            check_services(query, self.server.allowed)
        except ServiceRefused as exc:
            return self._answer(403, f"{exc}\n".encode())
        if query:  # the prefixes `healthgraph sparql` declares; the query's own declarations come after and win
            fields["query"] = [_DEFAULT_PROLOGUE + query]
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   **({"Accept": self.headers["Accept"]} if self.headers.get("Accept") else {})}
        request = urllib.request.Request(self.server.upstream, data=urllib.parse.urlencode(fields, doseq=True).encode(),
                                         method="POST", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.server.query_timeout + 5) as response:
                self._answer(response.status, response.read(), response.headers.get("Content-Type"))
        except urllib.error.HTTPError as exc:
            self._answer(exc.code, exc.read(), exc.headers.get("Content-Type"))
        except (urllib.error.URLError, TimeoutError) as exc:
            self._answer(504, f"query stopped: {getattr(exc, 'reason', exc)}\n".encode())

    def _answer(self, status: int, data: bytes, kind: str | None = "text/plain; charset=utf-8") -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind or "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client has gone

    def log_message(self, *args) -> None:  # requests are not logged on the terminal
        pass


@dataclass
class Server:
    """A running endpoint: ``url`` is the SPARQL query endpoint; call :meth:`stop` when done."""

    url: str
    process: subprocess.Popen
    location: Path
    _cleanup: list = field(default_factory=list, repr=False)
    _guard: _Guard | None = field(default=None, repr=False)
    _guard_thread: threading.Thread | None = field(default=None, repr=False)

    def stop(self) -> None:
        """Stop the guard, then the server process (SIGTERM, then SIGKILL after 5 s: a read-only
        server has nothing to flush), and remove any copy."""
        if self._guard is not None:
            if self._guard_thread is not None and self._guard_thread.is_alive():
                self._guard.shutdown()  # (waits for the serving loop: only once it runs)
            self._guard.server_close()
            self._guard = None
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
          snapshot: bool = False, timeout: float = 30.0, echo=print, query_timeout: float = 30.0,
          allow_service: Iterable[str] = ()) -> Server:
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
    query_timeout : float
        Seconds a query may run; the engine stops it then.
    allow_service : iterable of str
        Endpoints (full IRIs) a ``SERVICE`` clause may call; any other is refused (HTTP 403).

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
    inner = free_port("127.0.0.1")  # the engine listens on loopback only; the guard faces the network
    while inner == port:  # a port just freed may be handed out again
        inner = free_port("127.0.0.1")
    log = tempfile.TemporaryFile()
    command = [oxigraph_binary(), "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{inner}",
               "--timeout-s", f"{max(1, round(query_timeout))}"]
    if union_mode:
        command.append("--union-default-graph")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = Server(f"http://127.0.0.1:{inner}/query", process, location, cleanup)
    running = False
    if block:
        # a shell's background job starts with SIGINT ignored; Ctrl-C, SIGTERM and SIGHUP must all
        # stop the server and remove its copy, from the first moment on
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for stop_signal in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(stop_signal, _interrupt)
    try:
        _wait_ready(server, log, timeout)
        try:
            server._guard = _Guard((host, port), server.url, tuple(allow_service), query_timeout)
        except OSError as exc:
            raise BackendUnavailable(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        server._guard_thread = threading.Thread(target=server._guard.serve_forever, daemon=True)
        server._guard_thread.start()
        server.url = f"http://{host}:{port}/query"
        if echo:
            echo(f"SPARQL endpoint: {server.url}  (store {store}, read-only; Ctrl-C stops it)")
        if not block:
            running = True
            return server
        process.wait()
    except KeyboardInterrupt:
        if not block:
            raise
    finally:
        if not running:  # Ctrl-C or a signal at any point, or a failed start: never leave the server behind
            server.stop()
    return server


def _interrupt(signum, frame):
    raise KeyboardInterrupt


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
