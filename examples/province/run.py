#!/usr/bin/env python3
"""The provincial figures from the offices' Parquet exports, in DuckDB.

Usage: run.py DIR PERIOD [--json | --csv OUT]

DIR     the folder the offices exported into (`plaint export --format
        parquet --out DIR`), holding office=CODE/year=YYYY/*.parquet
PERIOD  as `plaint report` takes it: 2026-Q3, 2026-07, 2026, or
        2026-07-01..2026-09-30 (days of receipt, inclusive)
--json  every table as one JSON document {"quarter": [...], ...}
--csv   every table as OUT/<name>.csv

Without an option, prints the tables. Needs the `duckdb` Python package
(pip install duckdb); the SQL files beside this script work as they are
in the DuckDB shell too, after SET VARIABLE parquet/period_start/period_end.
"""
import calendar
import datetime
import json
import os
import sys

import duckdb

# DuckDB 1.4.2 can split one group in two when it aggregates
# on several threads, so counts come out wrong; 1.4.4 is what the tests run.
OLDEST = (1, 4, 4)
HERE = os.path.dirname(os.path.abspath(__file__))
# Each figure, in the order a report prints them.
FIGURES = ["quarter", "on_time", "by_category", "by_month", "by_channel",
           "rejected_by_reason", "resolved_by_outcome", "satisfaction"]


def period(text):
    """The first and last day of a period, as `plaint report` reads it."""
    text = text.strip()
    if ".." in text:
        a, b = text.split("..", 1)
        return datetime.date.fromisoformat(a), datetime.date.fromisoformat(b)
    if "Q" in text.upper():
        year, q = text.upper().split("Q", 1)
        year, q = int(year.rstrip("-")), int(q)
        if not 1 <= q <= 4:
            sys.exit(f"{text}: the quarter is 1 to 4")
        first, last = q * 3 - 2, q * 3
    elif "-" in text:
        year, month = (int(p) for p in text.split("-", 1))
        first = last = month
    else:
        year, first, last = int(text), 1, 12
    end = calendar.monthrange(year, last)[1]
    return datetime.date(year, first, 1), datetime.date(year, last, end)


def figures(con):
    """Each figure's rows as a list of dicts."""
    out = {}
    for name in FIGURES:
        with open(os.path.join(HERE, name + ".sql"), encoding="utf-8") as f:
            rel = con.sql(f.read())
        columns = rel.columns
        out[name] = [dict(zip(columns, row)) for row in rel.fetchall()]
    return out


def connect(folder, start, end):
    con = duckdb.connect()
    con.execute("SET VARIABLE parquet = ?", [folder])
    con.execute("SET VARIABLE period_start = ?::DATE", [start.isoformat()])
    con.execute("SET VARIABLE period_end = ?::DATE", [end.isoformat()])
    with open(os.path.join(HERE, "load.sql"), encoding="utf-8") as f:
        con.execute(f.read())
    return con


def plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if hasattr(value, "__int__") and not isinstance(value, (int, float, bool)):
        return int(value)
    return value


def main():
    args = sys.argv[1:]
    if len(args) < 2 or args[0] in ("-h", "--help"):
        sys.exit(__doc__)
    version = tuple(int(p) for p in duckdb.__version__.split(".")[:3] if p.isdigit())
    if version < OLDEST:
        sys.exit(f"duckdb {duckdb.__version__} is too old: pip install 'duckdb>=1.4.4' "
                 "(1.4.2 miscounts groups aggregated on several threads)")
    folder, (start, end) = args[0], period(args[1])
    if not os.path.isdir(folder):
        sys.exit(f"{folder}: no such folder")
    con = connect(folder, start, end)
    if "--json" in args:
        result = {k: [{c: plain(v) for c, v in row.items()} for row in rows]
                  for k, rows in figures(con).items()}
        result["period"] = {"start": start.isoformat(), "end": end.isoformat()}
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif "--csv" in args:
        out = args[args.index("--csv") + 1]
        os.makedirs(out, exist_ok=True)
        for name in FIGURES:
            with open(os.path.join(HERE, name + ".sql"), encoding="utf-8") as f:
                con.sql(f.read()).write_csv(os.path.join(out, name + ".csv"))
        print(f"wrote {len(FIGURES)} tables into {out}")
    else:
        print(f"period {start} .. {end}")
        for name in FIGURES:
            with open(os.path.join(HERE, name + ".sql"), encoding="utf-8") as f:
                print(f"\n== {name}")
                con.sql(f.read()).show(max_width=200, max_rows=200)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # `run.py ... | head`
        sys.stderr.close()
