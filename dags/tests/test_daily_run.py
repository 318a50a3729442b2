"""The daily DAG as operators run it, end to end with the real adlake jar on the embedded catalog, once: dags/airflow-ui
brings Airflow standalone up, a run of adlake_daily triggered through the REST API (as the UI's trigger button does)
succeeds and publishes; then the day's silver task again, run by Airflow itself (dag.test) as a clear-and-rerun of
the DAG run would start, finds the run published and leaves the tables as they were. One full run proves both: each
task is a JVM of its own, so a second full run would cost minutes and prove nothing the first did not. The later
steps of a cleared run are marked done here: each does nothing once its attempt holds its work, which the Java side
proves step by step (RunStepsTest), as it does a step retried in the middle of an attempt."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

from airflow.dag_processing.dagbag import DagBag

DAGS = Path(__file__).resolve().parents[1]
REPO = DAGS.parent
DAY = datetime(2026, 11, 3, 6, 0, tzinfo=timezone.utc)


def test_a_day_triggered_in_the_ui_publishes_and_rerunning_its_steps_changes_nothing(tmp_path, monkeypatch):
    data = run_through_the_rest_api(tmp_path)

    monkeypatch.setenv("ADLAKE_DATA_DIR", str(data))
    published = facts()
    steps = ["silver_built", "silver_passed", "gold_built", "gold_passed", "published"]
    assert published["statuses"].split() == steps
    assert re.fullmatch(r"run-2026-11-03-\w+ publish published", published["publish"]), published
    assert int(published["rows gold.pacing"]) > 0
    assert int(published["rows silver.delivery_daily"]) > 0

    # The first step of a clear-and-rerun again (the ingests, which skip seen files, and the steps after silver
    # marked done), by Airflow in this process on the test's own Airflow database.
    airflow = [sys.executable, "-m", "airflow"]
    subprocess.run([*airflow, "db", "migrate"], check=True, capture_output=True)
    pool = ["pools", "set", "adlake_spark", "2", "adlake Spark jobs"]
    subprocess.run([*airflow, *pool], check=True, capture_output=True)
    dag = DagBag(dag_folder=str(DAGS), known_pools={"adlake_spark", "default_pool"}).dags["adlake_daily"]

    again = dag.test(logical_date=DAY, mark_success_pattern=r"^(fetch_|ingest_|silver_gate$|gold|publish$)")

    assert again.state == "success", {ti.task_id: ti.state for ti in again.get_task_instances()}
    rerun = facts()
    # One new ledger row: silver found the run published; no commit to silver or gold; the same gold.
    assert rerun.pop("statuses").split() == [*steps, "already_published"]
    published.pop("statuses")
    assert rerun == published


def facts() -> dict[str, str]:
    """What the test compares before and after the rerun, read in one query (each adlake command is a JVM)."""
    day = "last_date = date'2026-11-03'"
    statuses = "transform(array_sort(collect_list(struct(finished_at, status))), x -> x.status)"
    parts = [
        f"select 'statuses' as k, concat_ws(' ', {statuses}) as v from ops.job_runs where {day}",
        "select 'publish', concat_ws(' ', run_id, step, status) from ops.job_runs where status = 'published'",
        "select 'rows gold.pacing', cast(count(*) as string) from gold.pacing",
        "select 'rows silver.delivery_daily', cast(count(*) as string) from silver.delivery_daily",
        *(
            f"select 'snapshots {t}', cast(count(*) as string) from {t}.snapshots"
            for t in ("silver.delivery_daily", "gold.pacing", "gold.org_daily_summary")
        ),
        "select 'digest gold.pacing', sha2(concat_ws('|', sort_array(collect_list(to_json(struct(*))))), 256)"
        " from gold.pacing",
    ]
    out = adlake("sql", "--format", "csv", " union all ".join(parts))
    return dict(line.split(",", 1) for line in out.splitlines()[1:] if line)


def run_through_the_rest_api(tmp_path: Path) -> Path:
    """Starts dags/airflow-ui, triggers adlake_daily for DAY through the REST API, waits for success, stops it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    # The tasks' JVMs run as the Java tests do: Spark interpreted (a few rows: compiling each plan costs more than
    # running it; see spark.small-data in pom.xml) and the throughput collector (batch work on two cores).
    # test_cluster_run keeps Spark's code generation.
    small_data = "-Dspark.sql.codegen.wholeStage=false -Dspark.sql.codegen.factoryMode=NO_CODEGEN"
    env.update(
        ADLAKE_AIRFLOW_HOME=str(tmp_path / "airflow"),
        AIRFLOW_UI_PORT=str(port),
        ADLAKE_JAVA_OPTS=f"-Xmx2g -XX:+UseParallelGC {small_data}",
        # Only the run the test triggers: unpausing would also schedule today's run, whose tasks (JVMs) would run
        # beside the test's own steps and outlive the server they were started by.
        AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE="False",
    )
    log = open(tmp_path / "airflow-ui.log", "w")
    server = subprocess.Popen(
        [str(DAGS / "airflow-ui")], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: call(base, "GET", "/api/v2/version") is not None, 300, server, tmp_path)
        token = call(base, "GET", "/auth/token")["access_token"]
        wait_for(lambda: call(base, "GET", "/api/v2/dags/adlake_daily", token=token) is not None, 300, server, tmp_path)
        run_id = "api-2026-11-03"
        trigger = {"logical_date": "2026-11-03T06:00:00Z", "run_after": "2026-11-03T06:00:00Z", "dag_run_id": run_id}
        assert call(base, "POST", "/api/v2/dags/adlake_daily/dagRuns", trigger, token) is not None
        call(base, "PATCH", "/api/v2/dags/adlake_daily", {"is_paused": False}, token)

        def finished():
            state = call(base, "GET", f"/api/v2/dags/adlake_daily/dagRuns/{run_id}", token=token)["state"]
            assert state != "failed", tasks(base, run_id, token)
            return state == "success"

        wait_for(finished, 1200, server, tmp_path)
        assert tasks(base, run_id, token)["publish"] == "success"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(60)
        log.close()
    return tmp_path / "airflow" / "data"


def adlake(*args: str) -> str:
    result = subprocess.run([str(REPO / "adlake"), *args, "--quiet"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def call(base: str, method: str, path: str, body: dict | None = None, token: str | None = None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, method=method, data=data)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"{}")
    except OSError:
        return None


def tasks(base: str, run_id: str, token: str) -> dict[str, str]:
    found = call(base, "GET", f"/api/v2/dags/adlake_daily/dagRuns/{run_id}/taskInstances", token=token)
    return {t["task_id"]: t["state"] for t in found["task_instances"]}


def wait_for(condition, seconds: int, server: subprocess.Popen, tmp_path: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, (tmp_path / "airflow-ui.log").read_text()[-3000:]
        if condition():
            return
        time.sleep(5)
    log = (tmp_path / "airflow-ui.log").read_text()[-3000:]
    raise AssertionError(f"not done after {seconds} s; log: {log}")
