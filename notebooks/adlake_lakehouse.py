"""Open adlake's lakehouse from Python without Spark: PyIceberg for the catalog, DuckDB for SQL.

The catalog comes from conf/adlake.yaml with the precedence the Java side documents (io.adlake.model.config.
ConfigLoader), so a notebook never hard-codes a path:

  1. the `defaults` section;
  2. the selected profile (`profile=`, else $ADLAKE_PROFILE, else `default_profile`);
  3. environment variables ADLAKE_<KEY> for data_dir, catalog.type, catalog.uri and catalog.warehouse;
  4. keyword arguments of `open_lakehouse` (data_dir=, catalog_uri=, warehouse=).

`${data_dir}` in a value is the resolved data folder; relative paths are relative to the folder above conf/.

The embedded profile (`catalog.type: jdbc`, SQLite) opens as PyIceberg's SqlCatalog on the same database file,
under the catalog name the Java side writes its rows with (`catalog.name`, `adlake`). A Nessie profile opens as a
REST catalog on Nessie's Iceberg REST endpoint (`/iceberg/<ref>` on the Nessie server).

    lake = open_lakehouse()
    con = lake.duckdb("gold.pacing", "silver.delivery_daily", org_id="acme-media")
    con.sql("select status, count(*) from gold.pacing group by status").df()
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import duckdb
import yaml
from pyiceberg.catalog import Catalog
from pyiceberg.catalog.rest import RestCatalog
from pyiceberg.catalog.sql import SqlCatalog
from pyiceberg.expressions import EqualTo

REPO = Path(__file__).resolve().parent.parent
OVERRIDABLE = ("data_dir", "catalog.type", "catalog.uri", "catalog.warehouse")


@dataclass(frozen=True)
class CatalogSettings:
    """The resolved `catalog` block of one profile."""

    profile: str
    name: str
    type: str
    uri: str
    warehouse: str
    properties: Mapping[str, str]


def load_settings(
    conf_dir: str | Path | None = None,
    profile: str | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: str,
) -> CatalogSettings:
    """conf/adlake.yaml's catalog settings for a profile, in the documented order of precedence."""
    env = os.environ if environ is None else environ
    conf = Path(conf_dir or env.get("ADLAKE_CONF_DIR") or REPO / "conf").resolve()
    file = conf / "adlake.yaml"
    if not file.is_file():
        raise FileNotFoundError(f"configuration file not found: {file}")
    root = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    chosen = profile or env.get("ADLAKE_PROFILE") or root.get("default_profile")
    profiles = root.get("profiles") or {}
    if chosen not in profiles:
        raise ValueError(f"{file}: unknown profile {chosen!r}; defined: {', '.join(profiles)}")
    merged = _deep_merge(_deep_merge({}, root.get("defaults") or {}), profiles[chosen] or {})
    for key in OVERRIDABLE:
        value = overrides.get(key.replace(".", "_")) or env.get("ADLAKE_" + key.replace(".", "_").upper())
        if value:
            _set(merged, key, value)
    home = conf.parent
    data_dir = (home / str(merged["data_dir"])).resolve()
    catalog = merged.get("catalog") or {}

    def expand(value: str) -> str:
        return str(value).replace("${data_dir}", str(data_dir))

    warehouse = expand(catalog["warehouse"])
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", warehouse):
        warehouse = str((home / warehouse).resolve())
    return CatalogSettings(
        profile=chosen,
        name=catalog.get("name", "adlake"),
        type=catalog["type"],
        uri=expand(catalog["uri"]),
        warehouse=warehouse,
        properties={k: str(v) for k, v in (catalog.get("properties") or {}).items()},
    )


def open_catalog(settings: CatalogSettings) -> Catalog:
    """The PyIceberg catalog for the settings' catalog type."""
    if settings.type == "jdbc":
        prefix = "jdbc:sqlite:"
        if not settings.uri.startswith(prefix):
            raise ValueError(f"catalog.uri {settings.uri!r}: only the embedded SQLite catalog opens here")
        database = Path(settings.uri[len(prefix):])
        if not database.is_file():
            raise FileNotFoundError(f"no catalog at {database}: run `./adlake demo` or a pipeline first")
        warehouse = settings.warehouse if "://" in settings.warehouse else Path(settings.warehouse).as_uri()
        return SqlCatalog(settings.name, uri=f"sqlite:///{database}", warehouse=warehouse)
    if settings.type == "nessie":
        # Nessie serves the Iceberg REST protocol beside its own API: http://host:19120/api/v2 -> /iceberg/<ref>.
        base = settings.uri.split("/api/", 1)[0]
        ref = settings.properties.get("ref", "main")
        return RestCatalog(settings.name, uri=f"{base}/iceberg/{ref}")
    raise ValueError(f"catalog.type {settings.type!r}: expected jdbc or nessie")


class Lakehouse:
    """A catalog and the DuckDB views a notebook queries, named as in `adlake sql` (gold.pacing)."""

    def __init__(self, catalog: Catalog, settings: CatalogSettings):
        self.catalog = catalog
        self.settings = settings

    def tables(self, namespace: str) -> list[str]:
        return sorted(".".join(t) for t in self.catalog.list_tables(namespace))

    def arrow(self, table: str, org_id: str | None = None):
        """One table's current main snapshot as Arrow; only `org_id`'s rows (read by partition) when given."""
        loaded = self.catalog.load_table(table)
        if org_id is not None and "org_id" in {f.name for f in loaded.schema().fields}:
            return loaded.scan(row_filter=EqualTo("org_id", org_id)).to_arrow()
        return loaded.scan().to_arrow()

    def duckdb(self, *tables: str, org_id: str | None = None) -> duckdb.DuckDBPyConnection:
        """An in-memory DuckDB with a view per table, in schemas of the namespace's name."""
        con = duckdb.connect()
        for table in tables:
            namespace, name = table.split(".", 1)
            con.execute(f'create schema if not exists "{namespace}"')
            con.register(f"{namespace}__{name}", self.arrow(table, org_id))
            con.execute(f'create view "{namespace}"."{name}" as select * from "{namespace}__{name}"')
        return con


def open_lakehouse(conf_dir: str | Path | None = None, profile: str | None = None, **overrides: str) -> Lakehouse:
    settings = load_settings(conf_dir, profile, **overrides)
    return Lakehouse(open_catalog(settings), settings)


def _deep_merge(target: dict, source: Mapping) -> dict:
    for key, value in source.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            _deep_merge(target[key], value)
        else:
            target[key] = dict(value) if isinstance(value, Mapping) else value
    return target


def _set(root: dict, dotted: str, value: str) -> None:
    parts = dotted.split(".")
    node = root
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def save_figure(figure, plots_dir: str | Path, name: str) -> Path:
    """Saves a matplotlib figure as <plots_dir>/<name>.png and prints where, so the notebook's output names it."""
    folder = Path(plots_dir or REPO / "notebooks" / "output")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    figure.savefig(path, dpi=110, bbox_inches="tight")
    print(f"plot: {path}")
    return path


def record_figures(path: str | Path, figures: Mapping[str, object]) -> None:
    """Writes the figures a notebook shows as JSON, for the test that checks them against `adlake sql`."""
    if path:
        import json

        Path(path).write_text(json.dumps(dict(figures), indent=2, default=str), encoding="utf-8")
