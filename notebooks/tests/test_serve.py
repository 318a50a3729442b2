"""`adlake serve` as BI tools meet it: the Hive JDBC driver's metadata calls list the served schemas, tables and
column types; a gold query's figures match `adlake sql`; writes are refused; a publish and a new table show
without a restart."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pyarrow as pa
import pytest
from pyhive import hive

from conftest import REPO, adlake, sql_rows

PYSPARK_JARS = next((REPO / ".venv" / "lib").glob("python*/site-packages/pyspark/jars"))
PACING_BY_ORG = ("select org_id, count(*) as entities, sum(spend_to_date) as spend from gold.pacing "
                 "group by org_id order by org_id")
ICEBERG_TO_HIVE = {"string": "STRING", "date": "DATE", "int": "INT", "long": "BIGINT", "boolean": "BOOLEAN",
                   "double": "DOUBLE", "timestamptz": "TIMESTAMP"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(demo, tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    env = {**os.environ, "ADLAKE_SERVE_PORT": str(port), "ADLAKE_SERVE_REFRESH_SECONDS": "2"}
    with log.open("w") as out:
        server = subprocess.Popen([str(REPO / "adlake"), "serve", "--data-dir", str(demo)], stdout=out,
                                  stderr=subprocess.STDOUT, env=env, start_new_session=True)
    deadline = time.monotonic() + 300
    while "adlake serve: jdbc:hive2://" not in log.read_text():
        assert server.poll() is None, f"adlake serve exited {server.returncode}:\n{log.read_text()[-3000:]}"
        assert time.monotonic() < deadline, f"adlake serve did not start in 300 s:\n{log.read_text()[-3000:]}"
        time.sleep(1)
    yield port, server
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=60)


def jdbc_probe(port: int, *queries: str) -> list[list[str]]:
    """Runs JdbcCatalogProbe.java with the Hive JDBC driver; returns its tab-separated lines."""
    result = subprocess.run(
        ["java", "-cp", f"{PYSPARK_JARS}/*", str(Path(__file__).with_name("JdbcCatalogProbe.java")),
         f"jdbc:hive2://127.0.0.1:{port}/gold", *queries],
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return [line.split("\t") for line in result.stdout.splitlines()]


def query(port: int, sql: str) -> list[tuple]:
    with hive.connect(host="127.0.0.1", port=port, username="analyst", database="gold") as con:
        cursor = con.cursor()
        cursor.execute(sql)
        return cursor.fetchall()


def wait_for(check, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return check()
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def test_a_jdbc_client_lists_the_published_tables_with_their_column_types(endpoint, lake, demo):
    port, _ = endpoint
    lines = jdbc_probe(port, PACING_BY_ORG.replace("gold.pacing", "pacing"))
    assert ["driver", "Hive JDBC", "2.3.9", "Spark SQL", "3.5.9"] in lines
    schemas = {line[1] for line in lines if line[0] == "schema"}
    assert {"gold", "silver"} <= schemas
    for namespace in ("gold", "silver"):
        listed = sorted(f"{line[1]}.{line[2]}" for line in lines if line[0] == "table" and line[1] == namespace)
        assert listed == lake.tables(namespace)
    columns = [(line[3], line[4]) for line in lines if line[0] == "column"]
    expected = []
    for field in lake.catalog.load_table("gold.pacing").schema().fields:
        kind = str(field.field_type)
        hive_type = kind.upper().replace(", ", ",") if kind.startswith("decimal") else ICEBERG_TO_HIVE[kind]
        expected.append((field.name, hive_type))
    assert columns == expected
    # The figures a BI tool reads are the ones Spark answers in `adlake sql`.
    served = [line[2:] for line in lines if line[0] == "row"]
    assert served == [[r["org_id"], r["entities"], r["spend"]] for r in sql_rows(demo, PACING_BY_ORG)]


def test_writes_are_refused_and_change_nothing(endpoint, lake):
    port, _ = endpoint
    before = lake.catalog.load_table("gold.pacing").current_snapshot().snapshot_id
    for statement in ("drop table gold.pacing", "insert into gold.pacing select * from gold.pacing",
                      "call adlake.system.expire_snapshots(table => 'gold.pacing')", "create table gold.x (a int)"):
        with pytest.raises(Exception, match="this endpoint is read-only"):
            query(port, statement)
    assert lake.catalog.load_table("gold.pacing").current_snapshot().snapshot_id == before
    assert query(port, "select count(*) from pacing")[0][0] > 0


def test_a_publish_and_a_new_table_show_without_a_restart(endpoint, lake, demo):
    port, server = endpoint
    (before,) = query(port, "select max(report_date) from org_daily_summary")[0]
    # One more delivery day through the pipeline: ingest, silver, gates, gold, publish.
    adlake(demo, "generate", "--start", "2026-11-09", "--days", "1")
    adlake(demo, "run", "--date", "2026-11-09")
    (after,) = query(port, "select max(report_date) from org_daily_summary")[0]
    assert after > before
    assert server.poll() is None

    # A table published later appears as a view within serve.refresh_seconds (2 s here) and goes when it goes.
    probe = lake.catalog.create_table("gold.serve_probe", schema=pa.schema([("n", pa.int64())]))
    probe.append(pa.table({"n": [1, 2, 3]}))

    def listed():
        assert ("gold", "serve_probe", False) in query(port, "show tables in gold")
        return query(port, "select sum(n) from serve_probe")[0][0]

    assert wait_for(listed) == 6
    lake.catalog.drop_table("gold.serve_probe")

    def gone():
        assert ("gold", "serve_probe", False) not in query(port, "show tables in gold")

    wait_for(gone)
