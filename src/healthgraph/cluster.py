"""Extraction on a Dask cluster (``extract``/``build --dask SCHEDULER_ADDRESS``).

The corpus is cut into partitions: runs of whole files, and a JSONL file larger than a
partition into byte ranges. The client only lists files and their sizes; each worker reads
its own files or byte range (aligned to line boundaries by
:func:`healthgraph.extraction.reader.read_jsonl`), so the workers must see the same files
(a shared file system; a relative path is taken from the client's working folder).

Results stream back as partitions finish (``as_completed``) and are handed on in the order
of the corpus, as ``--jobs`` hands them on, so that everything after extraction (unique
document ids, the store, the JSON of ``extract``) is the same code and the same output as a
local run. At most :attr:`Dask.window` partitions are out at once: the client never holds
the corpus, only the facts of the partitions finished ahead of the oldest one still running.

A worker that dies loses nothing: the scheduler runs its partitions again elsewhere, and the
client takes each partition's result once, so nothing is stored twice (a document's named
graph and kept facts are replaced, never added to, in any case).
"""
from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from .errors import HealthgraphError

if TYPE_CHECKING:
    from .model import DocumentFacts

PARTITION_BYTES = 1 << 20  # about 250 typical articles: half a second of work, small next to a task's overhead
MAX_FILES = 256  # files in one partition, however small
CONNECT_SECONDS = 10
WORKER_SECONDS = 60  # a scheduler with no worker yet (an adaptive cluster) is waited for this long

Result = tuple[list["DocumentFacts"], list[str]]  # one file's (or byte range's) facts and error lines


@dataclass(frozen=True)
class Partition:
    """What one Dask task reads: whole files, or the lines of one JSONL file that begin in bytes
    ``[start, end)`` (``end`` None: to the end of the file)."""

    files: tuple[str, ...] = ()
    jsonl: str | None = None
    start: int = 0
    end: int | None = None
    newlines_before: int = 0  # the newlines before ``start``: line numbers as in a whole-file read


@dataclass
class Dask:
    """A Dask client and how to cut the corpus for it: what ``extract``/``build`` take as ``dask=``
    (a ``distributed.Client`` or a scheduler address is made into one)."""

    client: Any
    partition_bytes: int = PARTITION_BYTES
    window: int | None = None  # partitions out at once (default: four per worker thread)
    owned: bool = False  # the client was made here from an address: :meth:`close` closes it

    def close(self) -> None:
        if self.owned:
            self.client.close()


