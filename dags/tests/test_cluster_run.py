"""The production shape, run for real: a Spark standalone cluster (a master and two workers, started with the
`spark-class` of the pyspark package, the Spark the jar is built on), a Nessie server and an S3-compatible server
(s3mock), all on 127.0.0.1. Sample exports are written to the S3 landing zone, then Airflow's spark_submit runner
hands `adlake run --date D --profile nessie` to the cluster, the way conf/airflow.yaml's `runner: spark_submit`
runs it in production, with the warehouse on S3.

What is checked: the run exits 0 (published) with its tasks run by executors on both workers; Nessie's main holds
the run's one publish commit and every silver and gold table; each table's metadata is an object in the S3
warehouse bucket whose current snapshot counts the rows that a separate reader (adlake sql, reading the data files
back from S3 through Nessie's main) counts, and every registered org has gold rows.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml

from adlake_airflow.operators import adlake_task

DAGS = Path(__file__).resolve().parents[1]
REPO = DAGS.parent
JAR = REPO / "jobs" / "target" / "adlake.jar"
S3MOCK = REPO / "jobs" / "target" / "s3mock" / "s3mock.jar"
NESSIE = REPO / "jobs" / "target" / "nessie" / "nessie-runner.jar"
DAY = "2026-11-03"
TABLES = [
    "silver.delivery_daily",
    "silver.fx_rates",
    "silver.bookings",
    "silver.setup_entities",
    "silver.supply_daily",
    "gold.cross_platform_daily",
    "gold.buy_sell_daily",
    "gold.revenue_reconciliation",
    "gold.org_daily_summary",
    "gold.pacing",
    "gold.qa_findings",
    "gold.taxonomy_results",
    "gold.margin_daily",
    "gold.margin_monthly",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _java(minimum: int) -> Path:
    """Spark runs on Java 17; Nessie's runner needs 21+ (the same rule as .ci/run and catalog/scripts/nessie-server)."""
    homes = [Path(os.environ["NESSIE_JAVA_HOME"])] if minimum > 17 and os.environ.get("NESSIE_JAVA_HOME") else []
    homes += sorted(Path("/usr/lib/jvm").glob("*/"))
    for home in homes:
        release = home / "release"
        if not release.is_file():
            continue
        lines = release.read_text().splitlines()
        major = next((v.split('"')[1].split(".")[0] for v in lines if v.startswith("JAVA_VERSION=")), "0")
        if (int(major) == 17 if minimum == 17 else int(major) >= minimum) and (home / "bin" / "java").is_file():
            return home
    pytest.fail(f"no Java {minimum}{'+' if minimum > 17 else ''} JDK under /usr/lib/jvm")


def _wait(url: str, process: subprocess.Popen, log: Path, seconds: int = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{url}: the server exited with {process.returncode}; see {log}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"{url} did not answer within {seconds} s; see {log}")


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


