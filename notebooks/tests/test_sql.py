"""`adlake sql` reads and refuses changes unless asked; `adlake maintain` does the table upkeep instead of CALL."""

from __future__ import annotations

import re

from conftest import adlake

NOT_ALLOWED = 10  # cli/ExitCodes.java


def test_sql_refuses_a_drop_and_the_table_stays(demo, lake):
    result = adlake(demo, "sql", "drop table bronze.meta_insights", check=False)
    assert result.returncode == NOT_ALLOWED, result.stderr[-2000:]
    assert ("adlake: refused: adlake sql is read-only and this is a DROP TABLE statement (DropTable) changes the "
            "lakehouse or the session. Pass --allow-writes") in result.stderr
    assert lake.catalog.table_exists("bronze.meta_insights")


def test_sql_runs_a_change_when_allowed(demo, lake):
    adlake(demo, "sql", "--allow-writes", "create namespace if not exists scratch")
    assert ("scratch",) in lake.catalog.list_namespaces()


def test_maintain_compacts_and_expires_without_changing_a_row(demo, lake):
    table = lake.catalog.load_table("gold.pacing")
    before = sorted(table.scan().to_arrow().to_pylist(), key=repr)
    # Give it what upkeep is for: an analyst's tool rewrote the table twice in many tiny files (the same rows).
    with table.transaction() as tx:
        tx.set_properties({"write.target-file-size-bytes": "2048"})
    for _ in range(2):
        table.overwrite(table.scan().to_arrow())
    with table.transaction() as tx:
        tx.remove_properties("write.target-file-size-bytes")
    files_before = len(table.inspect.files())

    compact = adlake(demo, "maintain", "compact", "--table", "gold.pacing").stdout
    rewritten = re.match(r"gold\.pacing +rewrote (\d+) data file\(s\) \([\d,]+ bytes\) into (\d+)", compact)
    assert rewritten, compact
    assert int(rewritten[1]) > int(rewritten[2]) >= 1
    table = lake.catalog.load_table("gold.pacing")
    assert len(table.inspect.files()) < files_before
    snapshots = len(table.snapshots())

    expire = adlake(demo, "maintain", "expire-snapshots", "--table", "gold.pacing", "--older-than-days", "0",
                    "--retain-last", "1").stdout
    deleted = re.match(r"gold\.pacing +deleted (\d+) data file\(s\)", expire)
    assert deleted and int(deleted[1]) > 0, expire
    table = lake.catalog.load_table("gold.pacing")
    assert len(table.snapshots()) < snapshots
    assert sorted(table.scan().to_arrow().to_pylist(), key=repr) == before

    unknown = adlake(demo, "maintain", "compact", "--table", "gold.nope", check=False)
    assert unknown.returncode == 2 and "--table gold.nope: no such adlake table" in unknown.stderr


def test_the_java_catalog_writes_the_schema_pyiceberg_reads(demo, lake):
    import sqlite3

    with sqlite3.connect(demo / "catalog.db") as db:
        columns = [row[1] for row in db.execute("pragma table_info(iceberg_tables)")]
        catalogs = {row[0] for row in db.execute("select distinct catalog_name from iceberg_tables")}
    # V1 of Iceberg's JDBC catalog schema has iceberg_type (tables and views apart); the rows are keyed by catalog name.
    assert "iceberg_type" in columns
    assert catalogs == {lake.settings.name} == {"adlake"}
    assert {("bronze",), ("silver",), ("gold",), ("ops",)} <= set(lake.catalog.list_namespaces())
