"""The ``sparql`` store: the user's own triple store (Apache Jena Fuseki, GraphDB, Virtuoso …)
over HTTP, with the SPARQL 1.1 Protocol, SPARQL 1.1 Update and the Graph Store HTTP Protocol.

``healthgraph build SOURCES --sparql-endpoint URL`` writes through this store exactly what
it writes into the embedded one (:mod:`.build`'s incremental path: each document's named
graph, the reference graph, the derived shortcuts, curated overrides), and
``healthgraph query NAME --backend sparql --endpoint URL`` reads through it.

How it writes, so that a failed write loses nothing already stored:

* a document's graph is rewritten only when it differs from what the endpoint holds (one
  Graph Store Protocol ``GET`` of the old graph, only for graphs that exist): building the
  same sources twice sends no write at all;
* changed graphs are replaced in batches of up to :data:`BATCH_DOCUMENTS` documents, each
  batch one SPARQL Update request (``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }``
  per document), which the server applies as one transaction (SPARQL 1.1 Update asks
  services to treat a request atomically; Fuseki runs it in one TDB2 write transaction): a
  batch that fails leaves every graph as it was. One transaction per document costs ~20 ms
  on Fuseki (its commit), a batch of 100 ~4 ms per document. ``batch_documents=1`` sends one
  Graph Store Protocol ``PUT`` per document instead (the server swaps the graph atomically);
* the shortcuts and curated overrides are small differences sent as one SPARQL Update
  request (``DELETE DATA … ; INSERT DATA …``).

Terms are serialised by pyoxigraph's N-Triples serialiser (never by formatting text), graph
IRIs in URLs are percent-encoded, and query parameters are bound as ``VALUES`` blocks of
serialised terms (:mod:`.values_blocks`), as on the other stores.

Queries expect the endpoint's default graph to be the union of its named graphs (Fuseki:
``tdb2:unionDefaultGraph true``, as ``scripts/fuseki-server.sh`` configures it; GraphDB and
Virtuoso do so by default); :meth:`SparqlStore.check_union` says so in one line otherwise.
Only graphs under ``https://w3id.org/healthgraph/`` are counted, listed or cleared: the
store may hold the user's other data.

Credentials never go on the command line: ``SPARQL_USER`` with ``SPARQL_PASSWORD`` or
``SPARQL_PASSWORD_FILE`` (a file whose first line is the password), sent as HTTP basic
authentication.
"""
from __future__ import annotations

import base64
import http.client
import json
import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from urllib.parse import quote, urlsplit

from rdflib import BNode, Literal, URIRef

from ..errors import BackendUnavailable, HealthgraphError
from .mapping import PREFIXES
from .oxigraph_store import from_ox, to_ox
from .store_base import QueryResult, RDFStore
from .values_blocks import bind_as_values

OWN_GRAPHS = "https://w3id.org/healthgraph/"  # the graphs healthgraph writes (documents, reference, derived)
TIMEOUT = 120.0  # seconds for one HTTP request
BATCH_DOCUMENTS = 100  # changed document graphs written per SPARQL Update request (one transaction)
BATCH_TRIPLES = 50_000  # ... or fewer, when they hold this many triples
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_PREFIX_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)


@dataclass(frozen=True)
class Endpoint:
    """Where the store is: the query URL, the update URL, the Graph Store Protocol URL, and
    the HTTP basic-authentication credentials (``None``: none)."""

    query: str
    update: str
    graph_store: str
    user: str | None = None
    password: str | None = None

    def __repr__(self) -> str:  # never print the password
        return f"Endpoint(query={self.query!r}, update={self.update!r}, graph_store={self.graph_store!r}, " \
               f"user={self.user!r})"


