#!/usr/bin/env python3
"""Checks that the sample shop shows every rule it claims to show, and prints a coverage table.

Reads the raw files in sample-data/ and the oracle's customers_scored.csv / rejects.json /
counts.json / revisit_tasks.csv / revisit_unscheduled.csv; exits non-zero when something designed
is missing. Also checks the GB18030 export in sample-data/gb18030-shop/ and gb18030-rejects.json,
and that the oracle's reading rules (date formats, header aliases, amount symbols, id length) are
those of jobs/nightly.yml. Run after make_sample_data.py, make_gb18030_export.py and expected_rfm.py.
"""

import csv
import hashlib
import io
import json
import re
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample-data"
EXPORT = SAMPLE / "gb18030-shop"
EXPECTED = ROOT / "src" / "test" / "resources" / "expected" / "sample-2026-11-22"
NIGHTLY = ROOT / "jobs" / "nightly.yml"
sys.dont_write_bytecode = True  # no __pycache__ in scripts/sample-data
sys.path.insert(0, str(Path(__file__).resolve().parent))
import expected_rfm  # noqa: E402  (the oracle's reading constants, compared with nightly.yml)

failures = []
table = []


def check(label, ok, detail=""):
    table.append((label, "ok" if ok else "MISSING", detail))
    if not ok:
        failures.append(label)


AS_OF = date(2026, 11, 22)
REVISIT_HEADER = ("task_id,customer_id,name,phone,email,owner,reason,priority,due_date,channel,suggested_action,"
                  "suggested_action_en,lifecycle_stage,segment,value_tier,last_order_date,last_contact_date,"
                  "last_satisfaction,churn_risk_reasons,need_category")
REASONS = ["CHURN_RISK", "SERVICE_RECOVERY", "WIN_BACK", "CARE", "ONBOARDING", "REACTIVATE", "CONVERT", "LAPSED"]
RULE_DUE_DAYS = {"CHURN_RISK": 2, "SERVICE_RECOVERY": 1, "WIN_BACK": 7, "CARE": 7, "ONBOARDING": 3,
                 "REACTIVATE": 14, "CONVERT": 3, "LAPSED": 14}


def plus(days):
    return (AS_OF + timedelta(days=days)).isoformat()


def minus(days):
    return (AS_OF - timedelta(days=days)).isoformat()


