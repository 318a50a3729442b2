"""adlake_downstream: what runs when gold is published (scheduled on the gold assets, not on a clock).

alerts evaluates conf/alerts.yaml over the newest published as-of date and updates ops.alerts; notify then sends
each org one digest of what changed (retried by Airflow if a channel failed: exit 9). Beside them, the gate report
of the newest run and the pacing exceptions, read from the published tables. Write-back planning joins this DAG
when its job exists; nothing here pretends to do it.
"""

from __future__ import annotations

from datetime import datetime, timezone

from airflow.sdk import DAG

from adlake_airflow.assets import GOLD
from adlake_airflow.operators import adlake_task

with DAG(
    dag_id="adlake_downstream",
    description="Alerts and digests over freshly published gold; gate results, pacing exceptions",
    schedule=GOLD["pacing"] & GOLD["qa_findings"],
    start_date=datetime(2026, 11, 1, tzinfo=timezone.utc),
    catchup=False,
    tags=["adlake"],
    doc_md=__doc__,
) as dag:
    alerts = adlake_task("alerts", ["alerts", "--latest"])
    notify = adlake_task("notify", ["notify"])
    alerts >> notify
    adlake_task("quality_report", ["quality", "report"])
    adlake_task(
        "pacing_exceptions",
        [
            "sql",
            "select org_id, entity_type, entity_id, status, pacing_index, spend_to_date, expected_spend_to_date "
            "from gold.pacing where as_of_date = (select max(as_of_date) from gold.pacing) "
            "and status in ('under', 'over') order by org_id, abs(pacing_index - 1) desc",
        ],
    )