def _check_url(url: str, what: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HealthgraphError(f"{what} {url!r} is not an http:// or https:// URL")
    if parts.username is not None or parts.password is not None:
        raise HealthgraphError(f"{what} {parts.scheme}://…@{parts.hostname}: credentials do not go in the URL "
                               f"(a command line is visible to every user); set SPARQL_USER and SPARQL_PASSWORD "
                               f"or SPARQL_PASSWORD_FILE")
    return url


def endpoint_settings(url: str | None = None, update: str | None = None, graph_store: str | None = None,
                      user: str | None = None, password_file: str | Path | None = None) -> Endpoint:
    """Resolve where and as whom to connect: the arguments, then ``SPARQL_ENDPOINT``,
    ``SPARQL_UPDATE_ENDPOINT``, ``SPARQL_GRAPH_STORE``, ``SPARQL_USER``, ``SPARQL_PASSWORD``
    (or ``SPARQL_PASSWORD_FILE``). The update and graph-store URLs default to the endpoint's
    (Fuseki's dataset URL answers all three).

    Examples
    --------
    >>> endpoint_settings("http://127.0.0.1:3030/ds", user="").graph_store
    'http://127.0.0.1:3030/ds'
    >>> endpoint_settings("http://me:pw@127.0.0.1:3030/ds")
    Traceback (most recent call last):
    ...
    healthgraph.errors.HealthgraphError: SPARQL endpoint http://…@127.0.0.1: credentials do not go in the URL \
(a command line is visible to every user); set SPARQL_USER and SPARQL_PASSWORD or SPARQL_PASSWORD_FILE
    """
    url = url or os.environ.get("SPARQL_ENDPOINT")
    if not url:
        raise HealthgraphError("say which SPARQL endpoint to use with --endpoint URL (or SPARQL_ENDPOINT)")
    query = _check_url(url, "SPARQL endpoint")
    update = _check_url(update or os.environ.get("SPARQL_UPDATE_ENDPOINT") or query, "SPARQL update endpoint")
    store = _check_url(graph_store or os.environ.get("SPARQL_GRAPH_STORE") or query, "graph store")
    user = user if user is not None else os.environ.get("SPARQL_USER")
    password = read_password(password_file)
    if password is not None and not user:
        raise HealthgraphError("a SPARQL password is set but no user: set SPARQL_USER (or --sparql-user)")
    return Endpoint(query, update, store, user or None, password if user else None)


def read_password(password_file: str | Path | None = None) -> str | None:
    """The password of ``password_file`` (its first line), else of ``SPARQL_PASSWORD_FILE``,
    else ``SPARQL_PASSWORD``; ``None`` when none is set."""
    path = password_file or os.environ.get("SPARQL_PASSWORD_FILE")
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise HealthgraphError(f"{path}: cannot read the SPARQL password file ({exc.__class__.__name__}: "
                                   f"{getattr(exc, 'strerror', None) or exc})") from None
        lines = text.splitlines()
        if not lines or not lines[0]:
            raise HealthgraphError(f"{path}: the SPARQL password file is empty (its first line is the password)")
        return lines[0]
    return os.environ.get("SPARQL_PASSWORD")


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", "replace")
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]


class _Http:
    """Keep-alive HTTP connections, one per host; every failure a one-line error naming the URL."""

    def __init__(self, endpoint: Endpoint, timeout: float = TIMEOUT):
        self.endpoint, self.timeout = endpoint, timeout
        self._connections: dict[tuple[str, str], http.client.HTTPConnection] = {}
        self.headers = {"User-Agent": "healthgraph"}
        if endpoint.user:
            token = base64.b64encode(f"{endpoint.user}:{endpoint.password or ''}".encode()).decode("ascii")
            self.headers["Authorization"] = f"Basic {token}"

    def _connection(self, scheme: str, netloc: str, fresh: bool) -> http.client.HTTPConnection:
        key = (scheme, netloc)
        if fresh and key in self._connections:
            self._connections.pop(key).close()
        if key not in self._connections:
            kind = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
            self._connections[key] = kind(netloc, timeout=self.timeout)
        return self._connections[key]

    def request(self, method: str, url: str, body: bytes | None = None, headers: dict | None = None,
                ok: Iterable[int] = ()) -> tuple[int, str, bytes]:
        """Send one request; return ``(status, content type, body)`` for 2xx and the ``ok`` statuses."""
        parts = urlsplit(url)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        sent = {**self.headers, **(headers or {})}
        for attempt in (0, 1):  # a keep-alive connection the server closed meanwhile is opened again, once
            connection = self._connection(parts.scheme, parts.netloc, fresh=attempt > 0)
            try:
                connection.request(method, target, body=body, headers=sent)
                response = connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError,
                    http.client.CannotSendRequest) as exc:
                self._connections.pop((parts.scheme, parts.netloc), None)
                if attempt:
                    raise BackendUnavailable(f"cannot reach the SPARQL endpoint {url} ({exc.__class__.__name__}: "
                                             f"{exc})") from None
            except (OSError, http.client.HTTPException) as exc:
                self._connections.pop((parts.scheme, parts.netloc), None)
                reason = "timed out" if isinstance(exc, socket.timeout) else \
                    (getattr(exc, "strerror", None) or str(exc) or exc.__class__.__name__)
                raise BackendUnavailable(f"cannot reach the SPARQL endpoint {url} ({reason}); is the server "
                                         f"running (bash scripts/fuseki-server.sh start)?") from None
        status = response.status
        if status in (401, 403):
            who = f"user {self.endpoint.user!r}" if self.endpoint.user else "no credentials"
            raise BackendUnavailable(f"{url} refused the request with {who} (HTTP {status}); set SPARQL_USER and "
                                     f"SPARQL_PASSWORD or SPARQL_PASSWORD_FILE")
        if not (200 <= status < 300 or status in ok):
            said = _first_line(data)
            hint = " (is this the dataset's URL?)" if status in (404, 405) else ""
            raise HealthgraphError(f"{url}: HTTP {status} {response.reason}{': ' + said if said else ''}{hint}")
        return status, response.getheader("Content-Type", "") or "", data

    def close(self) -> None:
        for connection in self._connections.values():
            connection.close()
        self._connections.clear()


