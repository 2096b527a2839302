"""Errors a user can act on. The CLI prints them as one line, never a traceback."""
from __future__ import annotations


class HealthgraphError(Exception):
    """A problem with the user's input, data or environment, explained in one line."""


class InputError(HealthgraphError):
    """A source file that cannot be read: names the file and the problem."""

    def __init__(self, path: object, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class BackendUnavailable(HealthgraphError):
    """A server (Neo4j, SPARQL endpoint) cannot be reached or refused the credentials."""