def check_revisit(rows, counts):
    """The revisit tasks (回访任务): every rule, the exclusions, the contests, channels, owners, capacity."""
    raw = {}
    files = {}
    for name in ("revisit_tasks.csv", "revisit_unscheduled.csv"):
        raw[name] = (EXPECTED / name).read_bytes()
        with open(EXPECTED / name, encoding="utf-8", newline="") as f:
            files[name] = list(csv.DictReader(f))
        text = raw[name].decode("utf-8")
        check(f"{name}: header, UTF-8 without BOM, LF",
              text.split("\n")[0] == REVISIT_HEADER and not raw[name].startswith(b"\xef\xbb\xbf")
              and b"\r" not in raw[name], f"{len(files[name])} rows")
    tasks = files["revisit_tasks.csv"]
    unscheduled = files["revisit_unscheduled.csv"]
    by_customer = {t["customer_id"]: t for t in tasks}
    check("at most one task per customer", len(by_customer) == len(tasks), f"{len(tasks)} tasks")
    check("no unscheduled task (horizon 30 days is enough)", unscheduled == [] and counts["revisit"]["unscheduled"] == 0)

    # every rule
    for reason in REASONS:
        holders = [t["customer_id"] for t in tasks if t["reason"] == reason]
        check(f"revisit rule {reason}", bool(holders), " ".join(holders))

    def task(label, cid, **expected):
        t = by_customer.get(cid)
        actual = {k: t[k] for k in expected} if t else None
        check(label, actual == {k: str(v) for k, v in expected.items()}, f"{cid} {actual}")

    def no_task(label, cid, detail=""):
        check(label, cid not in by_customer and cid in rows, f"{cid} {detail}")

    # exclusions: each of these would match a rule without it
    r = rows["C086"]
    no_task("opted out (Yes): no task", "C086",
            f"would be REACTIVATE: {r['lifecycle_stage']} tier {r['value_tier']}")
    check("C086 would otherwise get REACTIVATE", r["lifecycle_stage"] == "DORMANT" and r["value_tier"] in "CD")
    r = rows["C060"]
    no_task("opted out (true): no task", "C060", f"would be LAPSED: {r['lifecycle_stage']}, last contact {r['last_contact_date']}")
    check("C060 would otherwise get LAPSED", r["lifecycle_stage"] == "CHURNED" and r["last_contact_date"] <= minus(90))
    r = rows["C080"]
    no_task("cooldown: OUT on D-6, no REACTIVATE", "C080", f"last contact {r['last_contact_date']}")
    check("C080 would otherwise get REACTIVATE", r["lifecycle_stage"] == "DORMANT" and r["value_tier"] in "CD"
          and r["last_contact_date"] == minus(6))
    r = rows["C082"]
    no_task("cooldown blocks CONVERT (IN D-3, OUT D-2)", "C082", f"last contact {r['last_contact_date']}")
    check("C082 would otherwise get CONVERT", r["lifecycle_stage"] == "POTENTIAL" and r["last_contact_date"] == minus(2))
    task("OUT on exactly D-7 is outside the cooldown", "C081", reason="REACTIVATE", last_contact_date=minus(7))
    no_task("LOYAL with contact on D-29: no CARE", "C072", rows["C072"]["last_contact_date"])
    task("LOYAL with contact on exactly D-30: CARE", "C071", reason="CARE", last_contact_date=minus(30))
    no_task("NEW with an OUT on the first order's day: no ONBOARDING", "C076", rows["C076"]["first_order_date"])
    task("NEW contacted only before the first order: ONBOARDING", "C077", reason="ONBOARDING",
         last_contact_date=minus(40))
    task("first order exactly D-7: ONBOARDING", "C075", reason="ONBOARDING", last_order_date=minus(7))
    no_task("first order D-5: too early for ONBOARDING", "C025", rows["C025"]["first_order_date"])
    no_task("IN inquiry on D-30: no CONVERT", "C083")
    task("IN inquiry on D-29: CONVERT", "C074", reason="CONVERT", lifecycle_stage="POTENTIAL")
    task("CHURNED, last contact exactly D-90: LAPSED", "C084", reason="LAPSED", last_contact_date=minus(90))
    task("SERVICE_RECOVERY for a prospect (any stage)", "C053", reason="SERVICE_RECOVERY", lifecycle_stage="POTENTIAL")

    # priority contests
    r = rows["C067"]
    task("CHURN_RISK (1) beats CARE (3)", "C067", reason="CHURN_RISK", lifecycle_stage="LOYAL", last_contact_date="")
    check("C067 also meets CARE", r["lifecycle_stage"] == "LOYAL" and r["last_contact_date"] == "")
    for cid in ("C010", "C011"):
        r = rows[cid]
        task(f"tie on priority 1: CHURN_RISK before SERVICE_RECOVERY ({cid})", cid, reason="CHURN_RISK")
        check(f"{cid} also meets SERVICE_RECOVERY", r["churn_risk"] == "true" and r["last_satisfaction"] in ("1", "2")
              and minus(179) <= r["last_survey_date"] <= AS_OF.isoformat(),
              f"satisfaction {r['last_satisfaction']} on {r['last_survey_date']}")
    task("SERVICE_RECOVERY (1) beats WIN_BACK (2)", "C068", reason="SERVICE_RECOVERY", lifecycle_stage="DORMANT")
    check("C068 also meets WIN_BACK", rows["C068"]["value_tier"] in "AB", f"tier {rows['C068']['value_tier']}")
    task("CARE by value tier A for an ACTIVE customer", "C073", reason="CARE", lifecycle_stage="ACTIVE", value_tier="A")

    # owners and channels
    task("no owner: queue 未分配", "C077", owner="未分配")
    task("not in customers.csv: queue 未分配", "C052", owner="未分配", reason="CONVERT")
    task("PREFERRED used (WECHAT)", "C069", reason="WIN_BACK", channel="WECHAT")
    task("PREFERRED ' phone ' trimmed and uppercased", "C073", channel="PHONE")
    task("PREFERRED missing: fallback VISIT", "C071", channel="VISIT")
    task("PREFERRED missing: fallback DM", "C077", channel="DM")
    task("last candidate PHONE applies without a phone", "C070", reason="WIN_BACK", phone="", channel="PHONE")
    task("EMAIL when the customer has one", "C078", reason="REACTIVATE", channel="EMAIL")
    task("DM when the customer has no e-mail", "C079", reason="REACTIVATE", email="", channel="DM")
    task("LAPSED by DM without e-mail", "C085", reason="LAPSED", email="", channel="DM")

    # capacity: 2 a day, 李娜 1; overflow goes to the next free day, most urgent first
    per_day = {}
    for t in tasks:
        per_day[(t["owner"], t["due_date"])] = per_day.get((t["owner"], t["due_date"]), 0) + 1
    over = {k: v for k, v in per_day.items() if v > (1 if k[0] == "李娜" else 2)}
    check("no owner has more tasks on a day than its capacity", not over, str(over))
    moved = [t for t in tasks if t["due_date"] != plus(RULE_DUE_DAYS[t["reason"]])]
    check("overflow moves tasks to later days", bool(moved) and all(t["due_date"] > plus(RULE_DUE_DAYS[t["reason"]]) for t in moved),
          " ".join(f"{t['customer_id']}@{t['owner']}" for t in moved))
    check("overflow for a capacity-2 owner", any(t["owner"] != "李娜" for t in moved))
    task("李娜: ONBOARDING (3) keeps D+3", "C075", owner="李娜", due_date=plus(3))
    task("李娜: CONVERT (4) due D+3 yields to ONBOARDING (3): D+4", "C074", owner="李娜", due_date=plus(4))
    task("李娜: second WIN_BACK due D+7 moves to D+8", "C069", owner="李娜", due_date=plus(8))
    task("李娜: CARE due D+7 waits behind WIN_BACK", "C071", owner="李娜", due_date=plus(10))

    # ids, actions, order, counts
    ids_ok = all(t["task_id"] == "T" + hashlib.sha256(f"2026-11-22|{t['customer_id']}|{t['reason']}".encode()).hexdigest()[:16]
                 for t in tasks)
    check("task_id = T + sha256(as-of|customer|reason)[:16]", ids_ok)
    need_zh = {"PRODUCT": "重点介绍新品与产品功能", "SERVICE": "重点了解售后问题并协助解决",
               "INFO": "重点分享行业资讯与活动信息", "PRICE": "重点介绍当前优惠与报价"}  # jobs/nightly.yml
    with_need = [t for t in tasks if t["need_category"]]
    check("need wording appended with '；' / '; '", bool(with_need) and all(
        t["suggested_action"].endswith("；" + need_zh[t["need_category"]]) and "; focus on " in t["suggested_action_en"]
        for t in with_need) and all("；" not in t["suggested_action"] and "focus on" not in t["suggested_action_en"]
                                    for t in tasks if not t["need_category"]), f"{len(with_need)} tasks")
    facts = ["name", "lifecycle_stage", "segment", "value_tier", "last_order_date", "last_contact_date",
             "last_satisfaction", "churn_risk_reasons", "need_category"]
    differ = [t["customer_id"] for t in tasks if any(t[k] != rows[t["customer_id"]][k] for k in facts)
              or t["owner"] != (rows[t["customer_id"]]["owner"].strip() or "未分配")]
    check("task facts and owner as in customers_scored.csv", not differ, " ".join(differ))
    check("rows ordered by due_date, priority, owner, customer_id",
          tasks == sorted(tasks, key=lambda t: (t["due_date"], int(t["priority"]), t["owner"], t["customer_id"])))
    check("no value needs a formula guard (no leading apostrophe)",
          not any(v.startswith("'") for t in tasks for v in t.values()))
    revisit = counts["revisit"]
    check("counts.json revisit block matches the file",
          revisit["tasks"] == len(tasks)
          and revisit["by_reason"] == {reason: sum(1 for t in tasks if t["reason"] == reason) for reason in REASONS}
          and sum(revisit["by_owner"].values()) == len(tasks) and sum(revisit["by_due_date"].values()) == len(tasks),
          f"{revisit['tasks']} tasks")


