"""adlake_daily: one delivery date through the lakehouse, write-audit-publish.

ingest_<source> (one per export source, in parallel within the adlake_spark pool; a source that delivered nothing
that day is skipped) -> run (silver on the run's branch, silver gate, gold, gold gate, publish) -> one asset per
gold table, emitted only when the publish succeeded.

The logical date is the delivery date. Every task is idempotent: ingest skips files it has seen (checksums), and
`adlake run` finds an already published run of the same date and inputs and does nothing, so a retry or a
clear-and-rerun leaves the same tables. A failed quality gate fails `run` without retries (exit 7) and publishes
nothing; the run's branch is kept for inspection (`adlake quality report`).
"""

from __future__ import annotations

from datetime import datetime, timezone

from airflow.sdk import DAG, CronTriggerTimetable, TriggerRule

from adlake_airflow.assets import GOLD
from adlake_airflow.operators import adlake_task

SOURCES = ("dv360", "ttd", "meta", "bookings", "setup", "fx")
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
    run = adlake_task(
        "run",
        ["run", "--date", DELIVERY_DATE],
        outlets=list(GOLD.values()),
        trigger_rule=TriggerRule.NONE_FAILED,
    )
    ingests >> run
