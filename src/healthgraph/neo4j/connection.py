"""Connecting to a Neo4j server: settings from arguments or the environment, one-line errors.

Settings, in order of precedence: the ``uri``/``user``/``password`` arguments (the CLI's
``--uri/--user``, ``--password-file``/``--ask-password``), then ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, then
``bolt://127.0.0.1:7687``, ``neo4j``, ``neo4j`` (the development server of
``scripts/neo4j-server.sh`` runs without authentication and accepts any credentials).
"""
from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from ..errors import BackendUnavailable, HealthgraphError

if TYPE_CHECKING:
    from neo4j import Driver

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_PASSWORD = "neo4j"
CONNECTION_TIMEOUT = 10.0  # seconds; an unreachable host should fail fast, not after 30 s
RETRY_TIME = 5.0  # seconds a failed transaction is retried (NEO4J_RETRY_TIME): a server that went away is an error, not a wait

# The driver logs every retry as a warning; with no handler Python prints them to stderr,
# burying the one-line error. Users who configure logging still receive them.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Settings:
    """Where and as whom to connect."""

    uri: str
    user: str
    password: str
    database: str | None = None


def settings(uri: str | None = None, user: str | None = None, password: str | None = None,
             database: str | None = None) -> Settings:
    """Resolve connection settings from the arguments, the environment and the defaults.

    Examples
    --------
    >>> settings(uri="bolt://db.example:7687", user="me", password="pw").uri
    'bolt://db.example:7687'
    """
    return Settings(uri or os.environ.get("NEO4J_URI") or DEFAULT_URI,
                    user or os.environ.get("NEO4J_USER") or DEFAULT_USER,
                    password if password is not None else os.environ.get("NEO4J_PASSWORD", DEFAULT_PASSWORD),
                    database or os.environ.get("NEO4J_DATABASE") or None)


def retry_time() -> float:
    """Seconds the driver retries a transaction that failed with a transient error (a cluster's
    leader election, a deadlock): ``NEO4J_RETRY_TIME``, else :data:`RETRY_TIME`.

    >>> retry_time() >= 0
    True
    """
    text = os.environ.get("NEO4J_RETRY_TIME")
    if not text:
        return RETRY_TIME
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise HealthgraphError(f"NEO4J_RETRY_TIME={text!r} is not a number of seconds")
    return seconds


def one_line(text: object) -> str:
    """Return the first non-empty line of ``text`` (server messages carry the query and a caret)."""
    return next((line.strip() for line in str(text).splitlines() if line.strip()), str(text).strip())


@contextmanager
def connect(uri: str | None = None, user: str | None = None, password: str | None = None,
            database: str | None = None, **driver_config) -> Iterator[tuple[Driver, Settings]]:
    """Open a verified driver; Neo4j failures inside the block become one-line errors.

    Parameters
    ----------
    uri, user, password, database : str, optional
        See :func:`settings`.
    **driver_config
        Passed on to ``neo4j.GraphDatabase.driver``.

    Yields
    ------
    (neo4j.Driver, Settings)

    Raises
    ------
    BackendUnavailable
        The server cannot be reached or refused the credentials.
    HealthgraphError
        The server rejected a query (the first line of its message).

    Examples
    --------
    >>> with connect("bolt://127.0.0.1:1") as (driver, conf):  # doctest: +SKIP
    ...     pass
    Traceback (most recent call last):
    healthgraph.errors.BackendUnavailable: cannot reach Neo4j at bolt://127.0.0.1:1 ...
    """
    import neo4j
    from neo4j import exceptions as nx

    conf = settings(uri, user, password, database)
    where = f"Neo4j at {conf.uri}"
    try:
        driver_config.setdefault("connection_timeout", CONNECTION_TIMEOUT)
        driver_config.setdefault("max_transaction_retry_time", retry_time())
        driver = neo4j.GraphDatabase.driver(conf.uri, auth=(conf.user, conf.password), **driver_config)
    except (ValueError, nx.ConfigurationError) as exc:
        raise BackendUnavailable(f"invalid Neo4j URI {conf.uri!r}: {one_line(exc)}") from None
    try:
        driver.verify_connectivity()
        yield driver, conf
    except nx.AuthError:
        raise BackendUnavailable(f"{where} refused the credentials of user {conf.user!r} "
                                 "(set --user and NEO4J_PASSWORD or --password-file)") from None
    except (nx.ServiceUnavailable, nx.SessionExpired, OSError) as exc:
        raise BackendUnavailable(f"cannot reach {where} ({_reason(exc)}); start a server "
                                 "(bash scripts/neo4j-server.sh start) or pass --uri/NEO4J_URI") from None
    except nx.Neo4jError as exc:
        raise HealthgraphError(f"{where} rejected the query: {one_line(exc.message or exc)}") from None
    except nx.DriverError as exc:
        raise HealthgraphError(f"{where}: {one_line(exc)}") from None
    finally:
        driver.close()


def _reason(exc: BaseException) -> str:
    # The driver nests the socket error ("[Errno 111] Connection refused") in a long message.
    text = str(exc)
    socket_error = re.search(r"\[Errno -?\d+\] ([^)\n]+)", text)
    return socket_error.group(1).strip() if socket_error else (one_line(text) or type(exc).__name__)
