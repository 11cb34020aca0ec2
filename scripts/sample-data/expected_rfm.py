#!/usr/bin/env python3
"""Independent reading of SPEC.md: computes the expected job output for the sample shop.

Reads sample-data/{orders,interactions,customers}.csv and writes, under
src/test/resources/expected/sample-2026-11-22/:
  customers_scored.csv     one row per customer, ordered by customer_id
  revisit_tasks.csv        the revisit tasks (回访任务) scheduled within the horizon
  revisit_unscheduled.csv  tasks that found no free day within the horizon (header only if none)
  rejects.json             every rejected row per input file: [line, reason], sorted by line
  counts.json              row counts per input file, counts per segment/stage/tier/reason, revisit counts

This is the test oracle for the Java job, so it is written to be read next to SPEC.md:
plain Python 3.11 standard library, no cleverness. It does not look at the Java code.

Job settings used (the defaults of SPEC plus the decisions for the sample run):
as-of date 2026-11-22, no monetary window, currency CNY without a rate table,
counted statuses PAID/COMPLETED, known uncounted REFUNDED/CANCELLED/PENDING.
Revisit tasks: the rules of jobs/nightly.yml (SPEC's defaults), cooldown 7 days, horizon 30 days,
and the capacities of sample-data/sample-shop.yml: 2 tasks per owner per day, 李娜 1.

Then, when sample-data/gb18030-shop/ exists (make_gb18030_export.py), it reads that export too
(GB18030, Chinese headers, orders split over 订单导出-*.csv), checks that it gives exactly the same
customers_scored.csv, revisit_tasks.csv and revisit_unscheduled.csv and the same rejects (only file
names and line numbers differ), writes those rejects to gb18030-rejects.json and prints the result;
it exits 1 when the export does not match.

Reading rules (jobs/nightly.yml): header names are matched trimmed and case-insensitively, by the
field's own name or one of the aliases below; encoding "auto" is UTF-8 when the file starts with a
UTF-8 BOM or is valid UTF-8, else GB18030; the date formats of nightly.yml are tried in order;
amounts may carry thousands separators and currency symbols; ids longer than 64 characters or with
control characters are bad rows (BAD_ID).

Usage: python3 scripts/sample-data/expected_rfm.py [--input DIR] [--output DIR]
           [--orders NAME_OR_GLOB] [--interactions NAME] [--customers NAME] [--encoding auto|utf-8|gb18030]
           [--no-export]
"""

import argparse
import csv
import hashlib
import io
import json
import re
import sys
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_INPUT = ROOT / "sample-data"
DEFAULT_OUTPUT = ROOT / "src" / "test" / "resources" / "expected" / "sample-2026-11-22"

# The files of one input folder: file name (or glob, read in name order) per input, and the encoding.
UTF8_SAMPLE_FILES = {"orders": "orders.csv", "interactions": "interactions.csv", "customers": "customers.csv"}
# sample-data/gb18030-shop/job.yml maps these names; its encoding is nightly.yml's "auto".
GB18030_EXPORT_DIR = DEFAULT_INPUT / "gb18030-shop"
GB18030_EXPORT_FILES = {"orders": "订单导出-*.csv", "interactions": "互动记录.csv", "customers": "客户资料.csv"}
GB18030_REJECTS_FILE = "gb18030-rejects.json"

AS_OF = date(2026, 11, 22)
JOB_CURRENCY = "CNY"
COUNTED_STATUSES = {"PAID", "COMPLETED"}
UNCOUNTED_STATUSES = {"REFUNDED", "CANCELLED", "PENDING"}

# Lifecycle / churn thresholds (SPEC defaults).
CHURNED_AFTER_DAYS = 365
DORMANT_AFTER_DAYS = 90
NEW_MAX_TENURE_DAYS = 60
LOYAL_MIN_FREQUENCY = 5
LOYAL_MIN_TENURE_DAYS = 180
UNHAPPY_MAX_SATISFACTION = 2
HIGH_INTERACTIONS = 6

# Accepted date formats of jobs/nightly.yml, tried in this order (first one that reads the text wins).
# Strict and ASCII digits only: yyyy is 4 digits; MM, dd, HH, mm, ss exactly 2; M, d, H 1 or 2.
# The calendar is checked (2026-02-30 is not a date); the date part of the text is the date.
DATE_FORMATS = [
    "yyyy-MM-dd",
    "yyyy-MM-dd HH:mm:ss",
    "yyyy-MM-dd HH:mm",
    "yyyy-MM-ddTHH:mm:ss",
    "yyyy/MM/dd",
    "yyyy/MM/dd HH:mm:ss",
    "yyyy/MM/dd HH:mm",
    "yyyy/M/d",
    "yyyy/M/d H:mm",
    "yyyy/M/d H:mm:ss",
    "yyyyMMdd",
    "yyyy年M月d日",
    "yyyy年M月d日 H:mm",
    "yyyy年M月d日 H:mm:ss",
]
DATE_FIELDS = {  # pattern letters -> (group name, regex)
    "yyyy": ("year", "[0-9]{4}"), "MM": ("month", "[0-9]{2}"), "M": ("month", "[0-9]{1,2}"),
    "dd": ("day", "[0-9]{2}"), "d": ("day", "[0-9]{1,2}"), "HH": ("hour", "[0-9]{2}"),
    "H": ("hour", "[0-9]{1,2}"), "mm": ("minute", "[0-9]{2}"), "ss": ("second", "[0-9]{2}"),
}


def date_regex(pattern):
    """The strict regular expression of one date pattern (letters as in DATE_FIELDS, the rest literal)."""
    parts = []
    for token in re.findall(r"yyyy|MM|M|dd|d|HH|H|mm|ss|.", pattern):
        if token in DATE_FIELDS:
            name, regex = DATE_FIELDS[token]
            parts.append(f"(?P<{name}>{regex})")
        else:
            parts.append(re.escape(token))
    return re.compile("".join(parts), re.ASCII)


DATE_REGEXES = [date_regex(pattern) for pattern in DATE_FORMATS]

# Amounts (nightly.yml amount-format): after trimming, currency symbols at the start or end (with the
# spaces next to them) and every thousands separator are dropped; the decimal separator is ".".
# What is left must be a plain decimal: optional sign, at least one digit, at most one ".".
CURRENCY_SYMBOLS = ["RMB", "CNY", "¥", "￥", "元"]
THOUSANDS_SEPARATOR = ","
AMOUNT_PATTERN = r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)"  # ASCII digits only

