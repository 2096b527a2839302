"""What a query may reach: no ``SERVICE`` call leaves the machine unless the user names the endpoint.

A SPARQL ``SERVICE <http://…>`` clause makes the engine send a request to that address: over
the "read-only" endpoint anyone who can send a query could make the server call any host
(server-side request forgery). :func:`check_services` refuses such queries before they run;
``healthgraph sparql`` and the endpoint of ``healthgraph serve`` both call it.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..errors import HealthgraphError

# string literals and comments: blanked, so that a "SERVICE" inside them is no keyword
_QUOTED = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*')
_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?:\s+SILENT)?(?![\w-])", re.I)
_TARGET = re.compile(r"\s*(<[^<>\"{}|^`\\\s]*>|[?$]\w+|[\w-]*:[\w.-]*)")


class ServiceRefused(HealthgraphError):
    """A query calls a remote endpoint the user did not allow."""


def check_services(query: str, allowed: Iterable[str] = ()) -> None:
    """Raise :class:`ServiceRefused` if ``query`` has a ``SERVICE`` clause whose endpoint is not
    one of ``allowed`` (full IRIs). A variable endpoint is never allowed.

    Examples
    --------
    >>> check_services('SELECT * WHERE { ?s ?p "SERVICE <http://x/>" }')
    >>> check_services("SELECT * WHERE { SERVICE <http://10.0.0.1/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    healthgraph.rdf.guard.ServiceRefused: query refused: SERVICE <http://10.0.0.1/sparql> calls another server (allow it with --allow-service http://10.0.0.1/sparql)
    """
    without_literals = _QUOTED.sub(lambda m: " " * len(m.group()), query)
    keywords = _IRI.sub(lambda m: " " * len(m.group()), without_literals)  # "<http://x/SERVICE>" is no keyword
    permitted = set(allowed)
    for found in _SERVICE.finditer(keywords):
        target = _TARGET.match(without_literals, found.end())  # read where the IRIs were kept
        endpoint = target.group(1) if target else "?"
        if endpoint.startswith("<") and endpoint[1:-1] in permitted:
            continue
        hint = f" (allow it with --allow-service {endpoint[1:-1]})" if endpoint.startswith("<") else \
            " (a variable endpoint is never allowed)" if endpoint[:1] in "?$" else \
            " (write the endpoint as a full IRI to allow it)"
        raise ServiceRefused(f"query refused: SERVICE {endpoint} calls another server{hint}")
