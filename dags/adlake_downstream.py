"""adlake_downstream: what runs when gold is published (scheduled on the gold assets, not on a clock).

alerts evaluates conf/alerts.yaml over the newest published as-of date and updates ops.alerts; notify then sends
each org one digest of what changed (retried by Airflow if a channel failed: exit 9), and writeback_plan records
the changes the alerts propose in ops.writeback_actions, for a person to approve. Nothing here executes a change:
`adlake writeback execute --apply` is run by a person after approval. Beside them, the gate report of the newest run
and the pacing exceptions, read from the published tables.

The plan's requester is the worker's operating-system user, so maker-checker still needs a person's approval of
every change, but one person suffices above the threshold too; an org that wants two people plans by hand.
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
    alerts >> adlake_task("writeback_plan", ["writeback", "plan"])
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