def nightly_yml():
    """The reading settings of jobs/nightly.yml, read line by line (standard library only): date formats,
    header aliases per input, currency symbols, max-id-length."""
    date_formats, aliases, symbols, max_id = [], {}, [], None
    section, current_input, in_columns = None, None, False
    for line in NIGHTLY.read_text(encoding="utf-8").splitlines():
        code = line.split(" #")[0].rstrip()
        if not code.strip() or code.lstrip().startswith("#"):
            continue
        indent = len(code) - len(code.lstrip())
        if indent == 0:
            section = code.split(":")[0]
            if section == "max-id-length":
                max_id = int(code.split(":")[1])
            continue
        if section == "date-formats" and code.strip().startswith("- "):
            date_formats.append(code.strip()[2:].replace("'", ""))
        if section == "inputs":
            if indent == 2:
                current_input, in_columns = code.strip().rstrip(":"), False
                aliases[current_input] = {}
            elif indent == 4:
                in_columns = code.strip() == "columns:"
            elif indent == 6 and code.strip().startswith("currency-symbols:"):
                symbols = [v.strip().strip('"') for v in code.split("[")[1].rstrip("]").split(",")]
            elif indent == 6 and in_columns:
                name, values = code.strip().split(":", 1)
                aliases[current_input][name] = [v.strip() for v in values.strip().strip("[]").split(",")]
    return date_formats, aliases, symbols, max_id


