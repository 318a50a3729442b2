"""dags/airflow-ui as an operator uses it: Airflow standalone comes up, a run of adlake_daily triggered through the
REST API (as the UI's trigger button does) succeeds, and the gold tables are there."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

DAGS = Path(__file__).resolve().parents[1]
REPO = DAGS.parent


def test_a_run_triggered_through_the_rest_api_succeeds(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    env.update(ADLAKE_AIRFLOW_HOME=str(tmp_path / "airflow"), AIRFLOW_UI_PORT=str(port))
    log = open(tmp_path / "airflow-ui.log", "w")
    server = subprocess.Popen(
        [str(DAGS / "airflow-ui")], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: call(base, "GET", "/api/v2/version") is not None, 300, server, tmp_path)
        token = call(base, "GET", "/auth/token")["access_token"]
        wait_for(lambda: call(base, "GET", "/api/v2/dags/adlake_daily", token=token) is not None, 300, server, tmp_path)
        # Triggered while paused and with the earliest run_after, so it runs before the run that unpausing
        # schedules for today (max_active_runs is 1).
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
    query = "select status from ops.job_runs where last_date = date'2026-11-03' order by finished_at"
    ledger = subprocess.run(
        [str(REPO / "adlake"), "sql", "--format", "csv", "--quiet", query],
        cwd=REPO,
        env={**os.environ, "ADLAKE_DATA_DIR": str(tmp_path / "airflow" / "data")},
        capture_output=True,
        text=True,
    )
    statuses = ["silver_built", "silver_passed", "gold_built", "gold_passed", "published"]
    assert ledger.stdout.split() == ["status", *statuses], ledger.stdout + ledger.stderr


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
