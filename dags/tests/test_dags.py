"""The DAGs as Airflow sees them: they import cleanly, have the expected graph and assets, and pass ruff."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from airflow.dag_processing.dagbag import DagBag
from airflow.sdk.exceptions import AirflowException, AirflowFailException, AirflowSkipException

from adlake_airflow.credentials import variable_names, with_credentials
from adlake_airflow.exit_codes import handle_exit
from adlake_airflow.operators import AdlakeCommandOperator

DAGS = Path(__file__).resolve().parents[1]
REPO = DAGS.parent
DAILY = DAGS / "adlake_daily.py"


@pytest.fixture(scope="module")
def dagbag() -> DagBag:
    return DagBag(dag_folder=str(DAGS), known_pools={"adlake_spark", "default_pool"})


def test_every_dag_imports_without_errors_or_warnings(dagbag):
    assert dagbag.import_errors == {}
    assert dagbag.captured_warnings == {}
    assert dagbag.dag_warnings == set()
    assert set(dagbag.dag_ids) == {"adlake_daily", "adlake_downstream", "adlake_maintenance"}


def test_daily_ingests_each_source_then_runs_each_step_of_the_gated_pipeline(dagbag):
    dag = dagbag.dags["adlake_daily"]
    # Every source the Java side knows (Source.java), buy side, sell side and reference data alike.
    java = (REPO / "catalog/model/src/main/java/io/adlake/model/Source.java").read_text()
    sources = re.findall(r'^\s+[A-Z0-9_]+\(\s*"([a-z0-9]+)",', java, re.M)
    assert {"dv360", "gam", "monetize", "fx"} <= set(sources)
    steps = ["silver", "silver_gate", "gold", "gold_gate", "publish"]
    # InstalledPlatformsTest (Java) holds FETCHED to the platform registry's fetchable sources.
    fetched = re.findall(r'"([a-z0-9]+)"', re.search(r"^FETCHED = \(([^)]*)\)", DAILY.read_text(), re.M).group(1))
    assert fetched == ["dv360", "ttd", "meta", "gam", "bookings", "setup"]
    fetches = {f"fetch_{s.lower()}" for s in fetched}
    assert set(dag.task_ids) == {f"ingest_{s}" for s in sources} | set(steps) | fetches
    for source in (s.lower() for s in fetched):
        fetch, ingest = dag.get_task(f"fetch_{source}"), dag.get_task(f"ingest_{source}")
        assert fetch.arguments == ["fetch", "--date", "{{ ds }}", "--source", source]
        assert fetch.pool == "default_pool"  # no Spark: it must not take a Spark slot
        assert fetch.skip_when_nothing_to_do
        assert ingest.upstream_task_ids == {fetch.task_id}
        assert ingest.trigger_rule == "all_done"  # one org's failed fetch never holds back the others' files
    silver = dag.get_task("silver")
    assert silver.upstream_task_ids == {f"ingest_{s}" for s in sources}
    assert silver.trigger_rule == "none_failed"  # a source with nothing that day is skipped, not a failure
    for before, after in zip(steps, steps[1:]):
        assert dag.get_task(after).upstream_task_ids == {before}
        assert dag.get_task(after).trigger_rule == "all_success"
    for step in steps:
        assert dag.get_task(step).arguments == ["run", "--date", "{{ ds }}", "--step", step.replace("_", "-")]
    assert {a.name for a in dag.get_task("publish").outlets} == {f"gold.{t}" for t in tables_in_java("gold")}
    assert all(not dag.get_task(step).outlets for step in steps[:-1])
    for task in dag.tasks:
        assert isinstance(task, AdlakeCommandOperator)
        assert task.pool == ("default_pool" if task.task_id in fetches else "adlake_spark")
        assert task.retries == 2
        assert task.execution_timeout.total_seconds() == 7200
    assert dag.get_task("ingest_fx").skip_when_nothing_to_do
    assert dag.timetable.expression == "0 6 * * *"
    assert dag.max_active_runs == 1


def test_downstream_waits_for_published_gold(dagbag):
    dag = dagbag.dags["adlake_downstream"]
    assert {a.name for a in dag.timetable.asset_condition.objects} == {"gold.pacing", "gold.qa_findings"}
    assert set(dag.task_ids) == {"alerts", "notify", "writeback_plan", "quality_report", "pacing_exceptions"}
    assert dag.get_task("notify").upstream_task_ids == {"alerts"}
    assert dag.get_task("writeback_plan").upstream_task_ids == {"alerts"}
    assert dag.get_task("writeback_plan").arguments == ["writeback", "plan"]
    assert dag.get_task("alerts").arguments == ["alerts", "--latest"]


def test_maintenance_expires_then_compacts_every_published_table(dagbag):
    dag = dagbag.dags["adlake_maintenance"]
    expire = dag.get_task("expire_gold__pacing")
    assert expire.downstream_task_ids == {"compact_gold__pacing"}
    assert expire.arguments == ["maintain", "expire-snapshots", "--table", "gold.pacing", "--retain-last", "10"]
    assert dag.get_task("compact_gold__pacing").arguments == ["maintain", "compact", "--table", "gold.pacing"]
    assert len(dag.tasks) == 2 * (len(tables_in_java("silver")) + len(tables_in_java("gold")))


def test_the_gold_assets_name_every_gold_table_the_java_side_defines():
    from adlake_airflow.assets import GOLD_TABLES

    assert sorted(GOLD_TABLES) == sorted(tables_in_java("gold"))


@pytest.mark.parametrize(
    ("code", "outcome"),
    [
        (0, None),
        (5, None),
        (12, None),
        (4, AirflowSkipException),
        (7, AirflowFailException),
        (3, AirflowFailException),
        (8, AirflowFailException),
        (13, AirflowFailException),
        (14, AirflowException),
        (1, AirflowException),
    ],
)
def test_exit_codes_become_task_outcomes(code, outcome):
    class Log:
        warnings: list[str] = []

        def warning(self, *args):
            self.warnings.append(args[0] % args[1:])

    if outcome is None:
        log = Log()
        assert handle_exit(code, "run", True, log) == code
        if code == 12:
            assert "held by a gate" in log.warnings[-1]
        return
    with pytest.raises(outcome) as raised:
        handle_exit(code, "run", True, Log())
    assert type(raised.value) is outcome  # a gate failure must not be retried like a crash
    if code == 7:
        assert "quality gate failed" in str(raised.value)
    if code == 8:
        assert "clear the silver task with its downstream tasks" in str(raised.value)


def test_fetch_credentials_come_from_the_secrets_backend_and_the_workers_environment_wins(monkeypatch):
    names = variable_names(REPO / "conf")
    # The sources' variables and the orgs' own; setup has none of its own.
    assert {"ADLAKE_DV360_SERVICE_ACCOUNT", "ADLAKE_META_TOKEN", "ADLAKE_META_TOKEN_ACME_MEDIA"} <= set(names)
    assert {"ADLAKE_DV360_SERVICE_ACCOUNT_KIWI", "ADLAKE_SALESFORCE_JWT_ACME_MEDIA"} <= set(names)
    assert all(n.startswith("ADLAKE_") for n in names)
    # Airflow's own lookup: AIRFLOW_VAR_<NAME> is its environment-variables secrets backend, asked like Vault would be.
    monkeypatch.setenv("AIRFLOW_VAR_ADLAKE_META_TOKEN", "from-the-backend")
    monkeypatch.setenv("AIRFLOW_VAR_ADLAKE_TTD_TOKEN", "stale-in-the-backend")
    env = {"ADLAKE_TTD_TOKEN": "the-workers-own"}
    assert with_credentials(env, REPO / "conf") == ["ADLAKE_META_TOKEN"]
    assert env == {"ADLAKE_TTD_TOKEN": "the-workers-own", "ADLAKE_META_TOKEN": "from-the-backend"}


def test_every_exit_code_of_the_java_side_has_a_meaning_here():
    from adlake_airflow.exit_codes import MEANING

    source = (REPO / "jobs/src/main/java/io/adlake/jobs/cli/ExitCodes.java").read_text()
    declared = {int(n) for n in re.findall(r"public static final int \w+ = (\d+);", source)}
    described = {int(n) for n in re.findall(r'^\s*\+ "\s*(\d+)  ', source, re.MULTILINE)}
    assert declared == described  # the --help table lists every code
    assert set(MEANING) == declared - {0}


def test_ruff_airflow_rules_pass():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--config", str(DAGS / "ruff.toml"), str(DAGS)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def tables_in_java(namespace: str) -> list[str]:
    source = (REPO / "catalog/model/src/main/java/io/adlake/model/Tables.java").read_text()
    return re.findall(rf'"{namespace}",\s*"([a-z_]+)"', source)
