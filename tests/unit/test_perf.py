"""The speed mechanisms' API: the collector policy, the worker count, and fork_map run here,
in forked processes, and here again when processes fail."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tthc_cli.runtime.perf import aged, collector_paused, fork_map, fork_workers, shared_data

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="processes cannot be forked"
)


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_paused_in_the_block_and_back_after() -> None:
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block leaves the outer one paused
    assert gc.isenabled()


def test_the_collector_comes_back_after_an_error() -> None:
    with pytest.raises(ValueError, match="boom"), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_aged_moves_what_is_alive_to_the_oldest_generation() -> None:
    with collector_paused():
        kept = [object()]
        assert any(o is kept for o in gc.get_objects(generation=0))
        assert aged(kept) is kept
        assert not any(o is kept for o in gc.get_objects(generation=0))
        assert any(o is kept for o in gc.get_objects(generation=2))
        assert gc.get_freeze_count() == 0


def test_few_items_or_no_fork_mean_one_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    assert fork_workers(99, min_items=100, most=8) == 1
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert fork_workers(10**6, min_items=100, most=8) == 1


@needs_fork
def test_workers_are_the_cores_at_most(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    assert fork_workers(100, min_items=100, most=2) == 2
    assert fork_workers(100, min_items=100, most=8) == 4


@needs_fork
def test_idle_only_counts_the_idle_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.4, 0.0, 0.0))
    assert fork_workers(100, min_items=100, most=8, idle_only=True) == 3  # 2.6 cores idle
    monkeypatch.setattr(os, "getloadavg", lambda: (7.0, 0.0, 0.0))
    assert fork_workers(100, min_items=100, most=8, idle_only=True) == 1  # a busy machine

    def no_load() -> tuple[float, float, float]:
        raise OSError("no load average here")

    monkeypatch.setattr(os, "getloadavg", no_load)
    assert fork_workers(100, min_items=100, most=8, idle_only=True) == 1


def _tagged(chunk: list[int]) -> tuple[int, list[int]]:
    return os.getpid(), [n * n for n in chunk]


CHUNKS = [[1, 2], [3], [4, 5, 6], [7]]
SQUARES = [[1, 4], [9], [16, 25, 36], [49]]


def test_one_worker_works_here_in_order() -> None:
    done: list[tuple[int, int]] = []
    results = fork_map(_tagged, CHUNKS, workers=1, progress=lambda d, t: done.append((d, t)))
    assert [squares for _pid, squares in results] == SQUARES
    assert {pid for pid, _squares in results} == {os.getpid()}
    assert done == [(1, 4), (2, 4), (3, 4), (4, 4)]


@needs_fork
def test_workers_work_elsewhere_and_give_results_in_chunk_order() -> None:
    done: list[int] = []
    offset = 100  # a closure: fn is inherited by the workers, never pickled
    results = fork_map(
        lambda chunk: (os.getpid(), [n + offset for n in chunk]),
        CHUNKS,
        workers=2,
        progress=lambda d, t: done.append(d),
    )
    assert [values for _pid, values in results] == [[n + offset for n in c] for c in CHUNKS]
    assert os.getpid() not in {pid for pid, _values in results}
    assert done == [1, 2, 3, 4]


@dataclass(frozen=True)
class _Job:
    factor: int


def _scaled(chunk: list[int]) -> list[int]:
    return [n * shared_data(_Job).factor for n in chunk]


@needs_fork
@pytest.mark.parametrize("workers", [1, 2])
def test_a_module_function_reaches_the_shared_data(workers: int) -> None:
    assert fork_map(_scaled, CHUNKS, workers=workers, shared=_Job(10)) == [
        [n * 10 for n in c] for c in CHUNKS
    ]


def test_shared_data_outside_fork_map_is_an_error() -> None:
    with pytest.raises(TypeError, match="_Job"):
        shared_data(_Job)


@needs_fork
@pytest.mark.parametrize("workers", [1, 2])
def test_after_runs_here_on_each_result(workers: int) -> None:
    where: list[int] = []

    def after(result: tuple[int, list[int]]) -> list[int]:
        where.append(os.getpid())
        return result[1]

    assert fork_map(_tagged, CHUNKS, workers=workers, after=after) == SQUARES
    assert where == [os.getpid()] * len(CHUNKS)


@needs_fork
def test_no_processes_to_be_had_means_working_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(method: str) -> object:
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing, "get_context", refuse)
    results = fork_map(_tagged, CHUNKS, workers=2)
    assert [squares for _pid, squares in results] == SQUARES
    assert {pid for pid, _squares in results} == {os.getpid()}


@needs_fork
def test_a_worker_that_dies_means_working_here() -> None:
    parent = os.getpid()

    def fragile(chunk: list[int]) -> list[int]:
        if os.getpid() != parent:
            os._exit(1)  # killed, out of memory, ...
        return [n * n for n in chunk]

    assert fork_map(fragile, CHUNKS, workers=2) == SQUARES


@needs_fork
def test_a_result_that_cannot_travel_is_made_here() -> None:
    parent = os.getpid()

    def unpicklable(chunk: list[int]) -> object:
        if os.getpid() != parent:
            return lambda: chunk  # a local function cannot be pickled
        return sum(chunk)

    assert fork_map(unpicklable, CHUNKS, workers=2) == [3, 3, 15, 7]


@needs_fork
def test_an_error_of_the_function_itself_is_raised() -> None:
    def broken(chunk: list[int]) -> int:
        raise KeyError("name")

    with pytest.raises(KeyError, match="name"):
        fork_map(broken, CHUNKS, workers=2)


def test_a_nested_call_gives_the_outer_job_back() -> None:
    def outer(chunk: list[int]) -> list[int]:
        inner = fork_map(_scaled, [chunk], workers=1, shared=_Job(2))
        return [*inner[0], shared_data(_Job).factor]

    assert fork_map(outer, [[1], [2]], workers=1, shared=_Job(5)) == [[2, 5], [4, 5]]