def _term(cell: dict):
    """A SPARQL JSON results cell -> rdflib term."""
    kind, value = cell["type"], cell["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in cell:
        return Literal(value, lang=cell["xml:lang"])
    datatype = cell.get("datatype")
    return Literal(value, datatype=None if datatype in (None, _XSD_STRING) else URIRef(datatype))


def ntriples(triples: Iterable[tuple]) -> str:
    """Triples of rdflib terms as N-Triples, by pyoxigraph's serialiser (also valid SPARQL DATA).

    >>> from rdflib import URIRef, Literal
    >>> ntriples([(URIRef("http://x.example/a"), URIRef("http://x.example/p"), Literal('say "hi"\\n'))])
    '<http://x.example/a> <http://x.example/p> "say \\\\"hi\\\\"\\\\n" .\\n'
    """
    import pyoxigraph as ox

    data = ox.serialize((ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples),
                        format=ox.RdfFormat.N_TRIPLES)
    return (data or b"").decode("utf-8")


def _key(triple: tuple) -> tuple:
    """A triple compared by value: stores may keep a typed literal in its canonical form
    (TDB2 gives ``"1"^^xsd:decimal`` back as ``"1.0"``), which is the same value, no change."""
    s, p, o = triple
    if isinstance(o, Literal) and o.datatype is not None and o.value is not None:
        return s, p, (o.datatype, o.value)
    return triple


def _iri(name) -> str:
    return str(to_ox(URIRef(str(name))))  # <…>, checked and serialised by pyoxigraph


def _parse_ntriples(data: bytes) -> set[tuple]:
    import pyoxigraph as ox

    try:
        return {(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
                for t in ox.parse(input=data, format=ox.RdfFormat.N_TRIPLES)}
    except SyntaxError as exc:
        raise HealthgraphError(f"the graph store answered N-Triples that do not parse: {exc}") from None


class SparqlStore(RDFStore):
    """A remote SPARQL 1.1 store (see the module's documentation)."""

    kind = "sparql"

    def __init__(self, endpoint: Endpoint | str | None = None, read_only: bool = False, timeout: float = TIMEOUT,
                 batch_documents: int = BATCH_DOCUMENTS):
        super().__init__(None, read_only)
        self.batch_documents = max(1, batch_documents)
        self._pending: dict[URIRef, set[tuple]] = {}  # graphs to replace with the next batch
        self._fetched: dict[URIRef, set[tuple]] = {}  # graphs read ahead (:meth:`prefetch`), used once
        self.endpoint = endpoint if isinstance(endpoint, Endpoint) else endpoint_settings(endpoint)
        self.url = self.endpoint.query
        self._http = _Http(self.endpoint, timeout)
        self._existing: set[URIRef] | None = None  # the healthgraph graphs the endpoint holds (asked once)
        self._union_checked = False
        self.writes = 0  # write requests sent (a rebuild of the same sources sends none)

    # -- protocol ------------------------------------------------------------------------------

    def _select(self, query: str) -> list[tuple]:
        result = self.query(query)
        return result.rows

    def _update(self, operations: list[str]) -> None:
        if self.read_only:
            raise HealthgraphError(f"{self.url}: opened read-only")
        if not operations:
            return
        self._http.request("POST", self.endpoint.update, " ;\n".join(operations).encode("utf-8"),
                           {"Content-Type": "application/sparql-update; charset=utf-8"})
        self.writes += 1

    def flush(self) -> None:
        """Write the graphs waiting for their batch, in one SPARQL Update request (one transaction)."""
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        operations = []
        for name, triples in pending.items():
            operations.append(f"DROP SILENT GRAPH {_iri(name)}")
            if triples:
                operations.append(f"INSERT DATA {{ GRAPH {_iri(name)} {{\n{ntriples(triples)}}} }}")
        self._update(operations)
        existing = self.existing_graphs()
        for name, triples in pending.items():
            (existing.add if triples else existing.discard)(name)
        self.check_union()

    def _graph_url(self, name) -> str:
        separator = "&" if "?" in self.endpoint.graph_store else "?"
        return f"{self.endpoint.graph_store}{separator}graph={quote(str(name), safe='')}"

    def query(self, query, bindings=None) -> QueryResult:
        self.flush()  # a query sees every graph written so far
        terms = {k: to_ox(v) for k, v in (bindings or {}).items()}
        text = bind_as_values(query, terms) if terms else query
        if terms and text is None:
            raise HealthgraphError("a parameter needs a WHERE clause to bind it in (the SPARQL store binds "
                                   "parameters as VALUES blocks)")
        assert text is not None
        declared = {m.group(1) or "" for m in _PREFIX_DECLARED.finditer(text)}
        prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p not in declared)
        status, ctype, data = self._http.request(
            "POST", self.endpoint.query, (prologue + text).encode("utf-8"),
            {"Content-Type": "application/sparql-query; charset=utf-8",
             "Accept": "application/sparql-results+json, application/n-triples;q=0.9"}, ok=(400,))
        if status == 400:
            raise HealthgraphError(f"SPARQL query failed at {self.url}: {' '.join(data.decode('utf-8', 'replace').split())[:500]}")
        if "n-triples" in ctype or ctype.startswith("text/plain"):
            rows = [tuple(t) for t in _parse_ntriples(data)]
            return QueryResult("graph", ["subject", "predicate", "object"], rows)
        try:
            answer = json.loads(data)
        except ValueError:
            raise HealthgraphError(f"{self.url}: the answer is not SPARQL JSON results ({ctype or 'no type'})") from None
        if "boolean" in answer:
            return QueryResult("ask", boolean=bool(answer["boolean"]))
        names = list(answer["head"].get("vars", []))
        rows = [tuple(_term(b[n]) if n in b else None for n in names) for b in answer["results"]["bindings"]]
        return QueryResult("select", names, rows)

    # -- the store interface ------------------------------------------------------------------

    def existing_graphs(self) -> set[URIRef]:
        if self._existing is None:
            self._existing = set(self.graphs())
        return self._existing

    def graph_triples(self, name) -> set[tuple]:
        """What the endpoint holds in graph ``name`` (Graph Store Protocol ``GET``)."""
        status, _, data = self._http.request("GET", self._graph_url(name), headers={"Accept": "application/n-triples"},
                                             ok=(404,))
        return set() if status == 404 else _parse_ntriples(data)

    def prefetch(self, names: Iterable) -> None:
        """Read the graphs ``names`` that exist in one query (instead of one ``GET`` each), for
        the :meth:`replace_graph` calls that follow."""
        wanted = [URIRef(str(n)) for n in names]
        wanted = [n for n in wanted if n in self.existing_graphs() and n not in self._pending]
        if not wanted:
            return
        values = " ".join(_iri(n) for n in wanted)
        fetched: dict[URIRef, set[tuple]] = {n: set() for n in wanted}
        for s, p, o, g in self._select(f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"):
            fetched[g].add((s, p, o))
        self._fetched.update(fetched)

    def replace_graph(self, name, triples) -> set[tuple]:
        """Make graph ``name`` hold ``triples``: nothing is sent when it does already; otherwise
        the graph joins the next batch (:meth:`flush`), or, with ``batch_documents=1``, is PUT now."""
        name = URIRef(str(name))
        new = set(triples)
        if name in self._pending:
            old = self._pending[name]
        elif name in self._fetched:
            old = self._fetched.pop(name)
        else:
            old = self.graph_triples(name) if name in self.existing_graphs() else set()
        old_keys, new_keys = {_key(t) for t in old}, {_key(t) for t in new}
        if old_keys == new_keys:
            return set()
        if self.read_only:
            raise HealthgraphError(f"{self.url}: opened read-only")
        if self.batch_documents > 1:
            self._pending[name] = new
            if len(self._pending) >= self.batch_documents or \
                    sum(map(len, self._pending.values())) >= BATCH_TRIPLES:
                self.flush()
        elif new:
            self._http.request("PUT", self._graph_url(name), ntriples(new).encode("utf-8"),
                               {"Content-Type": "application/n-triples; charset=utf-8"})
            self.existing_graphs().add(name)
            self.writes += 1
            self.check_union()
        else:
            self._http.request("DELETE", self._graph_url(name), ok=(404,))
            self.existing_graphs().discard(name)
            self.writes += 1
        return {t for t in old if _key(t) not in new_keys} | {t for t in new if _key(t) not in old_keys}

    def update_graph(self, name, remove, add) -> None:
        self.flush()
        self._fetched.pop(URIRef(str(name)), None)
        remove, add = set(remove), set(add)
        graph = _iri(name)
        operations = []
        if remove:
            operations.append(f"DELETE DATA {{ GRAPH {graph} {{\n{ntriples(remove)}}} }}")
        if add:
            operations.append(f"INSERT DATA {{ GRAPH {graph} {{\n{ntriples(add)}}} }}")
        self._update(operations)
        if add:
            self.existing_graphs().add(URIRef(str(name)))

    def remove_subjects(self, subjects, keep_graph=None) -> set[tuple]:
        subjects = list(subjects)
        if not subjects:
            return set()
        values = " ".join(_iri(s) for s in subjects)
        found: dict[URIRef, set[tuple]] = {}
        for s, p, o, g in self._select(f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?s {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"):
            if keep_graph is None or g != URIRef(str(keep_graph)):
                found.setdefault(g, set()).add((s, p, o))
        self._update([f"DELETE DATA {{ GRAPH {_iri(g)} {{\n{ntriples(t)}}} }}" for g, t in found.items()])
        for g in found:
            self._fetched.pop(g, None)
        return {t for triples in found.values() for t in triples}

    def clear(self) -> None:
        """Drop healthgraph's graphs (only those: the endpoint may hold other data), in one request."""
        self._pending.clear()
        self._fetched.clear()
        self._update([f"DROP SILENT GRAPH {_iri(g)}" for g in self.graphs()])
        self._existing = set()

    def _own(self) -> str:
        return f'FILTER(STRSTARTS(STR(?g), "{OWN_GRAPHS}"))'

    def is_empty(self) -> bool:
        return not self.query(f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} {self._own()} }}").boolean

    def counts(self) -> tuple[int, int]:
        rows = self._select(f"SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?graphs) "
                            f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._own()} }}")
        return int(rows[0][0]), int(rows[0][1])

    def graphs(self) -> list[URIRef]:
        rows = self._select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._own()} }}")
        return sorted(URIRef(str(g)) for g, in rows)

    def quads(self, graph=None):
        where = f"VALUES ?g {{ {_iri(graph)} }}" if graph is not None else self._own()
        for s, p, o, g in self._select(f"SELECT ?s ?p ?o ?g WHERE {{ {where} GRAPH ?g {{ ?s ?p ?o }} }}"):
            yield s, p, o, g

    def __len__(self) -> int:
        return self.counts()[0]

    def check_union(self) -> None:
        """Fail in one line if the endpoint's default graph is not the union of its named graphs
        (checked once, on a triple of healthgraph's graphs)."""
        if self._union_checked:
            return
        sample = self._select(f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._own()} }} LIMIT 1")
        if not sample:
            return  # nothing to check yet
        s, p, o = sample[0]
        if not self.query("ASK WHERE { ?s ?p ?o }", {"s": s, "p": p, "o": o}).boolean:
            raise HealthgraphError(f"{self.url}: the default graph is not the union of the named graphs, which "
                                   f"healthgraph's queries read (Fuseki: set tdb2:unionDefaultGraph true on the "
                                   f"dataset; GraphDB and Virtuoso do so by default)")
        self._union_checked = True

    def bulk_load(self, data, fmt="nt", graph=None) -> None:
        raise HealthgraphError("the sparql store takes documents through `healthgraph build`, not bulk loads")

    def close(self) -> None:
        """Release the connections. Graphs still waiting for their batch are not written: call
        :meth:`flush` (or any query) first; ``build`` does."""
        self._pending.clear()
        self._http.close()
