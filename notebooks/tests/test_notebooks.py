"""Each notebook runs against the demo warehouse with its parameters, asserts what it shows on its own, and the
figures it shows match what `adlake sql` (Spark over the same catalog) answers."""

from __future__ import annotations

import json
import math
import os

import jupytext
import papermill
import pytest

from conftest import NOTEBOOKS, sql_rows

ORG = "acme-media"
NOTEBOOK_FILES = ["pacing_review.py", "margin.py", "cross_platform.py", "data_health.py"]


def latest_pacing(column: str) -> str:
    return (f"(select {column} from gold.pacing where org_id = '{ORG}' and as_of_date = "
            f"(select max(as_of_date) from gold.pacing where org_id = '{ORG}'))")


# The same figures, asked of Spark: one `adlake sql` call answers them all (a JVM per figure would cost minutes).
REFERENCE = {
    "pacing_review.entities": latest_pacing("count(*)"),
    "pacing_review.off_pace": latest_pacing("count_if(status in ('under', 'over'))"),
    "pacing_review.off_pace_projected_end_spend": latest_pacing(
        "sum(case when status in ('under', 'over') then projected_end_spend end)"),
    "pacing_review.spend_to_date": latest_pacing("sum(spend_to_date)"),
    "margin.months": f"(select count(distinct month) from gold.margin_monthly where org_id = '{ORG}')",
    "margin.booking_lines": f"(select count(distinct booking_line_id) from gold.margin_monthly where org_id = '{ORG}')",
    "margin.billable_revenue": f"(select sum(billable_revenue) from gold.margin_monthly where org_id = '{ORG}')",
    "margin.media_cost": f"(select sum(media_cost) from gold.margin_monthly where org_id = '{ORG}')",
    "margin.fees": f"(select sum(total_media_cost - media_cost) from gold.margin_monthly where org_id = '{ORG}')",
    "margin.gross_margin": f"(select sum(gross_margin) from gold.margin_monthly where org_id = '{ORG}')",
    "cross_platform.impressions": f"(select sum(impressions) from gold.cross_platform_daily where org_id = '{ORG}')",
    "cross_platform.clicks": f"(select sum(clicks) from gold.cross_platform_daily where org_id = '{ORG}')",
    "cross_platform.media_cost": f"(select sum(media_cost) from gold.cross_platform_daily where org_id = '{ORG}')",
    **{
        f"cross_platform.cpm.{p}": f"(select sum(media_cost) / sum(impressions) * 1000 from gold.cross_platform_daily "
                                   f"where org_id = '{ORG}' and platform = '{p}')"
        for p in ("dv360", "meta", "ttd")
    },
    "data_health.quarantined_rows": "(select count(*) from bronze.quarantine)",
    **{
        f"data_health.quarantined_by_source.{s}": f"(select count(*) from bronze.quarantine where source = '{s}')"
        for s in ("bookings", "dv360", "meta", "setup", "ttd")
    },
    "data_health.rows_read": "(select sum(rows_read) from ops.ingest_manifest where action <> 'skipped_duplicate')",
    "data_health.gate_checks": "(select count(*) from ops.quality_results where run_id = "
                               "(select max_by(run_id, finished_at) from ops.job_runs where step = 'publish'))",
}


@pytest.fixture(scope="module")
def spark_figures(demo) -> dict[str, float]:
    query = " union all ".join(
        f"select '{name}' as figure, cast({expr} as string) as value" for name, expr in REFERENCE.items())
    return {row["figure"]: float(row["value"]) for row in sql_rows(demo, query)}


@pytest.fixture(scope="module")
def executed(demo, tmp_path_factory, spark_figures) -> dict[str, dict]:
    """Every notebook executed once (after the reference figures are read, so both see the same snapshots)."""
    out = tmp_path_factory.mktemp("notebooks")
    figures = {}
    # The kernels find the warehouse as an analyst's would: conf/adlake.yaml, with the data folder from the environment.
    previous = os.environ.get("ADLAKE_DATA_DIR")
    os.environ["ADLAKE_DATA_DIR"] = str(demo)
    try:
        run_all(out, figures)
    finally:
        if previous is None:
            del os.environ["ADLAKE_DATA_DIR"]
        else:
            os.environ["ADLAKE_DATA_DIR"] = previous
    return figures


def run_all(out, figures) -> None:
    for name in NOTEBOOK_FILES:
        stem = name.removesuffix(".py")
        notebook = jupytext.read(NOTEBOOKS / name)
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        source = out / f"{stem}.ipynb"
        jupytext.write(notebook, source)
        parameters = {"PLOTS": str(out / "plots"), "FIGURES": str(out / f"{stem}.json"),
                      "ORG": "" if stem == "data_health" else ORG}
        papermill.execute_notebook(str(source), str(out / f"{stem}-out.ipynb"), parameters=parameters,
                                   cwd=str(NOTEBOOKS), kernel_name="python3", progress_bar=False)
        figures[stem] = {"figures": json.loads((out / f"{stem}.json").read_text()), "output": out / f"{stem}-out.ipynb",
                         "plots": out / "plots"}


def flatten(prefix: str, value) -> dict[str, float]:
    if isinstance(value, dict):
        return {k: v for key, inner in value.items() for k, v in flatten(f"{prefix}.{key}", inner).items()}
    return {prefix: value}


@pytest.mark.parametrize("stem", [n.removesuffix(".py") for n in NOTEBOOK_FILES])
def test_a_notebook_shows_what_spark_answers(stem, executed, spark_figures):
    shown = flatten(stem, executed[stem]["figures"])
    checked = {name: value for name, value in spark_figures.items() if name.startswith(stem + ".")}
    assert checked, f"no reference figures for {stem}"
    for name, expected in checked.items():
        assert name in shown, f"{name} is not among the figures {stem} shows: {sorted(shown)}"
        assert math.isclose(float(shown[name]), expected, rel_tol=1e-9, abs_tol=1e-6), (name, shown[name], expected)


def test_each_notebook_names_its_plots_in_its_output(executed):
    for stem, run in executed.items():
        cells = json.loads(run["output"].read_text())["cells"]
        # nbformat stores a stream's text as one string or as a list of lines.
        printed = "".join("".join(o.get("text", "")) for c in cells for o in c.get("outputs", []))
        images = [o for c in cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
        paths = [line.removeprefix("plot: ") for line in printed.splitlines() if line.startswith("plot: ")]
        assert paths and images, f"{stem} shows no plot"
        for path in paths:
            assert path.startswith(str(run["plots"])) and path.endswith(".png")
            assert (run["plots"] / path.rsplit("/", 1)[1]).stat().st_size > 10_000, path


def test_the_notebooks_are_committed_as_text_only():
    assert not list(NOTEBOOKS.glob("*.ipynb")), "notebooks are committed as jupytext .py files; .ipynb is generated"
    for name in NOTEBOOK_FILES:
        text = (NOTEBOOKS / name).read_text()
        assert "# %% tags=[\"parameters\"]" in text and "ORG = " in text and "AS_OF = " in text, name
