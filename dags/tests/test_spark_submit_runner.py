"""The spark_submit runner, chosen in conf/airflow.yaml, with a real spark-submit (pyspark's, the Spark version the
jar is built on) running the real adlake jar on a local master: the DAG gets the Spark operator without an edit,
and adlake's exit codes still decide whether a task fails for good, is retried, or succeeds."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from airflow.dag_processing.dagbag import DagBag
from airflow.sdk.exceptions import AirflowException, AirflowFailException

from adlake_airflow.operators import adlake_task

DAGS = Path(__file__).resolve().parents[1]
REPO = DAGS.parent
JAR = REPO / "jobs" / "target" / "adlake.jar"


@pytest.fixture()
def spark_submit_runner(tmp_path, monkeypatch):
    if not JAR.is_file():
        pytest.fail(f"{JAR} is missing: `./run-tests` (the README test command) builds it before these tests")
    conf = tmp_path / "conf"
    shutil.copytree(REPO / "conf", conf)
    airflow = yaml.safe_load((conf / "airflow.yaml").read_text())
    airflow["runner"] = "spark_submit"
    airflow["spark_submit"]["application"] = str(JAR)
    airflow["spark_submit"]["conn_id"] = "spark_local"
    (conf / "airflow.yaml").write_text(yaml.safe_dump(airflow))
    monkeypatch.setenv("ADLAKE_CONF_DIR", str(conf))
    monkeypatch.setenv("ADLAKE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("AIRFLOW_CONN_SPARK_LOCAL", json.dumps({"conn_type": "spark", "host": "local[2]"}))
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")  # spark-submit
    return conf


def test_the_daily_dag_uses_spark_submit_when_conf_says_so(spark_submit_runner):
    dag = DagBag(dag_folder=str(DAGS), known_pools={"adlake_spark"}).dags["adlake_daily"]
    gate = dag.get_task("gold_gate")
    assert type(gate).__name__ == "AdlakeSparkSubmitOperator"
    assert gate.application == str(JAR)
    assert gate.application_args == ["run", "--date", "{{ ds }}", "--step", "gold-gate", "--profile", "local"]
    assert gate.pool == "adlake_spark"


def test_spark_submit_exit_codes_become_task_outcomes(spark_submit_runner):
    # exit 0: help printed by the jar under spark-submit
    assert adlake_task("help", ["run", "--help"]).execute(context={}) == 0

    # exit 2, a wrong command line: failed for good, a retry would not help
    with pytest.raises(AirflowFailException, match="exited with 2: wrong command line"):
        adlake_task("bad_step", ["run", "--date", "2026-11-03", "--step", "bronze"]).execute(context={})

    # exit 4 from a step with nothing to continue (an empty lakehouse): failed, retried
    with pytest.raises(AirflowException, match="exited with 4") as raised:
        adlake_task("early", ["run", "--date", "2026-11-03", "--step", "publish"]).execute(context={})
    assert type(raised.value) is AirflowException
