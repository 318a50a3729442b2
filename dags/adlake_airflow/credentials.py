"""Connector credentials from Airflow's secrets backend, for `adlake fetch` tasks.

conf/connectors.yaml names, per source and per org, the environment variable that holds each credential
(`credentials_env`). adlake itself reads only the environment. A fetch task fills every such variable the worker's
environment lacks from the Airflow Variable of the same name: `Variable.get` asks the worker's and the configured
secrets backends first (HashiCorp Vault, AWS Secrets Manager, ...), then `AIRFLOW_VAR_<NAME>`, then the metastore
(airflow.apache.org/docs/apache-airflow/stable/security/secrets/secrets-backend), and masks the value in task logs.
The values travel only in the adlake process's environment: never on a command line, in a log or in a file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

Lookup = Callable[[str], "str | None"]


def variable_names(conf_dir: Path) -> list[str]:
    """Every credentials_env of conf/connectors.yaml, sources' and orgs' own; none when the file is absent."""
    path = conf_dir / "connectors.yaml"
    if not path.exists():
        return []
    raw = yaml.safe_load(path.read_text()) or {}
    names = {endpoint.get("credentials_env") for endpoint in (raw.get("sources") or {}).values()}
    for accounts in (raw.get("orgs") or {}).values():
        names |= {account.get("credentials_env") for account in (accounts or {}).values()}
    return sorted(n for n in names if n)


def airflow_variable(name: str) -> str | None:
    from airflow.sdk import Variable

    return Variable.get(name, default=None)


def with_credentials(env: dict[str, str], conf_dir: Path, lookup: Lookup = airflow_variable) -> list[str]:
    """Sets in `env` each credentials variable it lacks that the secrets backend has; returns their names."""
    filled = []
    for name in variable_names(conf_dir):
        if env.get(name):
            continue  # the worker's own environment wins, as it would for adlake run by hand
        value = lookup(name)
        if value:
            env[name] = value
            filled.append(name)
    return filled
