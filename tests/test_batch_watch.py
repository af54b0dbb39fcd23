"""core.batch_watch: the poll schedule of the dock's live Batch list (QGIS-free, a fake clock)."""

from __future__ import annotations

from byoc_qgis.core.batch import BatchTask
from byoc_qgis.core.batch_watch import BatchWatch


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def task(tid: str, status: str, pct: float = 0.0, action: str = "NONE") -> BatchTask:
    return BatchTask({"id": tid, "status": status, "completionPercentage": pct, "userAction": action})


def test_backoff_while_nothing_changes_and_reset_on_a_status_change():
    watch = BatchWatch(initial=1.0, factor=2.0, cap=5.0, clock=Clock())
    assert watch.next_delay() is None  # nothing to follow
    assert watch.observe([task("a", "ANALYSING", action="START"), task("b", "DONE", 100)], complete=True)
    assert watch.active_ids() == ["a"]
    assert [watch.next_delay() for _ in range(4)] == [1.0, 2.0, 4.0, 5.0]
    assert not watch.observe([task("a", "ANALYSING", action="START")])  # same status: no change
    assert watch.next_delay() == 5.0
    assert watch.observe([task("a", "ANALYSIS_DONE", action="START")])  # a status change: poll soon again
    assert watch.next_delay() == 1.0
    assert watch.observe([task("a", "DONE", 100)])
    assert watch.active_ids() == [] and watch.next_delay() is None


def test_the_end_of_a_processing_task_is_seen_promptly():
    clock = Clock()
    watch = BatchWatch(initial=1.0, factor=2.0, cap=30.0, clock=clock)
    watch.observe([task("a", "PROCESSING", 10, "START")])
    for _ in range(6):
        watch.next_delay()  # backed off to the cap
    clock.now = 10.0
    watch.observe([task("a", "PROCESSING", 60, "START")])  # 50 % in 10 s: 8 s left at that rate
    assert watch.next_delay() == 4.0  # half the time left
    clock.now = 17.0
    watch.observe([task("a", "PROCESSING", 95, "START")])  # 85 % in 17 s: 1 s left, never below initial
    assert watch.next_delay() == 1.0


def test_a_fresh_list_forgets_tasks_no_longer_listed_and_a_new_active_task_resets():
    watch = BatchWatch(initial=1.0, factor=2.0, cap=30.0, clock=Clock())
    watch.observe([task("a", "PROCESSING", 5, "START")], complete=True)
    watch.next_delay(), watch.next_delay()
    assert watch.observe([task("a", "PROCESSING", 6, "START"), task("b", "CREATED", action="START")], complete=True)
    assert watch.active_ids() == ["a", "b"] and watch.next_delay() == 1.0
    watch.observe([task("b", "CREATED", action="START")], complete=True)
    assert watch.active_ids() == ["b"]
    watch.forget("b")
    assert watch.next_delay() is None
    watch.observe([task("c", "CREATED")], complete=True)  # created, nobody started it: nothing to follow
    assert watch.active_ids() == [] and watch.next_delay() is None