# Ids (nightly.yml max-id-length): longer than this, or with a control character, is BAD_ID.
MAX_ID_LENGTH = 64

# Header names each field may have besides its own (nightly.yml inputs.*.columns), matched trimmed
# and case-insensitively. Required fields: a file without one of them stops the oracle.
COLUMN_ALIASES = {
    "orders": {
        "order_id": ["订单号", "订单编号", "订单ID", "order_no", "order_number"],
        "customer_id": ["客户编号", "客户ID", "客户号", "会员号", "会员ID", "customer_no"],
        "order_date": ["下单时间", "下单日期", "订单日期", "订单时间", "付款时间", "order_time", "date"],
        "amount": ["金额", "订单金额", "实付金额", "支付金额", "实收金额", "total", "amount_paid"],
        "currency": ["币种", "货币"],
        "status": ["订单状态", "状态", "order_status"],
    },
    "interactions": {
        "interaction_id": ["互动编号", "记录编号", "互动ID", "记录ID", "id"],
        "customer_id": ["客户编号", "客户ID", "客户号", "会员号", "会员ID", "customer_no"],
        "occurred_at": ["发生时间", "互动时间", "联系时间", "时间", "time"],
        "channel": ["渠道", "联系方式", "方式"],
        "direction": ["方向", "呼入呼出", "类型"],
        "satisfaction": ["满意度", "评分", "score"],
        "topic": ["主题", "内容", "话题", "需求"],
    },
    "customers": {
        "customer_id": ["客户编号", "客户ID", "客户号", "会员号", "会员ID", "customer_no"],
        "name": ["客户名称", "姓名", "客户姓名", "名称"],
        "phone": ["电话", "手机", "手机号", "联系电话"],
        "email": ["邮箱", "电子邮件", "电子邮箱"],
        "company": ["公司", "公司名称", "单位"],
        "industry": ["行业", "所属行业"],
        "region": ["地区", "区域", "所在地区"],
        "owner": ["负责人", "客户经理", "销售", "跟进人"],
        "preferred_channel": ["偏好渠道", "首选联系方式"],
        "opt_out": ["拒绝联系", "退订", "免打扰"],
        "created_at": ["创建时间", "建档日期", "注册时间"],
    },
}
REQUIRED_FIELDS = {
    "orders": ["order_id", "customer_id", "order_date", "amount"],
    "interactions": ["interaction_id", "customer_id", "occurred_at", "channel", "direction"],
    "customers": ["customer_id"],
}
SATISFACTION_PATTERN = r"[+-]?[0-9]+"

OPT_OUT_TRUE = {"true", "1", "yes", "y", "是"}
OPT_OUT_FALSE = {"false", "0", "no", "n", "否", ""}

# need_category: a topic maps to the FIRST category (in this order) one of whose keywords
# it contains, case-insensitively.
NEED_CATEGORIES = [
    ("PRODUCT", ["产品", "新品", "功能", "试用", "product", "demo"]),
    ("SERVICE", ["售后", "维修", "退换", "投诉", "服务", "service", "repair", "complaint"]),
    ("INFO", ["资讯", "活动", "展会", "新闻", "news", "event", "newsletter"]),
    ("PRICE", ["价格", "报价", "折扣", "优惠", "促销", "price", "quote", "discount", "coupon"]),
]

# SPEC's default segment table; first match wins. FM = (f_score + m_score) / 2.
# Each rule: (segment, lowest r_score, highest r_score, FM test).
SEGMENT_TABLE = [
    ("CHAMPIONS", 5, 5, "high"),
    ("LOYAL", 3, 4, "high"),
    ("CANT_LOSE", 1, 2, "high"),
    ("POTENTIAL_LOYALIST", 4, 5, "middle"),
    ("AT_RISK", 1, 2, "middle"),
    ("NEED_ATTENTION", 3, 3, "middle"),
    ("NEW_CUSTOMERS", 5, 5, "low"),
    ("PROMISING", 4, 4, "low"),
    ("ABOUT_TO_SLEEP", 3, 3, "low"),
    ("HIBERNATING", 2, 2, "low"),
    ("LOST", 1, 1, "low"),
]
PROSPECT = "PROSPECT"
LIFECYCLE_STAGES = ["POTENTIAL", "CHURNED", "DORMANT", "NEW", "LOYAL", "ACTIVE"]
VALUE_TIERS = ["A", "B", "C", "D"]
CHURN_REASONS = ["OVERDUE", "DECLINING", "UNHAPPY"]

OUTPUT_COLUMNS = [
    "customer_id", "name", "owner", "recency_days", "frequency", "monetary",
    "first_order_date", "last_order_date", "r_score", "f_score", "m_score", "rfm_code",
    "segment", "value_tier", "lifecycle_stage", "dormant", "churn_risk", "churn_risk_reasons",
    "interaction_tier", "interactions_90d", "last_contact_date",
    # the sample's expectation is a first run: no previous night, everyone entered its segment tonight
    "previous_segment", "previous_lifecycle_stage", "segment_since",
    "tenure_days", "purchase_days",
    "last_satisfaction", "last_survey_date", "need_category", "region", "industry",
]


# ---------------------------------------------------------------------------------------------
# Reading CSV files
# ---------------------------------------------------------------------------------------------

def decode(path, encoding):
    """The text of a file. "auto": UTF-8 when it starts with a UTF-8 BOM or is valid UTF-8, else GB18030."""
    data = Path(path).read_bytes()
    if encoding.lower() in ("auto", "utf-8", "utf8") and data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "UTF-8 (BOM)"
    if encoding.lower() == "auto":
        try:
            return data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            return data.decode("gb18030"), "GB18030"
    return data.decode(encoding), encoding.upper()


class Header:
    """Which column holds which field: the field's own name, else its aliases in order."""

    def __init__(self, names, aliases):
        self.names = names
        by_name = {}
        for index, name in enumerate(names):
            by_name.setdefault(name.strip().lower(), index)   # the first column of a name
        self.columns = {}
        for name, others in aliases.items():
            for candidate in [name] + others:
                if candidate.lower() in by_name:
                    self.columns[name] = by_name[candidate.lower()]
                    break

    def __len__(self):
        return len(self.names)


def read_csv(path, kind, encoding):
    """Returns (header, rows, encoding used) where rows are (line_number, fields).

    Line numbers are physical lines with the header on line 1; a record containing a quoted
    newline is reported at the line where it starts. Blank lines are skipped (not rows).
    """
    text, used = decode(path, encoding)
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""))
    lines_consumed = 0
    for fields in reader:
        start_line = lines_consumed + 1
        lines_consumed = reader.line_num
        if not fields:
            continue  # blank line
        rows.append((start_line, fields))
    header = Header(rows[0][1], COLUMN_ALIASES[kind])
    missing = [name for name in REQUIRED_FIELDS[kind] if name not in header.columns]
    if missing:
        raise SystemExit(f"{path}: no column for {missing} in header {rows[0][1]}")
    return header, rows[1:], used


