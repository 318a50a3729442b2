# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---


# %% [markdown]
# # Margin
#
# Booked revenue against media cost and platform fees, by month and booking line, for one org
# (`gold.margin_monthly`; README "Margin": billable revenue from the booking's buy type and sold rate, fees = total
# media cost - media cost, gross margin = billable revenue - total media cost). Delivery no booking line claims is
# shown as unbooked spend.

# %% tags=["parameters"]
ORG = "acme-media"
AS_OF = ""  # yyyy-mm-dd: months up to this date's month; empty: every month
PLOTS = ""
FIGURES = ""

# %%
import matplotlib.pyplot as plt

from adlake_lakehouse import open_lakehouse, record_figures, save_figure

lake = open_lakehouse()
con = lake.duckdb("gold.margin_monthly", "gold.margin_daily", org_id=ORG)
last_month = AS_OF or str(con.execute("select max(month) from gold.margin_monthly").fetchone()[0])
lines = con.execute(
    """
    select month, booking_line_id, is_booked, platform, opportunity_name, buy_type, reporting_currency,
           billable_revenue, media_cost, total_media_cost - media_cost as fees, total_media_cost,
           gross_margin, margin_pct
    from gold.margin_monthly where month <= date_trunc('month', ?::date) order by month, booking_line_id
    """,
    [last_month],
).df()
assert not lines.empty, f"gold.margin_monthly has no rows for {ORG}"
currency = lines.reporting_currency.iloc[0]
lines

# %%
by_month = lines.groupby("month")[["billable_revenue", "media_cost", "fees", "gross_margin"]].sum().astype(float)
by_month["margin_pct"] = by_month.gross_margin / by_month.billable_revenue * 100
# The monthly mart adds up to its days: the same sums from gold.margin_daily.
daily = con.execute(
    """
    select date_trunc('month', report_date) as month, sum(billable_revenue) as revenue, sum(total_media_cost) as cost
    from gold.margin_daily where report_date < date_trunc('month', ?::date) + interval 1 month group by 1
    """,
    [last_month],
).df().set_index("month")
for month, row in by_month.iterrows():
    assert abs(row.billable_revenue - float(daily.revenue[month])) < 1e-4, month
    assert abs(row.media_cost + row.fees - float(daily.cost[month])) < 1e-4, month
    assert abs(row.billable_revenue - row.media_cost - row.fees - row.gross_margin) < 1e-4, month
by_month

# %%
fig, ax = plt.subplots(figsize=(8, 4))
months = [m.strftime("%Y-%m") for m in by_month.index]
ax.bar(months, by_month.billable_revenue, width=0.6, color="#a9cce3", label="billable revenue")
ax.bar(months, by_month.media_cost, width=0.3, color="#2471a3", label="media cost")
ax.bar(months, by_month.fees, width=0.3, bottom=by_month.media_cost, color="#f5b041", label="platform fees")
for x, (m, row) in enumerate(by_month.iterrows()):
    ax.annotate(f"{row.margin_pct:.1f}%", (x, row.billable_revenue), ha="center", va="bottom")
ax.set_ylabel(currency)
ax.set_title(f"{ORG}: revenue against media cost and fees by month (gross margin %)")
ax.legend()
save_figure(fig, PLOTS, f"margin_monthly_{ORG}")

# %%
latest = lines[lines.month == lines.month.max()].sort_values("gross_margin")
fig, ax = plt.subplots(figsize=(8, 0.4 * len(latest) + 1))
names = (latest.booking_line_id.where(latest.is_booked, "unbooked " + latest.platform)
         + " " + latest.opportunity_name.fillna(""))
# By position, so two rows with the same label (unbooked delivery of two campaigns) stay two bars.
ax.barh(range(len(latest)), latest.gross_margin.astype(float),
        color=["#27ae60" if m >= 0 else "#c0392b" for m in latest.gross_margin.astype(float)])
ax.set_yticks(range(len(latest)), names.str.slice(0, 50))
assert len(ax.patches) == len(latest), "one bar per booking line of the month"
ax.set_xlabel(f"gross margin, {currency}")
ax.set_title(f"{ORG}: gross margin by booking line, {latest.month.max():%Y-%m}")
save_figure(fig, PLOTS, f"margin_lines_{ORG}")

# %%
record_figures(FIGURES, {
    "months": len(by_month),
    "booking_lines": int(lines.booking_line_id.nunique()),
    "billable_revenue": round(float(by_month.billable_revenue.sum()), 6),
    "media_cost": round(float(by_month.media_cost.sum()), 6),
    "fees": round(float(by_month.fees.sum()), 6),
    "gross_margin": round(float(by_month.gross_margin.sum()), 6),
})