def check_oracle_follows_nightly_yml():
    date_formats, aliases, symbols, max_id = nightly_yml()
    check("oracle date formats = nightly.yml date-formats (same order)",
          date_formats == expected_rfm.DATE_FORMATS, f"{len(date_formats)} formats")
    check("oracle header aliases = nightly.yml inputs.*.columns", aliases == expected_rfm.COLUMN_ALIASES,
          ", ".join(f"{k}: {len(v)} fields" for k, v in aliases.items()))
    check("oracle currency symbols = nightly.yml amount-format", sorted(symbols) == sorted(expected_rfm.CURRENCY_SYMBOLS),
          " ".join(symbols))
    check("oracle max id length = nightly.yml max-id-length", max_id == expected_rfm.MAX_ID_LENGTH, str(max_id))
    for text, valid in [("¥1,299.00", True), ("1,299.00", True), ("RMB 35", True), ("35元", True), ("￥ 12", True),
                        ("abc", False), ("1.2.3", False), ("¥", False), ("12.3.4", False)]:
        check(f"oracle amount {text!r} {'valid' if valid else 'BAD_AMOUNT'}",
              (expected_rfm.parse_amount(text) is not None) == valid, str(expected_rfm.parse_amount(text)))
    for text, value in [("2026/11/3 14:05:09", "2026-11-03 14:05:09"), ("20261103", "2026-11-03 00:00:00"),
                        ("2026年11月3日", "2026-11-03 00:00:00"), ("2026年11月3日 14:05:09", "2026-11-03 14:05:09"),
                        ("2026/1/3 9:05", "2026-01-03 09:05:00"), ("2026-02-30", None), ("2026/11/003", None),
                        ("2026-11-3", None), ("2026年11月3日 14:5", None), ("２０２６-11-03", None)]:
        parsed = expected_rfm.parse_date_time(text)
        check(f"oracle date {text!r}", (str(parsed) if parsed else None) == value, str(parsed))


