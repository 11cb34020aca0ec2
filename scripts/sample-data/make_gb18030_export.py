#!/usr/bin/env python3
"""Writes sample-data/gb18030-shop/: the sample shop as a Chinese ERP / Excel exports it.

Reads sample-data/{orders,interactions,customers}.csv (written by make_sample_data.py) and writes the
same information as

    订单导出-20261121.csv   the first half of the order rows (by position)  \\  the job reads the glob
    订单导出-20261122.csv   the rest                                         /  订单导出-*.csv in name order
    互动记录.csv             interactions
    客户资料.csv             customers
    job.yml                  extends ../sample-shop.yml and maps the file names (encoding stays auto)

How the export differs from the UTF-8 files (the job must give the same customers_scored.csv and
revisit tasks for both; expected_rfm.py checks that):
  - GB18030 without a BOM (so it is not valid UTF-8 and "auto" must pick GB18030), CRLF line ends;
  - Chinese headers, aliases from jobs/nightly.yml; orders and customers have their columns in
    another order than the UTF-8 files;
  - every valid date is rewritten in another accepted format (2026/11/3 14:05:09, 20261103,
    2026年11月3日, 2026年11月3日 14:05:09, ...), same date, and same time to the second when it had a
    time (a date stays a date);
  - every valid non-negative amount of a CNY order is written with thousands separators and a
    currency symbol (¥1,299.00, ￥35, 88.125元, RMB 4,471.90, 1,299.00);
  - every bad value keeps its text, so its row stays bad for the same reason; a row with the wrong
    number of fields keeps its values (an unquoted comma stays unquoted); negative amounts and the
    amounts of other currencies keep their text; ids, statuses, currencies, channels, opt-out
    values and other text are unchanged;
  - a blank line stays a blank line, a quoted line break stays a line feed inside quotes (as Excel
    writes it), so every record keeps its physical line numbers (orders: within its file).

Deterministic (no randomness, no clock). Standard library only.

Usage: python3 scripts/sample-data/make_gb18030_export.py [--input DIR] [--output DIR]
"""

import argparse
import csv
import io
import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_INPUT = ROOT / "sample-data"
DEFAULT_OUTPUT = DEFAULT_INPUT / "gb18030-shop"

ORDER_FILES = ["订单导出-20261121.csv", "订单导出-20261122.csv"]
ORDER_GLOB = "订单导出-*.csv"
INTERACTIONS_FILE = "互动记录.csv"
CUSTOMERS_FILE = "客户资料.csv"

JOB_YML = """\
# The sample shop as a Chinese ERP exports it: GB18030, Chinese headers, orders split by day.
extends: ../sample-shop.yml
inputs:
  orders:
    file: 订单导出-*.csv
  interactions:
    file: 互动记录.csv
  customers:
    file: 客户资料.csv
"""

# Per input: the export's columns in their order, as (source field, Chinese header); which fields
# hold dates; and where a row with too many fields has its unquoted comma (the spill column).
LAYOUTS = {
    "orders": {
        "columns": [("order_id", "订单号"), ("order_date", "下单时间"), ("customer_id", "客户编号"),
                    ("amount", "金额"), ("currency", "币种"), ("status", "订单状态")],
        "dates": ["order_date"],
        "spill": "amount",
    },
    "interactions": {  # same order as interactions.csv
        "columns": [("interaction_id", "互动编号"), ("customer_id", "客户编号"), ("occurred_at", "发生时间"),
                    ("channel", "渠道"), ("direction", "方向"), ("satisfaction", "满意度"), ("topic", "主题")],
        "dates": ["occurred_at"],
        "spill": None,
    },
    "customers": {
        "columns": [("customer_id", "客户编号"), ("name", "客户名称"), ("owner", "负责人"), ("region", "地区"),
                    ("industry", "行业"), ("company", "公司"), ("phone", "电话"), ("email", "邮箱"),
                    ("preferred_channel", "偏好渠道"), ("opt_out", "拒绝联系"), ("created_at", "创建时间")],
        "dates": ["created_at"],
        "spill": "name",
    },
}

