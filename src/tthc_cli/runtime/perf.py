"""Speed mechanisms every engine shares: the collector policy and the one parallel runner.

The collector. Parsing a catalog makes millions of small tuples and dicts with no reference
cycles; the cyclic collector would walk them over and over (a third of `tthc validate`'s time
on the benchmark corpus). Engines run their loading under `collector_paused()`, and pass what
they keep for the rest of the run through `aged()`.

Processes. `fork_map` runs a function over chunks of work in forked processes when
`fork_workers` says that pays, and here otherwise. The work is handed to the processes by fork
itself (they inherit the parent's memory), so nothing is pickled on the way in: only a chunk's
number travels, and its result on the way back. Where processes cannot be had (no fork, no
resources, a worker killed), the same function runs here and gives the same results.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar, overload

_T = TypeVar("_T")
_C = TypeVar("_C")
_R = TypeVar("_R")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (as it was before, afterwards).

    Nested blocks are fine: an inner block leaves the collector paused for the outer one.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def aged(kept: _T) -> _T:
    """Return kept, after moving every object alive now (kept among them) into the collector's
    oldest generation.

    For what is loaded once and lives as long as the run (a diff side, a diff result): made while
    the collector was paused, it is all young, and the first collection once the collector is
    back on would walk all of it (a quarter of a second for two 10,000-procedure snapshots).
    """
    gc.freeze()
    gc.unfreeze()
    return kept


def fork_workers(items: int, *, min_items: int, most: int, idle_only: bool = False) -> int:
    """How many processes `items` pieces of work are worth: 1 below min_items (starting a
    process and sending its results back would cost more than it saves) or where processes
    cannot be forked; else the cores this process may use, at most `most`.

    idle_only: count only the cores that are idle by the 1-minute load average; on a busy
    machine, extra processes only compete with each other and measured no faster than one.
    """
    if items < min_items or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if not idle_only:
        return min(most, cpus or 1)
    try:
        idle = (cpus or 1) - os.getloadavg()[0]
    except OSError:
        return 1
    return max(1, min(int(idle + 0.5), most))


# The running fork_map call: (function, chunks, shared). Forked workers inherit it with the
# rest of the parent's memory, which is how the work reaches them unpickled.
_JOB: tuple[Callable[[Any], Any], Sequence[Any], object] | None = None


@overload
def fork_map(
    fn: Callable[[_C], _T],
    chunks: Sequence[_C],
    *,
    workers: int,
    shared: object = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[_T]: ...


@overload
def fork_map(
    fn: Callable[[_C], _T],
    chunks: Sequence[_C],
    *,
    workers: int,
    after: Callable[[_T], _R],
    shared: object = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[_R]: ...


def fork_map(
    fn: Callable[[Any], Any],
    chunks: Sequence[Any],
    *,
    workers: int,
    after: Callable[[Any], Any] = lambda result: result,
    shared: object = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Any]:
    """[after(fn(chunk)) for chunk in chunks]: fn over `workers` forked processes when
    workers > 1 and there is more than one chunk, else here; `after` always here, on each
    result as it arrives (unpacking one while the others are still worked out).

    What fn changes in objects the caller holds is lost when it runs in a worker: results must
    not depend on it. Neither fn nor the chunks are pickled, so both may be closures or hold
    anything; what fn returns is pickled on the way back.

    shared: data fn reaches through `shared_data` rather than a closure (for a module-level fn,
    such as one a test replaces). progress(done, total) is called as chunks finish, in the order
    they finish.
    """
    global _JOB
    outer = _JOB
    _JOB = (fn, chunks, shared)
    try:
        if workers > 1 and len(chunks) > 1:
            from concurrent.futures.process import BrokenProcessPool

            try:
                return _forked(len(chunks), min(workers, len(chunks)), after, progress)
            except (OSError, BrokenProcessPool, pickle.PicklingError):
                pass  # no processes to be had, or a result that cannot travel: work here instead
        results = []
        for done, chunk in enumerate(chunks, start=1):
            results.append(after(fn(chunk)))
            if progress is not None:
                progress(done, len(chunks))
        return results
    finally:
        _JOB = outer


def shared_data(kind: type[_T]) -> _T:
    """The `shared` argument of the running fork_map call (in a worker or here)."""
    data = _JOB[2] if _JOB is not None else None
    if not isinstance(data, kind):
        raise TypeError(f"fork_map is not sharing a {kind.__name__}")
    return data


def _forked(
    count: int,
    workers: int,
    after: Callable[[Any], Any],
    progress: Callable[[int, int], None] | None,
) -> list[Any]:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    results: list[Any] = [None] * count
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = {pool.submit(_run_chunk, index): index for index in range(count)}
        for done, future in enumerate(as_completed(futures), start=1):
            results[futures[future]] = after(pickle.loads(future.result()))
            if progress is not None:
                progress(done, count)
    return results


def _run_chunk(index: int) -> bytes:
    """One chunk of the inherited job (runs in a worker process), its result pickled here so
    that any result that cannot travel is told apart from an error of fn."""
    assert _JOB is not None
    fn, chunks, _shared = _JOB
    result = fn(chunks[index])
    try:
        return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # a local function, a lock...: AttributeError, TypeError, ...
        raise pickle.PicklingError(f"the result of chunk {index} cannot be sent: {exc}") from exc
