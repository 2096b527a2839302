"""Fixed-size slices of a sequence, for the backends' batched reads and writes.

>>> list(batches([1, 2, 3, 4, 5], 2))
[[1, 2], [3, 4], [5]]
"""
from __future__ import annotations

from typing import Iterator, Sequence, TypeVar

T = TypeVar("T")


def batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """Consecutive slices of ``items`` of ``size`` items each (the last may be shorter)."""
    for start in range(0, len(items), size):
        yield items[start:start + size]