EXPORT_FILES = ["订单导出-20261121.csv", "订单导出-20261122.csv", "互动记录.csv", "客户资料.csv"]
EXPORT_JOB_YML = """\
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


def check_export(rejects):
    """sample-data/gb18030-shop/: how it is written, and that its rejects are the sample's rejects."""
    if not EXPORT.exists():
        check("GB18030 export exists (make_gb18030_export.py)", False, str(EXPORT))
        return
    check("export job.yml as specified", (EXPORT / "job.yml").read_text(encoding="utf-8") == EXPORT_JOB_YML)
    check("export has exactly its 4 CSV files", sorted(p.name for p in EXPORT.glob("*.csv")) == sorted(EXPORT_FILES),
          " ".join(sorted(p.name for p in EXPORT.glob("*.csv"))))
    texts = {}
    aliases = expected_rfm.COLUMN_ALIASES
    kinds = {"订单导出-20261121.csv": "orders", "订单导出-20261122.csv": "orders",
             "互动记录.csv": "interactions", "客户资料.csv": "customers"}
    for name in EXPORT_FILES:
        data = (EXPORT / name).read_bytes()
        try:
            data.decode("utf-8")
            utf8 = True
        except UnicodeDecodeError:
            utf8 = False
        text = data.decode("gb18030")
        texts[name] = text
        bare_lf = len(re.findall(r"(?<!\r)\n", text))
        check(f"{name}: GB18030, no BOM, not valid UTF-8 (auto picks GB18030)",
              not utf8 and not data.startswith(b"\xef\xbb\xbf") and text.encode("gb18030") == data)
        check(f"{name}: CRLF line ends (a line feed only inside quotes)", text.endswith("\r\n") and "\r" not in
              text.replace("\r\n", "") and bare_lf == (1 if name == "互动记录.csv" else 0), f"{bare_lf} bare LF")
        header = text.split("\r\n")[0].split(",")
        fields = []
        for column in header:
            field = next((f for f, names in aliases[kinds[name]].items() if column in names), None)
            fields.append(field)
        check(f"{name}: Chinese headers, each an alias in nightly.yml", None not in fields
              and all(not column.isascii() for column in header), " ".join(header))
        texts[name + ":fields"] = fields
    utf8_orders = (SAMPLE / "orders.csv").read_text(encoding="utf-8").split("\n")[0].split(",")
    utf8_customers = (SAMPLE / "customers.csv").read_text(encoding="utf-8").split("\r\n")[0].split(",")
    check("export orders columns in another order", texts["订单导出-20261121.csv:fields"] != utf8_orders,
          " ".join(texts["订单导出-20261121.csv:fields"]))
    check("export customers columns in another order", texts["客户资料.csv:fields"] != utf8_customers,
          " ".join(texts["客户资料.csv:fields"]))
    everything = "".join(t for k, t in texts.items() if not k.endswith(":fields"))
    for label, pattern in [("yyyy/M/d H:mm:ss (2026/11/3 14:05:09)", r",\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}:\d{2},"),
                           ("yyyyMMdd (20261103)", r",\d{8}(,|\r)"),
                           ("yyyy年M月d日 (2026年11月3日)", r",\d{4}年\d{1,2}月\d{1,2}日(,|\r)"),
                           ("yyyy年M月d日 H:mm:ss", r",\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}:\d{2},"),
                           ("an unpadded month or day (2026/11/3)", r",\d{4}/(\d/\d{1,2}|\d{1,2}/\d)[ ,]"),
                           ("an unpadded hour (9:05:09)", r" \d:\d{2}:\d{2},"),
                           ("amount ¥ with thousands separators (¥1,299.00)", r',"¥\d{1,3}(,\d{3})+\.\d{2}",'),
                           ("amount ￥", r",\"?￥\d"), ("amount RMB", r',"?RMB \d'), ("amount 元", r"\d元\"?,")]:
        found = re.findall(pattern, everything)
        check(f"export has {label}", bool(found), f"{len(found)} values")
    for label, text in [("BAD_DATE 2026-02-30 kept", ",2026-02-30 09:12:00,"), ("BAD_AMOUNT 12.3.4 kept", ",12.3.4,"),
                        ("unquoted 1,299.00 kept (COLUMN_COUNT)", ",1,299.00,"),
                        ("BAD_DATE 2025-11-31 kept", ",2025-11-31 10:00:00,"), ("BAD_DATE 2025-02-29 kept", ",2025-02-29\r"),
                        ("unquoted comma in a name kept (COLUMN_COUNT)", ",广州恒信物流有限公司,番禺分部,"),
                        ("blank line kept", "\r\n\r\n"), ("quoted line break kept", '"新品试用\n反馈"')]:
        check(f"export: {label}", text in everything)
    sizes = [texts[n].count("\r\n") - 1 for n in EXPORT_FILES[:2]]
    check("orders split in two halves by position", abs(sizes[0] - sizes[1]) <= 1, f"{sizes} lines")
    # the export's rejects: the sample's rows and reasons, at their lines in the export's files
    path = EXPECTED / "gb18030-rejects.json"
    if not path.exists():
        check("gb18030-rejects.json exists", False)
        return
    export_rejects = json.loads(path.read_text(encoding="utf-8"))
    check("gb18030-rejects.json names the export's files", list(export_rejects) == EXPORT_FILES, " ".join(export_rejects))
    shifted = [[line + sizes[0], reason] for line, reason in export_rejects.get("订单导出-20261122.csv", [])]
    pairs = [
        ("orders", export_rejects.get("订单导出-20261121.csv", []) + shifted, rejects["orders.csv"]),
        ("interactions", export_rejects.get("互动记录.csv"), rejects["interactions.csv"]),
        ("customers", export_rejects.get("客户资料.csv"), rejects["customers.csv"]),
    ]
    for kind, mine, theirs in pairs:
        check(f"export rejects of {kind} = rejects.json (lines mapped)", mine == theirs, f"{len(mine or [])} rows")


