"""The daily DAG run by Airflow itself (dag.test) on the sample exports, with the real adlake jar on the embedded
catalog: the tables appear, and every step run again after success leaves them as they were. (A step retried in
the middle of an attempt is covered on the Java side, RunStepsTest.)"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from airflow.dag_processing.dagbag import DagBag

DAGS = Path(__file__).resolve().parents[1]
REPO = DAGS.parent
DAY = datetime(2026, 11, 3, 6, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def airflow_db():
    airflow = [sys.executable, "-m", "airflow"]
    subprocess.run([*airflow, "db", "migrate"], check=True, capture_output=True)
    pool = ["pools", "set", "adlake_spark", "2", "adlake Spark jobs"]
    subprocess.run([*airflow, *pool], check=True, capture_output=True)


@pytest.fixture()
def lakehouse(tmp_path, monkeypatch):
    """An empty data folder for the local profile, with two days of sample exports in its landing zone."""
    monkeypatch.setenv("ADLAKE_DATA_DIR", str(tmp_path))
    adlake("generate", "--start", "2026-11-02", "--days", "2")
    return tmp_path


def test_a_day_runs_through_airflow_and_rerunning_its_steps_changes_nothing(airflow_db, lakehouse):
    dag = DagBag(dag_folder=str(DAGS), known_pools={"adlake_spark"}).dags["adlake_daily"]

    first = dag.test(logical_date=DAY)

    assert first.state == "success", task_states(first)
    assert set(task_states(first).values()) == {"success"}
    ledger = adlake("sql", "--format", "csv", "select run_id, step, status from ops.job_runs order by finished_at")
    assert re.search(r"^run-2026-11-03-\w+,publish,published$", ledger, re.MULTILINE), ledger
    assert count("gold.pacing") > 0
    assert count("silver.delivery_daily") > 0
    snapshots = {t: count(f"{t}.snapshots") for t in ("silver.delivery_daily", "gold.pacing", "gold.org_daily_summary")}
    content = digest("gold.pacing")

    # Every step again, as a clear-and-rerun of the DAG run would (the ingests, which skip seen files, marked done).
    again = dag.test(logical_date=DAY, mark_success_pattern=r"^ingest_")

    assert again.state == "success", task_states(again)
    ledger = adlake("sql", "--format", "csv", "select status from ops.job_runs order by finished_at")
    assert ledger.split()[-2:] == ["published", "already_published"]  # one new row: silver found the run published
    assert {t: count(f"{t}.snapshots") for t in snapshots} == snapshots  # no commit to silver or gold
    assert digest("gold.pacing") == content


def adlake(*args: str) -> str:
    result = subprocess.run([str(REPO / "adlake"), *args, "--quiet"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def digest(table: str) -> str:
    query = f"select sha2(concat_ws('|', sort_array(collect_list(to_json(struct(*))))), 256) as h from {table}"
    return adlake("sql", "--format", "csv", query).split()[-1]


def count(table: str) -> int:
    return int(adlake("sql", "--format", "csv", f"select count(*) as n from {table}").split()[-1])


def task_states(run) -> dict[str, str]:
    return {ti.task_id: ti.state for ti in run.get_task_instances()}
