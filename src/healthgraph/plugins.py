"""One registry style for everything found by name: stores, exporters, query backends and
the networkx versions of the named queries (as rdflib's ``plugin.register``).

A :class:`Registry` maps a name to ``"module:attribute"`` (or ``"module"``), imported only
when the name is first used. Installed packages add their own entries through the
entry-point group ``healthgraph.<kind>`` of their ``pyproject.toml``::

    [project.entry-points."healthgraph.exporters"]
    my-format = "my_package.my_format"

and code may call :meth:`Registry.register` at run time.
"""
from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import Any, Iterator

from .errors import HealthgraphError


class Registry:
    """Named plugins of one kind, imported lazily.

    Examples
    --------
    >>> formats = Registry("example-formats", {"json": "json", "dumps": "json:dumps"}, noun="format")
    >>> formats.get("dumps")({"a": 1})
    '{"a": 1}'
    >>> "json" in formats, formats.names()
    (True, ['dumps', 'json'])
    >>> formats.get("yaml")
    Traceback (most recent call last):
    ...
    healthgraph.errors.HealthgraphError: unknown format 'yaml'; choose one of dumps, json
    """

    def __init__(self, kind: str, builtins: dict[str, str], noun: str):
        self.kind = kind
        self.noun = noun  # what one entry is called in messages
        self._targets: dict[str, Any] = dict(builtins)
        self._loaded: dict[str, Any] = {}
        self._found_installed = False

    def register(self, name: str, target: Any) -> None:
        """Let ``name`` mean ``target``: an object, or ``"module:attribute"`` to import on use."""
        self._targets[name] = target
        self._loaded.pop(name, None)

    def _installed(self) -> None:
        """Entries of installed packages (group ``healthgraph.<kind>``); built-ins keep their names."""
        if not self._found_installed:
            self._found_installed = True
            for entry in entry_points(group=f"healthgraph.{self.kind}"):
                self._targets.setdefault(entry.name, entry.value)

    def names(self) -> list[str]:
        self._installed()
        return sorted(self._targets)

    def __contains__(self, name: object) -> bool:
        self._installed()
        return name in self._targets

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __len__(self) -> int:
        return len(self.names())

    def get(self, name: str) -> Any:
        """The plugin called ``name`` (imported now if need be)."""
        if name not in self._loaded:
            if name not in self:
                raise HealthgraphError(f"unknown {self.noun} {name!r}; choose one of {', '.join(self.names())}")
            target = self._targets[name]
            if isinstance(target, str):
                module_name, _, attribute = target.partition(":")
                try:
                    target = importlib.import_module(module_name)
                    for part in filter(None, attribute.split(".")):
                        target = getattr(target, part)
                except (ImportError, AttributeError) as exc:
                    raise HealthgraphError(f"{self.noun} {name!r}: cannot load {self._targets[name]} ({exc})") from None
            self._loaded[name] = target
        return self._loaded[name]