def field(header, fields, name):
    """The value of a column as written, or "" when the file has no such (optional) column."""
    if name not in header.columns:
        return ""
    return fields[header.columns[name]]


def text_field(header, fields, name):
    """A text for people (name, owner, topic, ...): as written, control characters replaced by a space."""
    return "".join(" " if is_control(ch) else ch for ch in field(header, fields, name))


def is_control(ch):
    return ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F


def id_problem(*ids):
    """MISSING_ID when an id is empty, else BAD_ID when one is too long or has a control character."""
    if any(value == "" for value in ids):
        return "MISSING_ID"
    if any(len(value) > MAX_ID_LENGTH or any(is_control(ch) for ch in value) for value in ids):
        return "BAD_ID"
    return None


def rows_of(paths, kind, encoding, counts, rejects, new_counts):
    """(file name, header, line, fields) of every row of the files in order. Sets up counts[file name]
    (a copy of new_counts) and rejects[file name] (a list) for each file."""
    for path in paths:
        header, rows, _ = read_csv(path, kind, encoding)
        counts[path.name] = dict(new_counts)
        rejects[path.name] = []
        for line, fields in rows:
            counts[path.name]["rows_read"] += 1
            yield path.name, header, line, fields


def parse_date_time(text):
    """A datetime for an accepted date or date-time text, else None. A date means 00:00."""
    text = text.strip()
    for regex in DATE_REGEXES:
        match = regex.fullmatch(text)
        if match is None:
            continue
        parts = match.groupdict()
        try:
            return datetime(int(parts["year"]), int(parts["month"]), int(parts["day"]),
                            int(parts.get("hour") or 0), int(parts.get("minute") or 0),
                            int(parts.get("second") or 0))
        except ValueError:
            continue  # not a calendar date or time: try the next format
    return None


def parse_amount(text):
    """The amount, or None. ¥1,299.00, 1,299.00, RMB 35 and 35元 are amounts; abc, 1.2.3, 12,50 and ¥ are not."""
    text = text.strip()
    stripped = True
    while stripped:
        stripped = False
        for symbol in CURRENCY_SYMBOLS:
            if text.startswith(symbol):
                text, stripped = text[len(symbol):].strip(), True
            elif text.endswith(symbol):
                text, stripped = text[:-len(symbol)].strip(), True
    if THOUSANDS_SEPARATOR in text:
        # only real groups of three digits: "12,50" is not 1250
        whole = text.split(".")[0]
        if not re.fullmatch(r"[+-]?[0-9]{1,3}(" + re.escape(THOUSANDS_SEPARATOR) + r"[0-9]{3})+", whole):
            return None
        text = text.replace(THOUSANDS_SEPARATOR, "")
    if re.fullmatch(AMOUNT_PATTERN, text):
        return Decimal(text)
    return None


