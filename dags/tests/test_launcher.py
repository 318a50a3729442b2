"""The java command line of the ./adlake launcher, which the local runner runs: log4j2 reads the conf folder's
log4j2.properties unless ADLAKE_LOG4J2_CONFIG or ADLAKE_JAVA_OPTS names another file. The launcher runs from a copy
beside an empty jar, with a `java` that prints its arguments, so no JVM starts and nothing is built."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

FAKE_JAVA = """#!/bin/sh
if [ "$1" = -version ]; then echo 'openjdk version "17.0.15"' >&2; exit 0; fi
printf '%s\\n' "$@"
"""


@pytest.fixture()
def launcher(tmp_path, monkeypatch):
    shutil.copy(REPO / "adlake", tmp_path / "adlake")
    (tmp_path / "jobs" / "target").mkdir(parents=True)
    (tmp_path / "jobs" / "target" / "adlake.jar").touch()
    java = tmp_path / "jdk" / "bin" / "java"
    java.parent.mkdir(parents=True)
    java.write_text(FAKE_JAVA)
    java.chmod(0o755)
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "jdk"))
    for name in ("ADLAKE_CONF_DIR", "ADLAKE_LOG4J2_CONFIG", "ADLAKE_JAVA_OPTS"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "adlake"


def java_arguments(launcher: Path, **env: str) -> list[str]:
    done = subprocess.run([str(launcher), "tables"], env={**os.environ, **env}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def log4j2_files(arguments: list[str]) -> list[str]:
    option = "-Dlog4j2.configurationFile="
    return [a.removeprefix(option) for a in arguments if a.startswith(option)]


def test_log4j2_reads_the_conf_folders_file(launcher):
    arguments = java_arguments(launcher)
    assert log4j2_files(arguments) == [f"{launcher.parent}/conf/log4j2.properties"]
    assert arguments[-3:] == ["-jar", f"{launcher.parent}/jobs/target/adlake.jar", "tables"]

    elsewhere = java_arguments(launcher, ADLAKE_CONF_DIR="/etc/adlake")
    assert log4j2_files(elsewhere) == ["/etc/adlake/log4j2.properties"]


def test_adlake_log4j2_config_names_another_file_and_java_opts_have_the_last_word(launcher):
    other = java_arguments(launcher, ADLAKE_LOG4J2_CONFIG="/srv/log4j2-debug.xml")
    assert log4j2_files(other) == ["/srv/log4j2-debug.xml"]

    # The JVM takes the last -D of a name: ADLAKE_JAVA_OPTS comes after the launcher's.
    opts = java_arguments(launcher, ADLAKE_JAVA_OPTS="-Xmx2g -Dlog4j2.configurationFile=/tmp/mine.properties")
    assert log4j2_files(opts) == [f"{launcher.parent}/conf/log4j2.properties", "/tmp/mine.properties"]
