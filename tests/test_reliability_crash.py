"""R5 (crash): ``kill -9`` localhub while tiles are WAITING, QUEUED and INGESTING, start it again on the same data
dir: every tile ends INGESTED (good ones) or FAILED with the rule's cause (bad ones), none lost, none duplicated.
The scenario is :func:`tests.reliability_crash.run_crash_resume` (``make reliability`` runs it with more tiles)."""

from __future__ import annotations

import pytest

from .reliability_crash import run_crash_resume

pytestmark = pytest.mark.timeout(300)


def test_r5_kill_9_mid_ingestion_then_restart_loses_and_duplicates_nothing(localhub_factory, tmp_path):
    def start(data_dir, state_delay):
        options = {"own_s3": True, "ingestion_workers": 1, "state_delay": state_delay}
        if data_dir is not None:
            options["data_dir"] = data_dir
        return localhub_factory(**options)

    run = run_crash_resume(start, tmp_path, n_good=8, n_bad=3)
    print(f"R5: {run.figures()}")
    # the kill came while tiles were in every in-flight state
    assert run.at_kill["WAITING"] > 0 and run.at_kill["QUEUED"] > 0 and run.at_kill["INGESTING"] > 0, run.at_kill
    in_flight = run.at_kill["WAITING"] + run.at_kill["QUEUED"] + run.at_kill["INGESTING"]
    assert in_flight - 1 <= run.resumed <= in_flight  # (one INGESTING tile may finish between listing and kill)
    assert run.final == {"INGESTED": 8, "FAILED": 3}  # each tile final, with the outcome its files deserve
    assert (run.lost, run.duplicated, run.failed_without_cause) == (0, 0, 0)
    assert run.unexpected == [], run.unexpected  # also: every FAILED cause is the block-size rule's
    assert run.ok()