def format_money(amount):
    return str(amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def format_date(d):
    return d.isoformat() if d is not None else ""


# ---------------------------------------------------------------------------------------------
# orders.csv
# ---------------------------------------------------------------------------------------------

def order_problem(header, fields):
    """The reject reason of a bad order row (checks in the decided order), else None."""
    if len(fields) != len(header):
        return "COLUMN_COUNT"
    problem = id_problem(field(header, fields, "order_id").strip(), field(header, fields, "customer_id").strip())
    if problem is not None:
        return problem
    if parse_date_time(field(header, fields, "order_date")) is None:
        return "BAD_DATE"
    amount = parse_amount(field(header, fields, "amount"))
    if amount is None:
        return "BAD_AMOUNT"
    status = order_status(header, fields)
    if status not in COUNTED_STATUSES and status not in UNCOUNTED_STATUSES:
        return "UNKNOWN_STATUS"
    currency = field(header, fields, "currency").strip().upper()
    if currency not in ("", JOB_CURRENCY):
        return "UNKNOWN_CURRENCY"
    if status in COUNTED_STATUSES and amount < 0:
        return "NEGATIVE_AMOUNT"
    return None


def order_status(header, fields):
    status = field(header, fields, "status").strip().upper()
    return status if status != "" else "PAID"


def read_orders(paths, encoding):
    """Reads the orders files in order (a glob's files in name order): duplicates are found across
    all of them. Counts and rejects per file name."""
    counts, rejects = {}, {}
    new_counts = {"rows_read": 0, "counted": 0, "not_counted_status": 0, "duplicate": 0,
                  "future_dated": 0, "bad": 0}
    counted = []            # (customer_id, order_date, amount) of counted orders
    named_customers = set()  # customer ids named by rows that are not bad rows
    seen_order_ids = set()
    for name, header, line, fields in rows_of(paths, "orders", encoding, counts, rejects, new_counts):
        problem = order_problem(header, fields)
        if problem is not None:
            counts[name]["bad"] += 1
            rejects[name].append([line, problem])
            continue
        order_id = field(header, fields, "order_id").strip()
        customer_id = field(header, fields, "customer_id").strip()
        order_date = parse_date_time(field(header, fields, "order_date")).date()
        named_customers.add(customer_id)
        if order_id in seen_order_ids:
            counts[name]["duplicate"] += 1
            rejects[name].append([line, "DUPLICATE_ORDER"])
            continue
        seen_order_ids.add(order_id)
        if order_date > AS_OF:
            counts[name]["future_dated"] += 1
            rejects[name].append([line, "FUTURE_DATE"])
            continue
        if order_status(header, fields) in COUNTED_STATUSES:
            counts[name]["counted"] += 1
            counted.append((customer_id, order_date, parse_amount(field(header, fields, "amount"))))
        else:
            counts[name]["not_counted_status"] += 1
    return counted, named_customers, counts, rejects


# ---------------------------------------------------------------------------------------------
# interactions.csv
# ---------------------------------------------------------------------------------------------

def interaction_problem(header, fields):
    if len(fields) != len(header):
        return "COLUMN_COUNT"
    problem = id_problem(field(header, fields, "interaction_id").strip(),
                         field(header, fields, "customer_id").strip())
    if problem is not None:
        return problem
    if parse_date_time(field(header, fields, "occurred_at")) is None:
        return "BAD_DATE"
    if field(header, fields, "direction").strip().upper() not in ("IN", "OUT"):
        return "BAD_DIRECTION"
    satisfaction = field(header, fields, "satisfaction").strip()
    if satisfaction != "":
        if not re.fullmatch(SATISFACTION_PATTERN, satisfaction) or not 1 <= int(satisfaction) <= 5:
            return "BAD_SATISFACTION"
    return None


def read_interactions(paths, encoding):
    """Reads the interactions files in order (a glob's files in name order); counts and rejects per file name."""
    counts, rejects = {}, {}
    new_counts = {"rows_read": 0, "used": 0, "after_as_of": 0, "bad": 0}
    used = []  # dicts, in file order, of interactions on or before D
    named_customers = set()
    for name, header, line, fields in rows_of(paths, "interactions", encoding, counts, rejects, new_counts):
        problem = interaction_problem(header, fields)
        if problem is not None:
            counts[name]["bad"] += 1
            rejects[name].append([line, problem])
            continue
        customer_id = field(header, fields, "customer_id").strip()
        occurred_at = parse_date_time(field(header, fields, "occurred_at"))
        named_customers.add(customer_id)
        if occurred_at.date() > AS_OF:
            counts[name]["after_as_of"] += 1  # ignored, not rejected
            continue
        counts[name]["used"] += 1
        satisfaction = field(header, fields, "satisfaction").strip()
        used.append({
            "customer_id": customer_id,
            "occurred_at": occurred_at,
            "date": occurred_at.date(),
            "channel": field(header, fields, "channel").strip().upper(),
            "direction": field(header, fields, "direction").strip().upper(),
            "satisfaction": int(satisfaction) if satisfaction != "" else None,
            "topic": text_field(header, fields, "topic"),
        })
    return used, named_customers, counts, rejects


# ---------------------------------------------------------------------------------------------
# customers.csv
# ---------------------------------------------------------------------------------------------

def customer_problem(header, fields):
    if len(fields) != len(header):
        return "COLUMN_COUNT"
    problem = id_problem(field(header, fields, "customer_id").strip())
    if problem is not None:
        return problem
    opt_out = field(header, fields, "opt_out").strip().lower()
    if opt_out not in OPT_OUT_TRUE and opt_out not in OPT_OUT_FALSE:
        return "BAD_OPT_OUT"
    created_at = field(header, fields, "created_at").strip()
    if created_at != "" and parse_date_time(created_at) is None:
        return "BAD_DATE"
    return None


def read_customers(paths, encoding):
    """Reads the customers files in order (a glob's files in name order); counts and rejects per file name."""
    counts, rejects = {}, {}
    new_counts = {"rows_read": 0, "used": 0, "duplicate": 0, "bad": 0}
    profiles = {}  # customer_id -> profile of the first good row
    rejected_ids = set()  # customer ids named by bad rows
    for name, header, line, fields in rows_of(paths, "customers", encoding, counts, rejects, new_counts):
        problem = customer_problem(header, fields)
        if problem is not None:
            counts[name]["bad"] += 1
            rejects[name].append([line, problem])
            # a bad row still names its customer, if it has the column: without a valid row, its opt-out is
            # unknown, so it must get no revisit task
            index = header.columns.get("customer_id")
            if fields is not None and index is not None and index < len(fields) and fields[index].strip():
                rejected_ids.add(fields[index].strip())
            continue
        customer_id = field(header, fields, "customer_id").strip()
        if customer_id in profiles:
            counts[name]["duplicate"] += 1
            rejects[name].append([line, "DUPLICATE_CUSTOMER"])
            continue
        counts[name]["used"] += 1
        profiles[customer_id] = {
            "name": text_field(header, fields, "name"),
            "owner": text_field(header, fields, "owner"),
            "region": text_field(header, fields, "region"),
            "industry": text_field(header, fields, "industry"),
            "phone": text_field(header, fields, "phone"),
            "email": text_field(header, fields, "email"),
            "preferred_channel": text_field(header, fields, "preferred_channel"),
            "opted_out": field(header, fields, "opt_out").strip().lower() in OPT_OUT_TRUE,
        }
    return profiles, counts, rejects, rejected_ids


EMPTY_PROFILE = {"name": "", "owner": "", "region": "", "industry": "",
                 "phone": "", "email": "", "preferred_channel": "", "opted_out": False}


# ---------------------------------------------------------------------------------------------
# Measures, scores, classification
# ---------------------------------------------------------------------------------------------

def in_last_days(d, days):
    """True when d is in (D-days, D], i.e. D-(days-1) <= d <= D."""
    return AS_OF - timedelta(days=days - 1) <= d <= AS_OF


def order_measures(orders):
    """Measures of one customer's counted orders (all dated on or before D)."""
    dates = [d for d, _ in orders]
    first, last = min(dates), max(dates)
    return {
        "recency_days": (AS_OF - last).days,
        "frequency": len(orders),
        "monetary_exact": sum((amount for _, amount in orders), Decimal("0")),
        "first_order_date": first,
        "last_order_date": last,
        "tenure_days": (AS_OF - first).days,
        "purchase_days": len(set(dates)),
        "orders_last_90": sum(1 for d in dates if in_last_days(d, 90)),
        # (D-180, D-90]: D-179 <= d <= D-90
        "orders_prior_90": sum(1 for d in dates
                               if AS_OF - timedelta(days=179) <= d <= AS_OF - timedelta(days=90)),
    }


def topic_category(topic):
    lowered = topic.lower()
    for category, keywords in NEED_CATEGORIES:
        if any(keyword.lower() in lowered for keyword in keywords):
            return category
    return None


def interaction_measures(interactions):
    """Measures of one customer's interactions dated on or before D, in file order."""
    last_contact = None
    last_inbound = None
    survey = None
    category_counts = {category: 0 for category, _ in NEED_CATEGORIES}
    count_90 = 0
    for item in interactions:
        if in_last_days(item["date"], 90):
            count_90 += 1
        if item["direction"] == "OUT" and (last_contact is None or item["date"] > last_contact):
            last_contact = item["date"]
        if item["direction"] == "IN" and (last_inbound is None or item["date"] > last_inbound):
            last_inbound = item["date"]
        if item["channel"] == "SURVEY" and item["satisfaction"] is not None:
            # latest occurred_at wins; on an exact tie the later row in the file wins (>=)
            if survey is None or item["occurred_at"] >= survey["occurred_at"]:
                survey = item
        if in_last_days(item["date"], 180):
            category = topic_category(item["topic"])
            if category is not None:
                category_counts[category] += 1
    need_category = ""
    best = 0
    for category, _ in NEED_CATEGORIES:  # ties: the earlier category in this order wins
        if category_counts[category] > best:
            need_category, best = category, category_counts[category]
    return {
        "interactions_90d": count_90,
        "last_contact_date": last_contact,
        "last_inbound_date": last_inbound,
        "last_satisfaction": survey["satisfaction"] if survey else None,
        "last_survey_date": survey["date"] if survey else None,
        "need_category": need_category,
    }


def quantile_score(value, values):
    """1 + floor(5 * (count of values < value) / N): equal values get equal scores."""
    below = sum(1 for v in values if v < value)
    return 1 + (5 * below) // len(values)


def recency_score(value, values):
    """Fewer days is better: 1 + floor(5 * (count of recencies > value) / N)."""
    worse = sum(1 for v in values if v > value)
    return 1 + (5 * worse) // len(values)


def fm_matches(test, fm):
    if test == "high":
        return fm >= Decimal("4")
    if test == "middle":
        return Decimal("2.5") <= fm <= Decimal("3.5")
    return fm < Decimal("2.5")


def segment_of(r, f, m):
    fm = Decimal(f + m) / 2
    for segment, r_low, r_high, test in SEGMENT_TABLE:
        if r_low <= r <= r_high and fm_matches(test, fm):
            return segment
    raise ValueError(f"no segment for r={r} f={f} m={m}")


def value_tier_of(total):
    if total >= 13:
        return "A"
    if total >= 10:
        return "B"
    if total >= 7:
        return "C"
    return "D"


def interaction_tier_of(count):
    if count >= HIGH_INTERACTIONS:
        return "HIGH"
    if count >= 1:
        return "LOW"
    return "NONE"


def lifecycle_stage_of(m):
    if m is None:
        return "POTENTIAL"
    if m["recency_days"] > CHURNED_AFTER_DAYS:
        return "CHURNED"
    if m["recency_days"] > DORMANT_AFTER_DAYS:
        return "DORMANT"
    if m["tenure_days"] <= NEW_MAX_TENURE_DAYS:
        return "NEW"
    if m["frequency"] >= LOYAL_MIN_FREQUENCY and m["tenure_days"] >= LOYAL_MIN_TENURE_DAYS:
        return "LOYAL"
    return "ACTIVE"


def churn_reasons_of(stage, m, im):
    if stage not in ("NEW", "ACTIVE", "LOYAL"):
        return []
    reasons = []
    span_days = (m["last_order_date"] - m["first_order_date"]).days
    # exact: recency > 2 * span / (purchase_days - 1)
    if m["purchase_days"] >= 3 and m["recency_days"] * (m["purchase_days"] - 1) > 2 * span_days:
        reasons.append("OVERDUE")
    if m["orders_prior_90"] >= 2 and m["orders_last_90"] * 2 < m["orders_prior_90"]:
        reasons.append("DECLINING")
    if (im["last_satisfaction"] is not None
            and im["last_satisfaction"] <= UNHAPPY_MAX_SATISFACTION
            and in_last_days(im["last_survey_date"], 180)):
        reasons.append("UNHAPPY")
    return reasons


# ---------------------------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------------------------

def input_paths(input_dir, name):
    """The files of one input: a file name, or a glob read in name order. [] when none exists."""
    if any(ch in name for ch in "*?["):
        return sorted(input_dir.glob(name), key=lambda path: path.name)
    path = input_dir / name
    return [path] if path.exists() else []


def compute(input_dir, files=None, encoding="auto"):
    files = files or UTF8_SAMPLE_FILES
    order_paths = input_paths(input_dir, files["orders"])
    if not order_paths:
        raise SystemExit(f"{input_dir}: no orders file {files['orders']}")
    counted, order_customers, order_counts, order_rejects = read_orders(order_paths, encoding)
    interactions, interaction_customers, interaction_counts, interaction_rejects = \
        read_interactions(input_paths(input_dir, files["interactions"]), encoding)
    profiles, customer_counts, customer_rejects, rejected_profile_ids = \
        read_customers(input_paths(input_dir, files["customers"]), encoding)

    customer_ids = sorted(order_customers | interaction_customers | set(profiles))

    orders_by_customer = {}
    for customer_id, order_date, amount in counted:
        orders_by_customer.setdefault(customer_id, []).append((order_date, amount))
    interactions_by_customer = {}
    for item in interactions:
        interactions_by_customer.setdefault(item["customer_id"], []).append(item)

    measures = {cid: order_measures(orders) for cid, orders in orders_by_customer.items()}
    recencies = [m["recency_days"] for m in measures.values()]
    frequencies = [m["frequency"] for m in measures.values()]
    monetaries = [m["monetary_exact"] for m in measures.values()]

    rows = []
    revisit_facts = []  # what the revisit rules look at, one dict per customer (same order as rows)
    for customer_id in customer_ids:
        profile = profiles.get(customer_id, EMPTY_PROFILE)
        m = measures.get(customer_id)
        im = interaction_measures(interactions_by_customer.get(customer_id, []))
        stage = lifecycle_stage_of(m)
        row = {
            "customer_id": customer_id,
            "name": profile["name"],
            "owner": profile["owner"],
            "lifecycle_stage": stage,
            "interaction_tier": interaction_tier_of(im["interactions_90d"]),
            "interactions_90d": str(im["interactions_90d"]),
            "last_contact_date": format_date(im["last_contact_date"]),
            "previous_segment": "", "previous_lifecycle_stage": "", "segment_since": format_date(AS_OF),
            "last_satisfaction": "" if im["last_satisfaction"] is None else str(im["last_satisfaction"]),
            "last_survey_date": format_date(im["last_survey_date"]),
            "need_category": im["need_category"],
            "region": profile["region"],
            "industry": profile["industry"],
        }
        if m is None:  # prospect
            row.update({
                "recency_days": "", "frequency": "0", "monetary": "0.00",
                "first_order_date": "", "last_order_date": "",
                "r_score": "", "f_score": "", "m_score": "", "rfm_code": "",
                "segment": PROSPECT, "value_tier": "", "dormant": "false",
                "churn_risk": "false", "churn_risk_reasons": "",
                "tenure_days": "", "purchase_days": "0",
            })
        else:
            r = recency_score(m["recency_days"], recencies)
            f = quantile_score(m["frequency"], frequencies)
            mo = quantile_score(m["monetary_exact"], monetaries)
            reasons = churn_reasons_of(stage, m, im)
            row.update({
                "recency_days": str(m["recency_days"]),
                "frequency": str(m["frequency"]),
                "monetary": format_money(m["monetary_exact"]),
                "first_order_date": format_date(m["first_order_date"]),
                "last_order_date": format_date(m["last_order_date"]),
                "r_score": str(r), "f_score": str(f), "m_score": str(mo),
                "rfm_code": f"{r}{f}{mo}",
                "segment": segment_of(r, f, mo),
                "value_tier": value_tier_of(r + f + mo),
                "dormant": "true" if stage == "DORMANT" else "false",
                "churn_risk": "true" if reasons else "false",
                "churn_risk_reasons": "|".join(reasons),
                "tenure_days": str(m["tenure_days"]),
                "purchase_days": str(m["purchase_days"]),
            })
        rows.append(row)
        revisit_facts.append({
            "row": row,
            "phone": profile["phone"],
            "email": profile["email"],
            "preferred_channel": profile["preferred_channel"],
            "opted_out": profile["opted_out"],
            "profile_rejected": customer_id not in profiles and customer_id in rejected_profile_ids,
            "stage": stage,
            "churn_risk": row["churn_risk"] == "true",
            "value_tier": row["value_tier"],
            "first_order_date": m["first_order_date"] if m else None,
            "last_contact_date": im["last_contact_date"],
            "last_inbound_date": im["last_inbound_date"],
            "last_satisfaction": im["last_satisfaction"],
            "last_survey_date": im["last_survey_date"],
            "need_category": im["need_category"],
        })

    rejects = {name: sorted(pairs) for part in (order_rejects, interaction_rejects, customer_rejects)
               for name, pairs in part.items()}
    counts = {
        **order_counts,
        **interaction_counts,
        **customer_counts,
        "customers": len(rows),
        "segments": tally(rows, "segment", [s for s, *_ in SEGMENT_TABLE] + [PROSPECT]),
        "lifecycle_stages": tally(rows, "lifecycle_stage", LIFECYCLE_STAGES),
        "value_tiers": tally(rows, "value_tier", VALUE_TIERS),
        "churn_reasons": {reason: sum(1 for row in rows if reason in row["churn_risk_reasons"].split("|"))
                          for reason in CHURN_REASONS},
    }
    tasks, unscheduled = revisit_tasks(revisit_facts)
    counts["revisit"] = {
        "tasks": len(tasks),
        "unscheduled": len(unscheduled),
        "by_reason": {rule[0]: sum(1 for t in tasks if t["reason"] == rule[0]) for rule in REVISIT_RULES},
        "by_owner": {owner: sum(1 for t in tasks if t["owner"] == owner)
                     for owner in sorted({t["owner"] for t in tasks})},
        "by_due_date": {day: sum(1 for t in tasks if t["due_date"] == day)
                        for day in sorted({t["due_date"] for t in tasks})},
    }
    return rows, rejects, counts, tasks, unscheduled


# ---------------------------------------------------------------------------------------------
# Revisit tasks (回访任务)
# ---------------------------------------------------------------------------------------------

# Settings of the sample run: jobs/nightly.yml (SPEC's defaults) extended by sample-data/sample-shop.yml.
COOLDOWN_DAYS = 7
HORIZON_DAYS = 30
UNASSIGNED_OWNER = "未分配"
CAPACITY_PER_DAY = 2                 # sample-shop.yml: per-day 2 ...
CAPACITY_BY_OWNER = {"李娜": 1}      # ... except 李娜

NEED_ACTIONS = {  # need_category -> (zh, en), appended to the rule's action
    "PRODUCT": ("重点介绍新品与产品功能", "focus on new products and features"),
    "SERVICE": ("重点了解售后问题并协助解决", "focus on after-sales issues and help solve them"),
    "INFO": ("重点分享行业资讯与活动信息", "focus on news and upcoming events"),
    "PRICE": ("重点介绍当前优惠与报价", "focus on current offers and prices"),
}


def no_contact_within(c, days):
    """No OUT interaction in (D-days, D]: last_contact_date is empty or on or before D-days."""
    return c["last_contact_date"] is None or c["last_contact_date"] <= AS_OF - timedelta(days=days)


def churn_risk_rule(c):
    return c["stage"] in ("NEW", "ACTIVE", "LOYAL") and c["churn_risk"]


def service_recovery_rule(c):
    return (c["last_satisfaction"] is not None and c["last_satisfaction"] <= 2
            and in_last_days(c["last_survey_date"], 180))


def win_back_rule(c):
    return c["stage"] == "DORMANT" and c["value_tier"] in ("A", "B")


def care_rule(c):
    return (c["stage"] == "LOYAL" or c["value_tier"] == "A") and no_contact_within(c, 30)


def onboarding_rule(c):
    return (c["stage"] == "NEW"
            and c["first_order_date"] <= AS_OF - timedelta(days=7)
            and (c["last_contact_date"] is None or c["last_contact_date"] < c["first_order_date"]))


def reactivate_rule(c):
    return c["stage"] == "DORMANT" and c["value_tier"] in ("C", "D")


def convert_rule(c):
    return (c["stage"] == "POTENTIAL" and c["last_inbound_date"] is not None
            and in_last_days(c["last_inbound_date"], 30))


def lapsed_rule(c):
    return c["stage"] == "CHURNED" and no_contact_within(c, 90)


# The rule table of jobs/nightly.yml, in its order:
# (reason, priority, due = D + days, channels tried in order, test, action zh, action en)
REVISIT_RULES = [
    ("CHURN_RISK", 1, 2, ["PHONE"], churn_risk_rule,
     "电话回访，了解购买减少或不满的原因，提供挽留方案",
     "Call to learn why they buy less or are unhappy; offer a retention plan"),
    ("SERVICE_RECOVERY", 1, 1, ["PHONE"], service_recovery_rule,
     "尽快致电致歉，解决满意度问题",
     "Call promptly, apologise and resolve the satisfaction issue"),
    ("WIN_BACK", 2, 7, ["PREFERRED", "PHONE"], win_back_rule,
     "联系高价值沉睡客户，提供专属回归优惠",
     "Reach out to this valuable dormant customer with a personal come-back offer"),
    ("CARE", 3, 7, ["PREFERRED", "VISIT"], care_rule,
     "例行关怀回访，维护客户关系",
     "Routine care call or visit to keep the relationship warm"),
    ("ONBOARDING", 3, 3, ["PREFERRED", "DM"], onboarding_rule,
     "新客回访，确认首单使用情况与满意度",
     "Welcome follow-up; check how the first order went"),
    ("REACTIVATE", 4, 14, ["EMAIL", "DM"], reactivate_rule,
     "发送唤醒信息与优惠",
     "Send a reactivation message with an offer"),
    ("CONVERT", 4, 3, ["DM"], convert_rule,
     "跟进咨询，促成首单",
     "Follow up the enquiry and aim for the first order"),
    ("LAPSED", 5, 14, ["EMAIL", "DM"], lapsed_rule,
     "发送问候与优惠券，或发问卷了解流失原因",
     "Send a greeting and coupon, or a survey on why they left"),
]

REVISIT_COLUMNS = [
    "task_id", "customer_id", "name", "phone", "email", "owner", "reason", "priority", "due_date",
    "channel", "suggested_action", "suggested_action_en", "lifecycle_stage", "segment", "value_tier",
    "last_order_date", "last_contact_date", "last_satisfaction", "churn_risk_reasons", "need_category",
]


def channel_of(channels, c):
    """The first candidate that applies; the last candidate always applies (fallback)."""
    for index, candidate in enumerate(channels):
        is_last = index == len(channels) - 1
        if candidate == "PREFERRED":
            preferred = c["preferred_channel"].strip().upper()
            if preferred != "":
                return preferred
        elif candidate == "EMAIL":
            if c["email"].strip() != "" or is_last:
                return "EMAIL"
        elif candidate == "PHONE":
            if c["phone"].strip() != "" or is_last:
                return "PHONE"
        else:
            return candidate
    raise ValueError(f"no channel among {channels}")


def task_id_of(customer_id, reason):
    text = f"{AS_OF.isoformat()}|{customer_id}|{reason}"
    return "T" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def revisit_tasks(facts):
    """(scheduled tasks, unscheduled tasks), each a list of dicts with REVISIT_COLUMNS, in file order."""
    # 1. At most one task per customer: the eligible rule with the lowest priority number,
    #    ties by table order. Opted-out customers and those in the cooldown get none.
    candidates = []
    for c in facts:
        if c["opted_out"] or c["profile_rejected"]:
            continue
        if c["last_contact_date"] is not None and in_last_days(c["last_contact_date"], COOLDOWN_DAYS):
            continue
        best = None
        for index, rule in enumerate(REVISIT_RULES):
            priority, test = rule[1], rule[4]
            if test(c) and (best is None or priority < REVISIT_RULES[best][1]):
                best = index
        if best is None:
            continue
        reason, priority, due_days, channels, _, action_zh, action_en = REVISIT_RULES[best]
        row = c["row"]
        if c["need_category"] != "":
            need_zh, need_en = NEED_ACTIONS[c["need_category"]]
            action_zh = action_zh + "；" + need_zh
            action_en = action_en + "; " + need_en
        owner = row["owner"].strip() or UNASSIGNED_OWNER
        candidates.append({
            "rule_index": best,
            "original_due": AS_OF + timedelta(days=due_days),
            "task_id": task_id_of(row["customer_id"], reason),
            "customer_id": row["customer_id"],
            "name": row["name"],
            "phone": c["phone"],
            "email": c["email"],
            "owner": owner,
            "reason": reason,
            "priority": priority,
            "channel": channel_of(channels, c),
            "suggested_action": action_zh,
            "suggested_action_en": action_en,
            "lifecycle_stage": row["lifecycle_stage"],
            "segment": row["segment"],
            "value_tier": row["value_tier"],
            "last_order_date": row["last_order_date"],
            "last_contact_date": row["last_contact_date"],
            "last_satisfaction": row["last_satisfaction"],
            "churn_risk_reasons": row["churn_risk_reasons"],
            "need_category": row["need_category"],
        })

    # 2. Capacity per owner per day: most urgent first, each on the first day on or after its due
    #    date that still has room; nothing goes past D + horizon.
    last_day = AS_OF + timedelta(days=HORIZON_DAYS)
    scheduled, unscheduled = [], []
    for owner in sorted({t["owner"] for t in candidates}):
        capacity = CAPACITY_BY_OWNER.get(owner, CAPACITY_PER_DAY)
        booked = {}  # date -> tasks of this owner on that day
        owner_tasks = [t for t in candidates if t["owner"] == owner]
        owner_tasks.sort(key=lambda t: (t["priority"], t["original_due"], t["rule_index"], t["customer_id"]))
        for task in owner_tasks:
            day = task["original_due"]
            while day <= last_day and booked.get(day, 0) >= capacity:
                day += timedelta(days=1)
            if day <= last_day:
                booked[day] = booked.get(day, 0) + 1
                task["due_date"] = day.isoformat()
                scheduled.append(task)
            else:
                task["due_date"] = task["original_due"].isoformat()
                unscheduled.append(task)

    def file_order(t):
        return (t["due_date"], t["priority"], t["owner"], t["customer_id"])

    return sorted(scheduled, key=file_order), sorted(unscheduled, key=file_order)


def neutralise(value):
    """CSV injection: a leading apostrophe before = + - @ tab CR, except for numbers and phone numbers."""
    value = str(value)
    if value == "" or value[0] not in "=+-@\t\r":
        return value
    if re.fullmatch(r"[+-]?[0-9 +\-()./]*", value) and any(ch.isdigit() for ch in value):
        return value
    return "'" + value


def tasks_csv(tasks):
    """revisit_tasks.csv / revisit_unscheduled.csv as text: UTF-8 without BOM, LF, quotes only where needed."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(REVISIT_COLUMNS)
    for task in tasks:
        writer.writerow([neutralise(task[column]) for column in REVISIT_COLUMNS])
    return out.getvalue()


def customers_csv(rows):
    """customers_scored.csv as text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(OUTPUT_COLUMNS)
    for row in rows:
        writer.writerow([row[column] for column in OUTPUT_COLUMNS])
    return out.getvalue()


def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def tally(rows, column, keys):
    return {key: sum(1 for row in rows if row[column] == key) for key in keys}


def write_outputs(rows, rejects, counts, tasks, unscheduled, output_dir):
    output_dir.mkdir(parents=True, exist_ok=True)
    write_text(output_dir / "revisit_tasks.csv", tasks_csv(tasks))
    write_text(output_dir / "revisit_unscheduled.csv", tasks_csv(unscheduled))
    write_text(output_dir / "customers_scored.csv", customers_csv(rows))
    write_text(output_dir / "rejects.json", rejects_json(rejects))
    write_text(output_dir / "counts.json", json.dumps(counts, ensure_ascii=False, indent=2) + "\n")


def rejects_json(rejects):
    """JSON with one [line, reason] pair per line, so a diff shows the rows."""
    parts = []
    for name, pairs in rejects.items():
        items = ",\n".join("    " + json.dumps(pair, ensure_ascii=False) for pair in pairs)
        key = json.dumps(name, ensure_ascii=False)
        parts.append(f"  {key}: [\n{items}\n  ]" if pairs else f"  {key}: []")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def print_coverage(rows, counts):
    files = "  ".join(f"{name} rows {value['rows_read']}" for name, value in counts.items()
                      if isinstance(value, dict) and "rows_read" in value)
    print(f"customers: {counts['customers']}  {files}")
    for key in ("segments", "lifecycle_stages", "value_tiers", "churn_reasons"):
        print(f"{key}: " + ", ".join(f"{k}={v}" for k, v in counts[key].items()))
    print("interaction_tiers: " + ", ".join(
        f"{t}={sum(1 for row in rows if row['interaction_tier'] == t)}" for t in ("HIGH", "LOW", "NONE")))
    print("need_categories: " + ", ".join(
        f"{c}={sum(1 for row in rows if row['need_category'] == c)}"
        for c in [c for c, _ in NEED_CATEGORIES] + [""]))
    revisit = counts["revisit"]
    print(f"revisit tasks: {revisit['tasks']}  unscheduled: {revisit['unscheduled']}")
    for key in ("by_reason", "by_owner", "by_due_date"):
        print(f"  {key}: " + ", ".join(f"{k}={v}" for k, v in revisit[key].items()))


# ---------------------------------------------------------------------------------------------
# The GB18030 export of the same shop (sample-data/gb18030-shop/, make_gb18030_export.py)
# ---------------------------------------------------------------------------------------------

def physical_lines(path, encoding):
    """Number of physical lines of a file (a last line without a line break counts too)."""
    text, _ = decode(path, encoding)
    return text.count("\n") + (0 if text.endswith("\n") or text == "" else 1)


def export_line_map(input_dir, files, encoding):
    """export file name -> (UTF-8 sample file name, number to add to its line numbers). The files of a
    glob continue each other: a later file's data lines follow the earlier files' data lines."""
    mapping = {}
    for kind, name in files.items():
        offset = 0
        for path in input_paths(input_dir, name):
            mapping[path.name] = (UTF8_SAMPLE_FILES[kind], offset)
            offset += physical_lines(path, encoding) - 1   # its data lines, without the header
    return mapping


def verify_export(utf8, export_dir, files, encoding, output_dir):
    """Computes the export, compares it with the UTF-8 result `utf8`, writes gb18030-rejects.json.
    Returns the list of differences (empty when the export matches)."""
    rows, rejects, counts, tasks, unscheduled = compute(export_dir, files, encoding)
    u_rows, u_rejects, u_counts, u_tasks, u_unscheduled = utf8
    differences = []
    for label, mine, theirs in [
        ("customers_scored.csv", customers_csv(rows), customers_csv(u_rows)),
        ("revisit_tasks.csv", tasks_csv(tasks), tasks_csv(u_tasks)),
        ("revisit_unscheduled.csv", tasks_csv(unscheduled), tasks_csv(u_unscheduled)),
    ]:
        same = mine == theirs
        print(f"  {label}: {'identical' if same else 'DIFFERENT'} ({mine.count(chr(10)) - 1} rows)")
        if not same:
            differences.append(label)
    # rejects: the same rows and reasons, only the file names and line numbers differ
    line_map = export_line_map(export_dir, files, encoding)
    mapped = {name: [] for name in UTF8_SAMPLE_FILES.values()}
    for name, pairs in rejects.items():
        target, offset = line_map[name]
        mapped[target].extend([line + offset, reason] for line, reason in pairs)
    for name in UTF8_SAMPLE_FILES.values():
        same = sorted(mapped[name]) == u_rejects[name]
        print(f"  rejects of {name}: {'same rows and reasons' if same else 'DIFFERENT'} "
              f"({len(mapped[name])} rows in " + ", ".join(f for f, (t, _) in line_map.items() if t == name) + ")")
        if not same:
            differences.append(f"rejects of {name}")
    # counts per input: the export's files of one input add up to the UTF-8 file's counts
    for kind, name in UTF8_SAMPLE_FILES.items():
        total = {}
        for export_name, (target, _) in line_map.items():
            if target == name:
                for key, value in counts[export_name].items():
                    total[key] = total.get(key, 0) + value
        same = total == u_counts[name]
        print(f"  counts of {name}: {'same' if same else 'DIFFERENT'} {total}")
        if not same:
            differences.append(f"counts of {name}")
    for key in ("customers", "segments", "lifecycle_stages", "value_tiers", "churn_reasons", "revisit"):
        if counts[key] != u_counts[key]:
            differences.append(f"counts.json {key}")
    write_text(output_dir / GB18030_REJECTS_FILE, rejects_json(rejects))
    return differences


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--orders", default=UTF8_SAMPLE_FILES["orders"], help="file name or glob")
    parser.add_argument("--interactions", default=UTF8_SAMPLE_FILES["interactions"])
    parser.add_argument("--customers", default=UTF8_SAMPLE_FILES["customers"])
    parser.add_argument("--encoding", default="auto", help="auto (UTF-8 if valid, else GB18030), utf-8, gb18030, ...")
    parser.add_argument("--no-export", action="store_true", help="do not verify sample-data/gb18030-shop/")
    args = parser.parse_args()
    files = {"orders": args.orders, "interactions": args.interactions, "customers": args.customers}
    utf8 = compute(args.input, files, args.encoding)
    rows, rejects, counts, tasks, unscheduled = utf8
    write_outputs(rows, rejects, counts, tasks, unscheduled, args.output)
    print_coverage(rows, counts)
    if args.no_export or args.input != DEFAULT_INPUT or files != UTF8_SAMPLE_FILES:
        return
    if not GB18030_EXPORT_DIR.exists():
        print(f"\n{GB18030_EXPORT_DIR} not found: run make_gb18030_export.py to check the GB18030 export")
        return
    print(f"\nGB18030 export {GB18030_EXPORT_DIR.relative_to(ROOT)} "
          f"({', '.join(GB18030_EXPORT_FILES.values())}, encoding auto) against the UTF-8 sample:")
    differences = verify_export(utf8, GB18030_EXPORT_DIR, GB18030_EXPORT_FILES, "auto", args.output)
    if differences:
        print(f"GB18030 export DIFFERS: {differences}")
        sys.exit(1)
    print(f"GB18030 export gives the same result; its rejects are in {GB18030_REJECTS_FILE}")


if __name__ == "__main__":
    main()
