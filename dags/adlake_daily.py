"""adlake_daily: one delivery date through the lakehouse, write-audit-publish.

ingest_<source> (one per export source, in parallel within the adlake_spark pool; a source that delivered nothing
that day is skipped) -> silver (on the run's branch) -> silver_gate -> gold (on the branch) -> gold_gate ->
publish, which emits one asset per gold table; the assets are emitted only when the publish succeeded.

The logical date is the delivery date. Each step is `adlake run --date <ds> --step <step>` and keeps its state in
ops.job_runs, so every task is idempotent: ingest skips files it has seen (checksums); silver begins a fresh attempt
on a fresh branch, or finds the same run (same dates, inputs and configuration) published and does nothing; a later
step whose work the attempt holds already does nothing. A retry or a clear-and-rerun leaves the same tables.

A failed quality gate fails its gate task without retries (exit 7) and publishes nothing; the run's branch is kept
for inspection (`adlake quality report`). If main moved under the run, publish fails without retries (exit 8):
clear silver with its downstream tasks to redo the date on the new main.
"""

from __future__ import annotations

from datetime import datetime, timezone

from airflow.sdk import DAG, CronTriggerTimetable, TriggerRule

from adlake_airflow.assets import GOLD
from adlake_airflow.operators import adlake_task

SOURCES = ("dv360", "ttd", "meta", "gam", "monetize", "bookings", "setup", "fx")
DELIVERY_DATE = "{{ ds }}"

with DAG(
    dag_id="adlake_daily",
    description="Ingest the day's exports, build silver and gold behind quality gates, publish",
    schedule=CronTriggerTimetable("0 6 * * *", timezone="UTC"),
    start_date=datetime(2026, 11, 1, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    tags=["adlake"],
    doc_md=__doc__,
) as dag:
    ingests = [
        adlake_task(
            f"ingest_{source}",
            ["ingest", "--date", DELIVERY_DATE, "--source", source],
            skip_when_nothing_to_do=True,
        )
        for source in SOURCES
    ]
    silver = adlake_task(
        "silver",
        ["run", "--date", DELIVERY_DATE, "--step", "silver"],
        trigger_rule=TriggerRule.NONE_FAILED,
    )
    silver_gate = adlake_task("silver_gate", ["run", "--date", DELIVERY_DATE, "--step", "silver-gate"])
    gold = adlake_task("gold", ["run", "--date", DELIVERY_DATE, "--step", "gold"])
    gold_gate = adlake_task("gold_gate", ["run", "--date", DELIVERY_DATE, "--step", "gold-gate"])
    publish = adlake_task(
        "publish",
        ["run", "--date", DELIVERY_DATE, "--step", "publish"],
        outlets=list(GOLD.values()),
    )
    ingests >> silver >> silver_gate >> gold >> gold_gate >> publish