class Cluster:
    def __init__(self, root: Path):
        self.root = root
        self.processes: list[subprocess.Popen] = []
        self.java17 = _java(17)
        import pyspark

        self.spark_home = Path(pyspark.__file__).parent
        self.s3 = f"http://127.0.0.1:{_free_port()}"
        self.nessie = f"http://127.0.0.1:{_free_port()}/api/v2"
        self.master_port, self.master_ui = _free_port(), _free_port()
        self.master = f"spark://127.0.0.1:{self.master_port}"
        # What every process of the run sees: S3 credentials by the AWS default chain (s3mock accepts any), the
        # nessie profile's endpoints pointed at the servers here, and Spark bound to loopback.
        self.env = {
            **os.environ,
            "JAVA_HOME": str(self.java17),
            "SPARK_HOME": str(self.spark_home),
            "SPARK_LOCAL_IP": "127.0.0.1",
            "SPARK_LOG_DIR": str(root / "logs"),
            "AWS_ACCESS_KEY_ID": "adlake-test",
            "AWS_SECRET_ACCESS_KEY": "adlake-test",
            "AWS_REGION": "us-east-1",
            "ADLAKE_CATALOG_URI": self.nessie,
            "ADLAKE_S3_ENDPOINT": self.s3,
            "ADLAKE_S3_PATH_STYLE": "true",
            "ADLAKE_DATA_DIR": str(root / "data"),
        }

    def start(self, name: str, command: list[str]) -> subprocess.Popen:
        log = self.root / "logs" / f"{name}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        process = subprocess.Popen(
            command, env=self.env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes.append(process)
        return process

    def up(self) -> None:
        s3_port = urllib.parse.urlparse(self.s3).port
        s3 = self.start(
            "s3mock",
            [
                str(self.java17 / "bin" / "java"), "-Xmx256m", "-jar", str(S3MOCK),
                f"--com.adobe.testing.s3mock.httpPort={s3_port}", f"--server.port={_free_port()}",
                "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.store.initialBuckets=adlake-landing,adlake-warehouse",
            ],
        )
        nessie = self.start(
            "nessie",
            [
                str(_java(21) / "bin" / "java"), "-Xmx512m", "-Dquarkus.http.host=127.0.0.1",
                f"-Dquarkus.http.port={urllib.parse.urlparse(self.nessie).port}", "-Dquarkus.management.enabled=false",
                "-Dnessie.version.store.type=IN_MEMORY", "-jar", str(NESSIE),
            ],
        )
        spark_class = str(self.spark_home / "bin" / "spark-class")
        master = self.start(
            "master",
            [spark_class, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
             "--port", str(self.master_port), "--webui-port", str(self.master_ui)],
        )
        _wait(f"http://127.0.0.1:{self.master_ui}/json", master, self.root / "logs" / "master.log")
        for n in (1, 2):
            self.start(
                f"worker{n}",
                [spark_class, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                 "--memory", "1536m", "--webui-port", str(_free_port()), "--work-dir", str(self.root / f"work{n}"),
                 self.master],
            )
        _wait(f"{self.s3}/", s3, self.root / "logs" / "s3mock.log")
        _wait(f"{self.nessie}/config", nessie, self.root / "logs" / "nessie.log")
        deadline = time.monotonic() + 60
        while len([w for w in self.master_state()["workers"] if w["state"] == "ALIVE"]) < 2:
            if time.monotonic() > deadline:
                pytest.fail(f"two workers did not register with {self.master}; see {self.root / 'logs'}")
            time.sleep(0.3)

    def master_state(self) -> dict:
        return _get(f"http://127.0.0.1:{self.master_ui}/json")

    def down(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)

    def adlake(self, *arguments: str) -> str:
        """The ./adlake launcher (java -jar) on the nessie profile with a local master: the sample writer, a reader."""
        env = {**self.env, "ADLAKE_SPARK_MASTER": "local[1]", "ADLAKE_JAVA_OPTS": "-Xmx1g"}
        done = subprocess.run(
            [str(REPO / "adlake"), *arguments, "--profile", "nessie"],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
        )
        assert done.returncode == 0, (
            f"adlake {' '.join(arguments)} exited with {done.returncode}:\n{done.stdout}\n{done.stderr[-3000:]}"
        )
        return done.stdout


