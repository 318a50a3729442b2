"""adlake_maintenance: Iceberg table upkeep on the embedded catalog, weekly.

Per silver and gold table, with `adlake maintain` (Iceberg's Spark actions; `adlake sql` is read-only): expire
snapshots past the table's maximum age (Iceberg's default, 5 days), keeping the last 10, and run branches older
than their 14-day retention; then compact small files. On Nessie this DAG does nothing to snapshots: files may
still be referenced from other branches, so deleting them is Nessie GC's job (run `nessie-gc` against the
server), not Iceberg's expire_snapshots.
"""

from __future__ import annotations

from datetime import datetime, timezone

from airflow.sdk import DAG, CronTriggerTimetable

from adlake_airflow import settings
from adlake_airflow.assets import GOLD_TABLES
from adlake_airflow.operators import adlake_task

SILVER_TABLES = ("delivery_daily", "supply_daily", "fx_rates", "bookings", "setup_entities")
TABLES = [f"silver.{t}" for t in SILVER_TABLES] + [f"gold.{t}" for t in GOLD_TABLES]

with DAG(
    dag_id="adlake_maintenance",
    description="Expire old snapshots and compact small files (embedded catalog)",
    schedule=CronTriggerTimetable("0 3 * * 0", timezone="UTC"),
    start_date=datetime(2026, 11, 1, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    tags=["adlake", "maintenance"],
    doc_md=__doc__,
) as dag:
    if settings.load().profile != "nessie":
        for table in TABLES:
            name = table.replace(".", "__")
            expire = adlake_task(
                f"expire_{name}", ["maintain", "expire-snapshots", "--table", table, "--retain-last", "10"]
            )
            compact = adlake_task(f"compact_{name}", ["maintain", "compact", "--table", table])
            expire >> compact
