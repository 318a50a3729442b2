"""conf/airflow.yaml, read once per DAG parse.

The repository root is $ADLAKE_HOME, else the folder above dags/. The conf folder is $ADLAKE_CONF_DIR, else
<root>/conf, the same rule the adlake launcher follows.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

RUNNERS = ("local", "spark_submit")


@dataclass(frozen=True)
class RunnerSettings:
    runner: str
    profile: str
    pool: str
    pool_slots: int
    retries: int
    retry_delay_minutes: int
    execution_timeout_minutes: int
    launcher: Path
    spark_conn_id: str
    spark_application: str
    spark_conf: dict[str, str] = field(default_factory=dict)


def adlake_home() -> Path:
    return Path(os.environ.get("ADLAKE_HOME", Path(__file__).resolve().parents[2]))


def conf_dir() -> Path:
    return Path(os.environ.get("ADLAKE_CONF_DIR", adlake_home() / "conf"))


def load(path: Path | None = None) -> RunnerSettings:
    path = path or conf_dir() / "airflow.yaml"
    raw = yaml.safe_load(path.read_text()) or {}
    runner = raw.get("runner", "local")
    if runner not in RUNNERS:
        raise ValueError(f"{path}: runner must be one of {RUNNERS}, was {runner!r}")
    pool = raw.get("pool", {})
    local = raw.get("local", {})
    spark = raw.get("spark_submit", {})
    launcher = Path(local.get("launcher", "./adlake"))
    return RunnerSettings(
        runner=runner,
        profile=str(raw.get("profile", "local")),
        pool=str(pool.get("name", "adlake_spark")),
        pool_slots=int(pool.get("slots", 2)),
        retries=int(raw.get("retries", 2)),
        retry_delay_minutes=int(raw.get("retry_delay_minutes", 5)),
        execution_timeout_minutes=int(raw.get("execution_timeout_minutes", 120)),
        launcher=launcher if launcher.is_absolute() else adlake_home() / launcher,
        spark_conn_id=str(spark.get("conn_id", "spark_default")),
        spark_application=str(spark.get("application", "")),
        spark_conf={str(k): str(v) for k, v in (spark.get("conf") or {}).items()},
    )
