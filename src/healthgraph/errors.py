"""Errors a user can act on. The CLI prints them as one line, never a traceback."""
from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def one_line(text: object) -> str:
    r"""``text`` on one line: control characters escaped, so a file named with a newline
    cannot split its message or forge another line of a log.

    >>> one_line("bad\nname.txt: empty file")
    'bad\\nname.txt: empty file'
    """
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


class HealthgraphError(Exception):
    """A problem with the user's input, data or environment, explained in one line."""


class InputError(HealthgraphError):
    """A source file that cannot be read: names the file and the problem."""

    def __init__(self, path: object, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{one_line(self.path)}: {problem}")


class BackendUnavailable(HealthgraphError):
    """A server (Neo4j, SPARQL endpoint) cannot be reached or refused the credentials."""