@pytest.fixture()
def cluster(tmp_path, monkeypatch):
    for needed in (JAR, S3MOCK, NESSIE):
        if not needed.is_file():
            pytest.fail(f"{needed} is missing: `./run-tests` (the README test command) builds it before these tests")
    running = Cluster(tmp_path)
    try:
        running.up()
        conf = tmp_path / "conf"
        shutil.copytree(REPO / "conf", conf)
        airflow = yaml.safe_load((conf / "airflow.yaml").read_text())
        airflow["runner"] = "spark_submit"
        airflow["profile"] = "nessie"
        airflow["spark_submit"]["application"] = str(JAR)
        airflow["spark_submit"]["conn_id"] = "spark_cluster"
        # Two 1-core executors, one per worker; the driver runs in the spark-submit process (client mode).
        airflow["spark_submit"]["conf"].update(
            {
                "spark.driver.host": "127.0.0.1",
                "spark.driver.memory": "2g",
                "spark.executor.memory": "1g",
                "spark.executor.cores": "1",
                "spark.cores.max": "2",
            }
        )
        (conf / "airflow.yaml").write_text(yaml.safe_dump(airflow))
        running.env["ADLAKE_CONF_DIR"] = str(conf)
        for key, value in running.env.items():
            monkeypatch.setenv(key, value)
        host, port = running.master.rsplit(":", 1)
        connection = {"conn_type": "spark", "host": host, "port": int(port)}
        monkeypatch.setenv("AIRFLOW_CONN_SPARK_CLUSTER", json.dumps(connection))
        monkeypatch.setenv("PATH", f"{running.spark_home / 'bin'}{os.pathsep}{os.environ['PATH']}")  # spark-submit
        yield running
    finally:
        running.down()


def _metadata(cluster: Cluster, table: str) -> tuple[str, dict]:
    """The table's metadata location on Nessie's main and the metadata file itself, read from the S3 bucket."""
    content = _get(f"{cluster.nessie}/trees/main/contents/{table}")["content"]
    location = content["metadataLocation"]
    bucket_and_key = location.removeprefix("s3://")
    return location, _get(f"{cluster.s3}/{bucket_and_key}")


def test_a_day_runs_on_a_standalone_cluster_with_nessie_and_s3(cluster):
    written = cluster.adlake("generate", "--start", "2026-11-02", "--days", "2")
    assert "under s3://adlake-landing/exports" in written

    assert adlake_task("run", ["run", "--date", DAY]).execute(context={}) == 0

    state = cluster.master_state()
    apps = state["completedapps"]
    assert [a["name"] for a in apps] == ["adlake-run"], apps
    # Both workers ran an executor of the run: the work went to the cluster, not to the driver.
    # A worker moves an executor to its finished list only after the master tells it the app ended, a moment
    # after the driver exits: wait for that rather than read the list at once.
    for worker in state["workers"]:
        deadline = time.monotonic() + 30
        while True:
            finished = [e["appid"] for e in _get(worker["webuiaddress"] + "/json")["finishedexecutors"]]
            if finished or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert finished == [apps[0]["id"]], worker["id"]

    log = _get(f"{cluster.nessie}/trees/main/history?max-records=20")["logEntries"]
    messages = [e["commitMeta"]["message"] for e in log]
    assert len([m for m in messages if m.startswith("adlake: publish run-")]) == 1, messages

    snapshot_rows = {}
    for table in TABLES:
        location, metadata = _metadata(cluster, table)
        assert location.startswith("s3://adlake-warehouse/"), (table, location)
        current = next(s for s in metadata["snapshots"] if s["snapshot-id"] == metadata["current-snapshot-id"])
        snapshot_rows[table] = int(current["summary"]["total-records"])
    assert all(rows > 0 for rows in snapshot_rows.values()), snapshot_rows

    # A second reader (one more JVM, so one query) scans the published data files back from S3 through Nessie's
    # main: every table's row count, the orgs in gold and the published runs.
    counts = [f"select '{t}' as k, cast(count(*) as string) as v from {t}" for t in TABLES]
    orgs = ["select distinct 'org' as k, org_id as v from gold.org_daily_summary"]
    runs = ["select 'published' as k, run_id as v from ops.job_runs where status = 'published'"]
    read = cluster.adlake("sql", "--format", "csv", "--limit", "1000", " union all ".join(counts + orgs + runs))
    pairs = [line.split(",", 1) for line in read.splitlines()[1:] if line]
    assert {k: int(v) for k, v in pairs if k in TABLES} == snapshot_rows

    registry = yaml.safe_load((REPO / "conf" / "orgs.yaml").read_text())
    assert sorted(v for k, v in pairs if k == "org") == sorted(o["id"] for o in registry["orgs"])
    assert [v.startswith(f"run-{DAY}-") for k, v in pairs if k == "published"] == [True]