def main():
    with open(EXPECTED / "customers_scored.csv", encoding="utf-8", newline="") as f:
        rows = {row["customer_id"]: row for row in csv.DictReader(f)}
    rejects = json.loads((EXPECTED / "rejects.json").read_text(encoding="utf-8"))
    counts = json.loads((EXPECTED / "counts.json").read_text(encoding="utf-8"))

    def values(column):
        return {row[column] for row in rows.values()}

    def who(column, value):
        return " ".join(cid for cid, row in rows.items() if row[column] == value)

    # --- coverage of the classifications ----------------------------------------------------
    for segment in ["CHAMPIONS", "LOYAL", "CANT_LOSE", "POTENTIAL_LOYALIST", "AT_RISK", "NEED_ATTENTION",
                    "NEW_CUSTOMERS", "PROMISING", "ABOUT_TO_SLEEP", "HIBERNATING", "LOST", "PROSPECT"]:
        check(f"segment {segment}", segment in values("segment"), who("segment", segment))
    for stage in ["POTENTIAL", "CHURNED", "DORMANT", "NEW", "LOYAL", "ACTIVE"]:
        check(f"stage {stage}", stage in values("lifecycle_stage"), who("lifecycle_stage", stage))
    for tier in "ABCD":
        check(f"value tier {tier}", tier in values("value_tier"), f"{counts['value_tiers'][tier]} customers")
    for tier in ["HIGH", "LOW", "NONE"]:
        check(f"interaction tier {tier}", tier in values("interaction_tier"),
              f"{sum(1 for r in rows.values() if r['interaction_tier'] == tier)} customers")
    for category in ["PRODUCT", "SERVICE", "INFO", "PRICE"]:
        check(f"need category {category}", category in values("need_category"),
              f"{sum(1 for r in rows.values() if r['need_category'] == category)} customers")
    for reason in ["OVERDUE", "DECLINING", "UNHAPPY"]:
        holders = [cid for cid, r in rows.items() if reason in r["churn_risk_reasons"].split("|")]
        check(f"churn reason {reason}", bool(holders), " ".join(holders))
    two = [cid for cid, r in rows.items() if "|" in r["churn_risk_reasons"]]
    check("a customer with two churn reasons", bool(two), " ".join(f"{c}={rows[c]['churn_risk_reasons']}" for c in two))

    # --- designed boundary cases --------------------------------------------------------------
    def case(label, cid, **expected):
        row = rows[cid]
        actual = {k: row[k] for k in expected}
        check(label, actual == {k: str(v) for k, v in expected.items()}, f"{cid} {actual}")

    case("recency 90 is ACTIVE", "C016", recency_days=90, lifecycle_stage="ACTIVE", dormant="false")
    case("recency 91 is DORMANT", "C017", recency_days=91, lifecycle_stage="DORMANT", dormant="true")
    case("recency 365 is DORMANT", "C018", recency_days=365, lifecycle_stage="DORMANT")
    case("recency 366 is CHURNED", "C019", recency_days=366, lifecycle_stage="CHURNED")
    case("order on D at 23:59:59 counts", "C003", recency_days=0, last_order_date="2026-11-22")
    case("tenure 60 is NEW", "C022", tenure_days=60, lifecycle_stage="NEW")
    case("tenure 61 is not NEW", "C023", tenure_days=61, lifecycle_stage="ACTIVE")
    case("LOYAL at frequency 5, tenure 180", "C020", frequency=5, tenure_days=180, lifecycle_stage="LOYAL")
    case("tenure 179 is not LOYAL", "C021", frequency=5, tenure_days=179, lifecycle_stage="ACTIVE")
    case("OVERDUE with purchase_days 3", "C012", purchase_days=3, churn_risk_reasons="OVERDUE")
    case("several orders on one day: purchase_days 2, not OVERDUE", "C013",
         frequency=3, purchase_days=2, churn_risk="false")
    case("OVERDUE equality is not flagged", "C014", recency_days=32, purchase_days=3, churn_risk="false")
    case("OVERDUE fractional mean not rounded", "C015", recency_days=29, purchase_days=4, churn_risk="false")
    case("DECLINING 1 vs 4", "C008", churn_risk_reasons="DECLINING")
    case("not DECLINING 2 vs 4", "C009", churn_risk="false")
    case("DECLINING|UNHAPPY", "C010", churn_risk_reasons="DECLINING|UNHAPPY", last_satisfaction=2)
    case("UNHAPPY after a happy survey", "C011", churn_risk_reasons="UNHAPPY", last_satisfaction=1)
    case("survey tie: later row wins", "C029", last_satisfaction=4, churn_risk="false")
    case("survey on D-180 is outside the window", "C030", last_satisfaction=1,
         last_survey_date="2026-05-26", churn_risk="false")
    case("unanswered SURVEY row ignored", "C031", last_satisfaction=4, last_survey_date="2026-11-02")
    case("PHONE satisfaction ignored", "C032", last_satisfaction=5)
    case("exactly 6 interactions is HIGH (D-90 excluded)", "C002", interactions_90d=6, interaction_tier="HIGH")
    case("5 interactions is LOW", "C020", interactions_90d=5, interaction_tier="LOW")
    case("need tie PRODUCT vs PRICE", "C005", need_category="PRODUCT")
    case("need tie SERVICE vs INFO", "C057", need_category="SERVICE")
    case("monetary tie 1299.00 (one order)", "C026", monetary="1299.00")
    case("monetary tie 1299.00 (two orders)", "C027", monetary="1299.00")
    check("monetary tie gets equal m_score", rows["C026"]["m_score"] == rows["C027"]["m_score"],
          f"C026 m={rows['C026']['m_score']} C027 m={rows['C027']['m_score']}")
    case("half-up rounding of 188.125", "C028", monetary="188.13")
    case("CANCELLED order does not move recency", "C004", recency_days=40)
    case("OUT call after D ignored", "C012", last_contact_date="2026-08-14")
    case("prospect only in customers.csv", "C051", segment="PROSPECT", frequency=0, monetary="0.00",
         recency_days="", tenure_days="", purchase_days=0, value_tier="")
    case("prospect only in interactions.csv", "C052", segment="PROSPECT", name="", interaction_tier="LOW")
    case("prospect with only REFUNDED/CANCELLED orders", "C053", segment="PROSPECT", last_satisfaction=1,
         churn_risk="false")
    case("prospect with only a future order", "C054", segment="PROSPECT")
    case("prospect named only by interactions after D", "C055", segment="PROSPECT", interactions_90d=0)
    case("customer row with COLUMN_COUNT: empty name", "C057", name="", owner="")
    case("BAD_OPT_OUT row, later good row used", "C063", name="叶青")
    case("DUPLICATE_CUSTOMER: first row wins", "C002", owner="陈静", region="华东")
    case("not in customers.csv: empty profile", "C061", name="", owner="", region="", industry="")
    check("customer only in bad rows does not appear", "C099" not in rows and "C066" not in rows)
    check("frequency ties", len({r["frequency"] for r in rows.values()}) < len(rows), "")

    # --- scores: the tie-safe formula, recomputed with SQL's rank() --------------------------------
    scored = [r for r in rows.values() if r["segment"] != "PROSPECT"]
    n = len(scored)

    def rank_scores(key, descending):
        ordered = sorted(scored, key=key, reverse=descending)
        scores = {}
        for r in ordered:
            rank = 1 + next(i for i, o in enumerate(ordered) if key(o) == key(r))  # rank(): first equal
            scores[r["customer_id"]] = 1 + (5 * (rank - 1)) // n
        return scores

    r_scores = rank_scores(lambda r: int(r["recency_days"]), True)
    f_scores = rank_scores(lambda r: int(r["frequency"]), False)
    # monetary is shown rounded; the exact values only differ from it by < 0.005 here
    m_scores = rank_scores(lambda r: Decimal(r["monetary"]), False)
    mismatches = [r["customer_id"] for r in scored
                  if (int(r["r_score"]), int(r["f_score"]), int(r["m_score"]))
                  != (r_scores[r["customer_id"]], f_scores[r["customer_id"]], m_scores[r["customer_id"]])]
    check("scores equal 1 + floor(5 * (rank() - 1) / N)", not mismatches, f"N={n} {' '.join(mismatches)}")

    # --- raw input features --------------------------------------------------------------------
    orders_text = (SAMPLE / "orders.csv").read_text(encoding="utf-8")
    interactions_text = (SAMPLE / "interactions.csv").read_text(encoding="utf-8")
    customers_bytes = (SAMPLE / "customers.csv").read_bytes()
    check("orders.csv has a blank line", "\n\n" in orders_text)
    with open(SAMPLE / "orders.csv", encoding="utf-8", newline="") as f:
        order_rows = [r for r in csv.reader(f) if r][1:]
    statuses = {r[5] for r in order_rows if len(r) == 6}
    for variant in [" paid ", "Completed", "", "paid", "pending", "PENDING", "REFUNDED", "CANCELLED"]:
        check(f"order status {variant!r}", variant in statuses)
    currencies = {r[4] for r in order_rows if len(r) == 6}
    for variant in ["CNY", "", "cny", "USD"]:
        check(f"order currency {variant!r}", variant in currencies)
    check("orders.csv has a quoted comma", '"1,299.00"' in orders_text)

    # amounts with a thousands separator or a currency symbol are valid since the amount-format rules
    raw_lines = orders_text.split("\n")
    for text, cid in [(',"1,299.00",', "C039"), (",¥120,", "C065")]:
        line = next(n for n, row in enumerate(raw_lines, start=1) if text in row)
        check(f"amount {text.strip(',')} is valid (not rejected, counted for {cid})",
              not any(l == line for l, _ in rejects["orders.csv"]), f"line {line}")
    case("the \"1,299.00\" order counts: 5 + 1 orders", "C039", frequency=6, purchase_days=6)
    case("the ¥120 order (2025-04-01) is the first order", "C065", first_order_date="2025-04-01", frequency=4)
    bad_amount = [raw_lines[l - 1] for l, r in rejects["orders.csv"] if r == "BAD_AMOUNT"]
    check("BAD_AMOUNT row is 12.3.4", len(bad_amount) == 1 and ",12.3.4," in bad_amount[0], str(bad_amount))
    bad_id = [raw_lines[l - 1].split(",")[0] for l, r in rejects["orders.csv"] if r == "BAD_ID"]
    check("BAD_ID row: order_id longer than 64 characters", len(bad_id) == 1 and len(bad_id[0]) > 64,
          f"{[len(i) for i in bad_id]} characters")
    check("customers.csv uses CRLF", b"\r\n" in customers_bytes and customers_bytes.count(b"\n") == customers_bytes.count(b"\r\n"))
    check("customers.csv has a doubled quote", '""五金""'.encode() in customers_bytes)
    check("customers.csv has a quoted comma", '"金桥物流, 上海分公司"'.encode() in customers_bytes)
    check("interactions.csv has a quoted newline", '"新品试用\n反馈"' in interactions_text)
    newline_line = interactions_text.split("新品试用\n")[0].count("\n") + 1
    later = [line for line, _ in rejects["interactions.csv"] if line > newline_line]
    check("interaction rejects after the multi-line record", bool(later), f"record starts on line {newline_line}")
    blank_line = orders_text.split("\n\n")[0].count("\n") + 2
    check("order rejects after the blank line", any(line > blank_line for line, _ in rejects["orders.csv"]),
          f"blank line {blank_line}")

    bad_date_line = next(line for line, reason in rejects["orders.csv"] if reason == "BAD_DATE")
    typo_id = raw_lines[bad_date_line - 1].split(",")[0]
    good = [n for n, text in enumerate(raw_lines, start=1) if text.startswith(typo_id + ",") and n != bad_date_line]
    check("bad row's order_id reused by a later good row (not DUPLICATE)",
          len(good) == 1 and [good[0], "DUPLICATE_ORDER"] not in rejects["orders.csv"], f"{typo_id} lines {bad_date_line}, {good}")

    expected_reasons = {
        "orders.csv": ["COLUMN_COUNT", "MISSING_ID", "BAD_ID", "BAD_DATE", "BAD_AMOUNT", "UNKNOWN_STATUS",
                       "UNKNOWN_CURRENCY", "NEGATIVE_AMOUNT", "DUPLICATE_ORDER", "FUTURE_DATE"],
        "interactions.csv": ["COLUMN_COUNT", "MISSING_ID", "BAD_DATE", "BAD_DIRECTION", "BAD_SATISFACTION"],
        "customers.csv": ["COLUMN_COUNT", "MISSING_ID", "BAD_OPT_OUT", "BAD_DATE", "DUPLICATE_CUSTOMER"],
    }
    for name, reasons in expected_reasons.items():
        seen = [reason for _, reason in rejects[name]]
        for reason in reasons:
            check(f"{name} reject {reason}", reason in seen, f"lines {[l for l, r in rejects[name] if r == reason]}")
    check("interactions after D", counts["interactions.csv"]["after_as_of"] > 0,
          f"{counts['interactions.csv']['after_as_of']} rows")

    check_revisit(rows, counts)
    check_oracle_follows_nightly_yml()
    check_export(rejects)

    # --- sizes -----------------------------------------------------------------------------------
    check("50-90 customers", 50 <= counts["customers"] <= 90, str(counts["customers"]))
    check("300-500 order rows", 300 <= counts["orders.csv"]["rows_read"] <= 500, str(counts["orders.csv"]["rows_read"]))
    check("150-300 interaction rows", 150 <= counts["interactions.csv"]["rows_read"] <= 300,
          str(counts["interactions.csv"]["rows_read"]))

    width = max(len(label) for label, _, _ in table)
    for label, status, detail in table:
        print(f"{label:<{width}}  {status:<7}  {detail}")
    if failures:
        print(f"\n{len(failures)} MISSING: {failures}")
        sys.exit(1)
    print(f"\nall {len(table)} checks ok")


if __name__ == "__main__":
    main()