def connect(dask: Any) -> Dask:
    """A :class:`Dask` for ``dask``: a :class:`Dask`, a ``distributed.Client``, or a scheduler
    address (``tcp://host:8786``), connected here; an unreachable scheduler is a one-line error."""
    if isinstance(dask, Dask):
        return dask
    if not isinstance(dask, str):
        return Dask(dask)
    try:
        from distributed import Client
    except ImportError:
        raise HealthgraphError("--dask needs Dask: pip install 'healthgraph[dask]'") from None
    try:
        client = Client(dask, timeout=f"{CONNECT_SECONDS}s", set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise HealthgraphError(f"cannot reach the Dask scheduler at {dask}: {reason}") from None
    return Dask(client, owned=True)


def plan(files: Sequence[Path], partition_bytes: int = PARTITION_BYTES) -> list[Partition]:
    """Cut ``files`` (in order) into partitions of about ``partition_bytes``: runs of files, and
    byte ranges of a JSONL file larger than that (their ``newlines_before`` still to count).
    Only the files' sizes are read.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("x" * 10); _ = (folder / "b.txt").write_text("y" * 10)
    >>> _ = (folder / "c.jsonl").write_text("{}\\n" * 10)
    >>> [(p.files, p.jsonl, p.start, p.end) for p in plan(sorted(folder.iterdir()), partition_bytes=12)]
    ... # doctest: +NORMALIZE_WHITESPACE +ELLIPSIS
    [((...a.txt', ...b.txt'), None, 0, None), ((), ...c.jsonl', 0, 12), ((), ...c.jsonl', 12, 24),
     ((), ...c.jsonl', 24, None)]
    """
    from .extraction.reader import byte_ranges

    partitions: list[Partition] = []
    run: list[str] = []
    size = 0

    def close_run() -> None:
        nonlocal run, size
        if run:
            partitions.append(Partition(files=tuple(run)))
        run, size = [], 0

    for path in files:
        ranges = byte_ranges(path, partition_bytes)
        if ranges:
            close_run()
            partitions += [Partition(jsonl=str(path), start=start, end=end) for start, end in ranges]
            continue
        try:
            length = path.stat().st_size
        except OSError:
            length = 0  # the worker that reads it says what is wrong
        run.append(str(path))
        size += length
        if size >= partition_bytes or len(run) >= MAX_FILES:
            close_run()
    close_run()
    return partitions


def extract_on(dask: Dask, files: Sequence[Path]) -> tuple[Iterator[Result], int]:
    """The results of extracting ``files`` on the cluster, one per file or byte range in the
    order of ``files`` (as a local run gives them), and how many there will be."""
    if files and not dask.client.nthreads():
        try:
            dask.client.wait_for_workers(1, timeout=WORKER_SECONDS)
        except (TimeoutError, OSError):
            raise HealthgraphError(f"the Dask scheduler at {dask.client.scheduler.address} has no workers "
                                   f"(waited {WORKER_SECONDS:g} s)") from None
    partitions = _number_lines(dask, plan(files, dask.partition_bytes))
    total = sum(len(p.files) or 1 for p in partitions)
    return _results(dask, partitions), total


def _number_lines(dask: Dask, partitions: list[Partition]) -> list[Partition]:
    """Give each JSONL byte range the newlines before it (each range's newlines counted by a worker)."""
    from .extraction.reader import count_newlines

    ranges = [p for p in partitions if p.jsonl is not None and p.end is not None]
    if not ranges:
        return partitions
    root = os.getcwd()
    futures = [dask.client.submit(count_newlines, str(Path(root, p.jsonl or "")), p.start, p.end, pure=False)
               for p in ranges]
    counts = dict(zip(((p.jsonl, p.end) for p in ranges), _gather(dask, futures, "counting lines")))
    numbered, before = [], 0
    for p in partitions:
        if p.jsonl is not None:
            before = 0 if p.start == 0 else before
            numbered.append(Partition(jsonl=p.jsonl, start=p.start, end=p.end, newlines_before=before))
            before += counts.get((p.jsonl, p.end), 0)
        else:
            numbered.append(p)
    return numbered


def _gather(dask: Dask, futures: list, what: str) -> list:
    try:
        return dask.client.gather(futures)
    except HealthgraphError:
        raise
    except Exception as exc:
        raise _failed(what, exc) from None


def _failed(what: str, exc: BaseException) -> HealthgraphError:
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return HealthgraphError(f"Dask: {what} failed ({type(exc).__name__}: {reason})"[:1000])


def _results(dask: Dask, partitions: list[Partition]) -> Iterator[Result]:
    """Submit ``partitions`` a window at a time; yield their results in order as they finish."""
    from distributed import as_completed

    client = dask.client
    window = dask.window or max(4, 4 * sum(client.nthreads().values()))
    root = os.getcwd()
    run = uuid.uuid4().hex[:12]
    todo = iter(enumerate(partitions))
    out: dict[Any, int] = {}  # future -> partition number
    finished: dict[int, list[Result]] = {}  # results that wait for an earlier partition
    following = 0
    running = as_completed()

    def submit() -> None:
        while len(out) + len(finished) < window:
            numbered = next(todo, None)
            if numbered is None:
                return
            number, partition = numbered
            future = client.submit(extract_partition, partition, root, key=f"healthgraph-extract-{run}-{number}")
            out[future] = number
            running.add(future)

    try:
        submit()
        for future in running:
            number = out.pop(future)
            try:
                finished[number] = future.result()
            except Exception as exc:
                raise _failed(f"partition {number} ({_describe(partitions[number])})", exc) from None
            future.release()
            while following in finished:
                yield from finished.pop(following)
                following += 1
            submit()
    finally:
        for future in out:
            future.cancel()


def _describe(partition: Partition) -> str:
    if partition.jsonl is not None:
        return f"{partition.jsonl} bytes {partition.start}-{'' if partition.end is None else partition.end}"
    return partition.files[0] + (f" and {len(partition.files) - 1} more" if len(partition.files) > 1 else "")


def extract_partition(partition: Partition, root: str | None = None) -> list[Result]:
    """On a worker: the results of one partition, one per file (or one for a byte range)."""
    from .extraction import _extract_path

    if partition.jsonl is not None:
        return [_extract_path(partition.jsonl, (partition.start, partition.end, partition.newlines_before), root)]
    return [_extract_path(path, None, root) for path in partition.files]