# The formats of the UTF-8 sample (make_sample_data.py). A value that none of them reads is bad and
# keeps its text.
SOURCE_DATE_FORMATS = [  # (strptime format, has a time, has seconds)
    ("%Y-%m-%d", False, False), ("%Y-%m-%d %H:%M:%S", True, True), ("%Y-%m-%d %H:%M", True, False),
    ("%Y-%m-%dT%H:%M:%S", True, True), ("%Y/%m/%d", False, False), ("%Y/%m/%d %H:%M:%S", True, True),
    ("%Y/%m/%d %H:%M", True, False),
]
SOURCE_DATE_SHAPES = {  # strict shapes, so strptime's leniency (1-digit months) does not matter
    "%Y-%m-%d": r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d %H:%M:%S": r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}",
    "%Y-%m-%d %H:%M": r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "%Y-%m-%dT%H:%M:%S": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}",
    "%Y/%m/%d": r"\d{4}/\d{2}/\d{2}", "%Y/%m/%d %H:%M:%S": r"\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}",
    "%Y/%m/%d %H:%M": r"\d{4}/\d{2}/\d{2} \d{2}:\d{2}",
}


# Export formats, used in turn (nightly.yml: yyyy/M/d, yyyyMMdd, yyyy年M月d日, yyyy/M/d H:mm:ss,
# yyyy年M月d日 H:mm:ss, yyyy/M/d H:mm, yyyy年M月d日 H:mm). Month, day and hour are not zero-padded.
def date_only_formats(d):
    return [f"{d.year}/{d.month}/{d.day}", f"{d:%Y%m%d}", f"{d.year}年{d.month}月{d.day}日"]


def with_seconds_formats(t):
    return [f"{t.year}/{t.month}/{t.day} {t.hour}:{t:%M:%S}", f"{t.year}年{t.month}月{t.day}日 {t.hour}:{t:%M:%S}"]


def without_seconds_formats(t):
    return [f"{t.year}/{t.month}/{t.day} {t.hour}:{t:%M}", f"{t.year}年{t.month}月{t.day}日 {t.hour}:{t:%M}"]


AMOUNT_STYLES = ["¥{}", "¥{}", "￥{}", "¥{}", "{}元", "¥{}", "RMB {}", "¥{}", "{}"]
PLAIN_AMOUNT = re.compile(r"-?[0-9]+(\.[0-9]+)?")


class Rewriter:
    """Rewrites valid values in turn through the export formats; counts what it did."""

    def __init__(self):
        self.turn = {"date": 0, "timed": 0, "minutes": 0, "amount": 0}
        self.used = {}

    def next(self, kind, choices):
        value = choices[self.turn[kind] % len(choices)]
        self.turn[kind] += 1
        return value

    def date(self, text):
        """The same date (and time) in another accepted format; a bad value unchanged."""
        for fmt, has_time, has_seconds in SOURCE_DATE_FORMATS:
            if not re.fullmatch(SOURCE_DATE_SHAPES[fmt], text):
                continue
            try:
                value = datetime.strptime(text, fmt)
            except ValueError:
                return text                                   # e.g. 2026-02-30: stays bad
            if not has_time:
                out = self.next("date", date_only_formats(value))
            elif has_seconds:
                out = self.next("timed", with_seconds_formats(value))
            else:
                out = self.next("minutes", without_seconds_formats(value))
            self.used[fmt] = self.used.get(fmt, 0) + 1
            return out
        return text

    def amount(self, text, currency):
        """A valid non-negative CNY amount with thousands separators and a currency symbol."""
        plain = text.strip()
        if plain.startswith("¥"):
            plain = plain[1:].strip()
        plain = plain.replace(",", "")
        if not PLAIN_AMOUNT.fullmatch(plain) or plain.startswith("-"):
            return text            # bad (12.3.4), or negative: the sign and a symbol do not mix well
        if currency.strip().upper() not in ("", "CNY"):
            return text            # another currency (USD): a yuan sign would be a lie
        whole, _, fraction = plain.partition(".")
        grouped = f"{int(whole):,}" + ("." + fraction if fraction else "")
        return self.next("amount", AMOUNT_STYLES).format(grouped)


# ---------------------------------------------------------------------------------------------

def read_records(path):
    """(header, records) of a UTF-8 sample file; a record is its fields, or None for a blank line."""
    text = path.read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    records = []
    for fields in reader:
        records.append(fields if fields else None)
    return records[0], records[1:]


