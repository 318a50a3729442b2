"""One Airflow asset per gold table: the daily DAG's publish emits them, downstream DAGs are scheduled on them.

The names follow catalog/model/src/main/java/io/adlake/model/Tables.java (a test keeps the two in step).
"""

from __future__ import annotations

from airflow.sdk import Asset

GOLD_TABLES = (
    "cross_platform_daily",
    "org_daily_summary",
    "buy_sell_daily",
    "revenue_reconciliation",
    "pacing",
    "margin_daily",
    "margin_monthly",
    "qa_findings",
    "taxonomy_results",
)

GOLD = {name: Asset(name=f"gold.{name}", uri=f"adlake://gold/{name}", group="adlake") for name in GOLD_TABLES}
