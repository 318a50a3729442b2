"""adlake_daily: one delivery date through the lakehouse, write-audit-publish.

fetch_<source> (dv360, ttd, meta, gam, bookings, setup: `adlake fetch --date <ds>`, the platform's reports of the
last complete day and its restatement window, or the snapshot of bookings and setup as of <ds>, into the landing
zone, for every org conf/connectors.yaml names; no Spark, so outside the Spark pool; a snapshot of a date that is
not today is skipped) -> ingest_<source> (one per export source, in parallel within the adlake_spark pool; a
source that delivered nothing that day is skipped) -> silver (on the run's branch) -> silver_gate -> gold (on the
branch) -> gold_gate -> publish, which emits one asset per gold table; the assets are emitted only when the
publish succeeded.

The logical date is the delivery date. Each step is `adlake run --date <ds> --step <step>` and keeps its state in
ops.job_runs, so every task is idempotent: ingest skips files it has seen (checksums); silver begins a fresh attempt
on a fresh branch, or finds the same run (same dates, inputs and configuration) published and does nothing; a later
step whose work the attempt holds already does nothing. A retry or a clear-and-rerun leaves the same tables.

A fetch that fails for some org fails its task, retried for a transient failure (exit 14) and never for refused
or missing credentials (exit 13: a person must renew them); its ingest runs all the same (trigger rule all_done),
so the other orgs' fetched files and every export dropped by hand go on through the pipeline.

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
# The sources adlake fetches from an API (the platform registry's, InstalledPlatforms in jobs; InstalledPlatformsTest
# keeps the two equal); the others arrive as files only.
FETCHED = ("dv360", "ttd", "meta", "gam", "bookings", "setup")
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
    ingests = {
        source: adlake_task(
            f"ingest_{source}",
            ["ingest", "--date", DELIVERY_DATE, "--source", source],
            skip_when_nothing_to_do=True,
            # After its fetch whatever that did: one org's failed fetch must not hold back the others' files.
            trigger_rule=TriggerRule.ALL_DONE if source in FETCHED else TriggerRule.ALL_SUCCESS,
        )
        for source in SOURCES
    }
    for source in FETCHED:
        fetch = adlake_task(
            f"fetch_{source}",
            ["fetch", "--date", DELIVERY_DATE, "--source", source],
            skip_when_nothing_to_do=True,
            pool="default_pool",
        )
        fetch >> ingests[source]
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
    list(ingests.values()) >> silver >> silver_gate >> gold >> gold_gate >> publish
