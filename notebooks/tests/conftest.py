"""A demo warehouse for the readers' tests, built once per session by `./adlake demo` (about 2 minutes).

ADLAKE_TEST_DEMO_DIR reuses a warehouse a demo already wrote (by hand runs); the tests then change it as they do a
fresh one (a publish of one more delivery day, a scratch namespace).
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
# The demo warehouse is a few thousand rows: its JVMs run as the Java tests do, Spark interpreted (compiling each
# plan costs more than running it; see spark.small-data in pom.xml) and the throughput collector.
os.environ.setdefault(
    "ADLAKE_JAVA_OPTS",
    "-Xmx2g -XX:+UseParallelGC -Dspark.sql.codegen.wholeStage=false -Dspark.sql.codegen.factoryMode=NO_CODEGEN",
)
sys.path.insert(0, str(NOTEBOOKS))


def adlake(data_dir: Path, *args: str, env: dict | None = None, timeout: int = 600, check: bool = True):
    """Runs ./adlake on the demo warehouse; returns the completed process (stdout and stderr as text)."""
    result = subprocess.run(
        [str(REPO / "adlake"), *args, "--data-dir", str(data_dir)],
        capture_output=True, text=True, timeout=timeout, env={**os.environ, **(env or {})},
    )
    if check and result.returncode != 0:
        raise AssertionError(f"adlake {' '.join(args)} exited {result.returncode}:\n{result.stderr[-3000:]}")
    return result


def sql_rows(data_dir: Path, query: str) -> list[dict[str, str]]:
    """`adlake sql --format csv` as dicts, the figures an analyst would read."""
    out = adlake(data_dir, "sql", "--format", "csv", "--limit", "100000", query).stdout
    return list(csv.DictReader(io.StringIO(out)))


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> Path:
    given = os.environ.get("ADLAKE_TEST_DEMO_DIR")
    if given:
        return Path(given)
    data_dir = tmp_path_factory.mktemp("demo")
    # ./run-tests runs this beside Maven's suites and the DAG suite: the demo took 10 min there, 2 to 3 alone.
    adlake(data_dir, "demo", timeout=1800)
    return data_dir


@pytest.fixture(scope="session")
def lake(demo):
    from adlake_lakehouse import open_lakehouse

    return open_lakehouse(data_dir=str(demo))
