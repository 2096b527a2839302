"""Drive a real headless Chromium over the DevTools protocol, with the standard library only.

The browser is started with ``--remote-debugging-pipe``: commands go to its file
descriptor 3 and answers come back on 4, as NUL-terminated JSON, so no websocket client
and no open port are needed. Used by the browser tests of the HTML pages (``conftest.py``
here) and by ``benchmarks/viz_bench.py``.

Examples
--------
>>> with Chromium() as browser:                                   # doctest: +SKIP
...     page = browser.open("file:///tmp/network.html")
...     page.wait_for("window.healthgraph && window.healthgraph.ready")
...     page.evaluate("healthgraph.nodes.length")
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio", "--no-default-browser-check",
    "--hide-scrollbars",
    # Belt and braces: any request that slipped out would go to a proxy that does not exist.
    "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
)


class BrowserError(RuntimeError):
    """Chromium is missing, died, or answered a command with an error."""


def find_chromium() -> str:
    """Return the path of the Chromium binary (``$CHROMIUM``, else ``chromium`` on PATH)."""
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "/usr/bin/chromium"):
        if candidate and (path := shutil.which(candidate)):
            return path
    raise BrowserError("chromium not found: install Debian's chromium (scripts/setup.sh) or set $CHROMIUM")


class Chromium:
    """A headless Chromium process and its DevTools pipe.

    Parameters
    ----------
    width, height : int
        Window size in CSS pixels.
    binary : str, optional
        Chromium to run; :func:`find_chromium` by default.
    """

    def __init__(self, width: int = 1280, height: int = 860, binary: str | None = None):
        self.binary = binary or find_chromium()
        self.width, self.height = width, height
        self._next_id = 0
        self._answers: dict[int, dict] = {}
        self.events: list[dict] = []
        self._cond = threading.Condition()
        self._write_lock = threading.Lock()
        self.stderr_lines: list[str] = []
        self._proc: subprocess.Popen | None = None
        self._profile: str | None = None

    # process ------------------------------------------------------------------------------

    def start(self) -> "Chromium":
        self._profile = tempfile.mkdtemp(prefix="healthgraph-chromium-")
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()

        def child_fds():
            # Move both ends out of the way first, so that neither dup2 clobbers the other.
            a = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)
            os.close(a)
            os.close(b)

        args = [self.binary, *FLAGS, f"--user-data-dir={self._profile}", "--remote-debugging-pipe",
                f"--window-size={self.width},{self.height}", "about:blank"]
        self._proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, preexec_fn=child_fds, close_fds=False)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._out = to_browser_w
        self._in = from_browser_r
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        return self

    def _drain_stderr(self) -> None:
        for line in self._proc.stderr:
            self.stderr_lines.append(line.decode("utf-8", "replace").rstrip())

    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self._in, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                with self._cond:
                    self._closed = True
                    self._cond.notify_all()
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                with self._cond:
                    if "id" in message:
                        self._answers[message["id"]] = message
                    else:
                        self.events.append(message)
                    self._cond.notify_all()
                if message.get("method") == "Page.javascriptDialogOpening":
                    # An open alert() blocks the page; record it (events) and dismiss it.
                    self._write({"id": self._take_id(), "method": "Page.handleJavaScriptDialog",
                                 "params": {"accept": False}, "sessionId": message.get("sessionId")})

    _closed = False

    def close(self) -> None:
        if self._proc is None:
            return
        try:
            self.send("Browser.close", timeout=5)
        except BrowserError:
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        for fd in (self._out, self._in):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._profile, ignore_errors=True)
        self._proc = None

    def __enter__(self) -> "Chromium":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    # protocol -----------------------------------------------------------------------------

    def send(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = 30) -> dict:
        """Send one command and return its result; raise :class:`BrowserError` on an error."""
        message = {"id": self._take_id(), "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._write(message)
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._next_id_answered(message["id"]) is None:
                left = deadline - time.monotonic()
                if left <= 0 or self._closed:
                    raise BrowserError(f"no answer to {method} within {timeout}s; stderr: {self._stderr_tail()}")
                self._cond.wait(left)
            answer = self._answers.pop(message["id"])
        if "error" in answer:
            raise BrowserError(f"{method}: {answer['error'].get('message')}")
        return answer.get("result", {})

    def _take_id(self) -> int:
        with self._write_lock:
            self._next_id += 1
            return self._next_id

    def _write(self, message: dict) -> None:
        data = json.dumps(message).encode("utf-8") + b"\0"
        with self._write_lock:
            try:
                while data:  # a pipe may take a long command in several writes
                    data = data[os.write(self._out, data):]
            except OSError as exc:
                raise BrowserError(f"chromium is gone ({exc}); stderr: {self._stderr_tail()}") from exc

    def _next_id_answered(self, ident: int):
        return self._answers.get(ident)

    def _stderr_tail(self) -> str:
        return " | ".join(self.stderr_lines[-5:])

    def wait_event(self, method: str, predicate=lambda e: True, timeout: float = 30) -> dict:
        """Return the first event ``method`` (already received or coming) matching ``predicate``."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for event in self.events:
                    if event.get("method") == method and predicate(event):
                        return event
                left = deadline - time.monotonic()
                if left <= 0 or self._closed:
                    raise BrowserError(f"no {method} event within {timeout}s")
                self._cond.wait(left)

    def open(self, url: str, timeout: float = 60) -> "Tab":
        """Open ``url`` in the start tab with Page, Runtime, Network and Log events enabled."""
        targets = self.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        session = self.send("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]
        tab = Tab(self, session)
        for domain in ("Page", "Runtime", "Network", "Log"):
            tab.send(f"{domain}.enable")
        tab.send("Emulation.setDeviceMetricsOverride",
                 {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False})
        tab.navigate(url, timeout=timeout)
        return tab


class Tab:
    """One page target of a :class:`Chromium`, attached with a flat session."""

    def __init__(self, browser: Chromium, session: str):
        self.browser = browser
        self.session = session

    def send(self, method: str, params: dict | None = None, timeout: float = 30) -> dict:
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def events(self, method: str | None = None) -> list[dict]:
        """Events of this tab received so far (optionally only ``method``)."""
        with self.browser._cond:
            return [e for e in self.browser.events if e.get("sessionId") == self.session
                    and (method is None or e.get("method") == method)]

    def navigate(self, url: str, timeout: float = 60) -> None:
        start = len(self.browser.events)
        answer = self.send("Page.navigate", {"url": url}, timeout=timeout)
        if answer.get("errorText"):
            raise BrowserError(f"cannot open {url}: {answer['errorText']}")
        self.browser.wait_event("Page.loadEventFired",
                                lambda e: e.get("sessionId") == self.session
                                and self.browser.events.index(e) >= start, timeout=timeout)

    def evaluate(self, expression: str, timeout: float = 30):
        """Evaluate ``expression`` in the page and return its value (JSON-serialisable)."""
        answer = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, timeout=timeout)
        if "exceptionDetails" in answer:
            details = answer["exceptionDetails"]
            raise BrowserError(f"{expression[:60]!r} threw: "
                               f"{details.get('exception', {}).get('description') or details.get('text')}")
        return answer["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60, interval: float = 0.05):
        """Poll ``expression`` until it is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"{expression!r} still false after {timeout}s")
            time.sleep(interval)

    def screenshot(self, path: str | Path) -> Path:
        """Save a PNG of the viewport to ``path``."""
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def mouse_move(self, x: float, y: float) -> None:
        self.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})

    # what the page did ---------------------------------------------------------------------

    def requests(self) -> list[str]:
        """URLs of every request the page made (Network.requestWillBeSent)."""
        return [e["params"]["request"]["url"] for e in self.events("Network.requestWillBeSent")]

    def console_errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries (CSP violations included)."""
        errors = []
        for e in self.events("Runtime.consoleAPICalled"):
            if e["params"]["type"] in ("error", "assert"):
                errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in e["params"]["args"]))
        for e in self.events("Runtime.exceptionThrown"):
            details = e["params"]["exceptionDetails"]
            errors.append(details.get("exception", {}).get("description") or details.get("text", "exception"))
        for e in self.events("Log.entryAdded"):
            if e["params"]["entry"]["level"] == "error":
                errors.append(e["params"]["entry"]["text"])
        return errors

    def dialogs(self) -> list[str]:
        """Messages of every alert/confirm/prompt the page opened."""
        return [e["params"].get("message", "") for e in self.events("Page.javascriptDialogOpening")]
