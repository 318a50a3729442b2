"""Airflow for the tests: its own home and SQLite database in a temporary folder, these DAGs, no examples."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

DAGS = Path(__file__).resolve().parents[1]
REPO = DAGS.parent

_home = Path(tempfile.mkdtemp(prefix="adlake-airflow-"))
os.environ["AIRFLOW_HOME"] = str(_home)
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(DAGS)
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__CORE__UNIT_TEST_MODE"] = "True"
os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"] = f"sqlite:///{_home}/airflow.db"
os.environ["ADLAKE_HOME"] = str(REPO)