def csv_field(value):
    if any(ch in value for ch in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def export_rows(kind, header, records, rewriter):
    """The export's lines (without line ends) for the records of one input."""
    layout = LAYOUTS[kind]
    index = {name.strip(): i for i, name in enumerate(header)}
    lines = []
    for fields in records:
        if fields is None:
            lines.append("")                                  # a blank line stays a blank line
            continue
        values = {name: fields[i] if i < len(fields) else None for name, i in index.items()}
        spill = None
        if len(fields) != len(header):
            # wrong number of fields: keep every value as it is, in the export's column order
            if len(fields) > len(header):
                if layout["spill"] is None:
                    raise SystemExit(f"{kind}: no spill column for a row with too many fields: {fields}")
                start = index[layout["spill"]]
                extra = len(fields) - len(header)
                merged = fields[:start] + [",".join(fields[start:start + extra + 1])] + fields[start + extra + 1:]
                values = {name: merged[i] for name, i in index.items()}
                spill = layout["spill"]
            elif [name for name, _ in layout["columns"]] != [name.strip() for name in header]:
                raise SystemExit(f"{kind}: cannot reorder a row with too few fields: {fields}")
            out = []
            for name, _ in layout["columns"]:
                if values.get(name) is None:
                    continue                                  # a missing field stays missing
                out.append(values[name] if name == spill else csv_field(values[name]))
            lines.append(",".join(out))
            continue
        for name in layout["dates"]:
            values[name] = rewriter.date(values[name])
        if kind == "orders":
            values["amount"] = rewriter.amount(values["amount"], values["currency"])
        lines.append(",".join(csv_field(values[name]) for name, _ in layout["columns"]))
    return lines


def chinese_header(kind):
    return ",".join(chinese for _, chinese in LAYOUTS[kind]["columns"])


# Characters whose GB18030 bytes changed between GB18030-2005 (Python) and GB18030-2022 (Java 21+).
def changed_in_gb18030_2022(ch):
    cp = ord(ch)
    return 0xE000 <= cp <= 0xF8FF or 0xFE10 <= cp <= 0xFE19 or 0x9FB4 <= cp <= 0x9FBB


def write_gb18030(path, lines):
    text = "\r\n".join(lines) + "\r\n"
    data = text.encode("gb18030", errors="strict")           # every character must encode
    if data.decode("gb18030") != text:
        raise SystemExit(f"{path.name}: GB18030 round trip changed the text")
    odd = sorted({ch for ch in text if changed_in_gb18030_2022(ch)})
    if odd:
        raise SystemExit(f"{path.name}: characters that GB18030-2005 and -2022 encode differently: {odd}")
    try:
        data.decode("utf-8")
        raise SystemExit(f"{path.name}: is valid UTF-8, so encoding auto would not pick GB18030")
    except UnicodeDecodeError:
        pass
    if data.startswith(b"\xef\xbb\xbf"):
        raise SystemExit(f"{path.name}: starts with a BOM")
    path.write_bytes(data)
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)
    for old in args.output.glob(ORDER_GLOB):
        old.unlink()                                          # no stale day file in the glob
    rewriter = Rewriter()

    header, records = read_records(args.input / "orders.csv")
    lines = export_rows("orders", header, records, rewriter)
    half = len(lines) // 2                                    # split by position: first-row-wins holds
    for name, part in zip(ORDER_FILES, [lines[:half], lines[half:]]):
        write_gb18030(args.output / name, [chinese_header("orders")] + part)
        print(f"wrote {name}: {len(part)} lines after the header")

    for kind, name in [("interactions", INTERACTIONS_FILE), ("customers", CUSTOMERS_FILE)]:
        header, records = read_records(args.input / f"{kind}.csv")
        lines = export_rows(kind, header, records, rewriter)
        write_gb18030(args.output / name, [chinese_header(kind)] + lines)
        print(f"wrote {name}: {len(lines)} lines after the header")

    (args.output / "job.yml").write_text(JOB_YML, encoding="utf-8", newline="\n")
    print("wrote job.yml")
    print("dates rewritten, by source format: " + ", ".join(f"{k}={v}" for k, v in rewriter.used.items())
          + f"; amounts rewritten: {rewriter.turn['amount']}")


if __name__ == "__main__":
    main()
