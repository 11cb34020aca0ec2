#!/usr/bin/env python3
"""Writes the hand-designed sample shop into sample-data/ (as-of date 2026-11-22).

    orders.csv        ~3 years of orders, LF line ends, one blank line, a few bad rows
    interactions.csv  contacts, surveys and inquiries, LF line ends, one quoted newline
    customers.csv     the customer master, CRLF line ends (as exported from Excel)

Deterministic: a fixed seed, no clock, no network; running it twice gives identical files.
Each designed customer below says which rule it shows; scripts/sample-data/README.md has the
overview and check_sample_data.py verifies that the oracle's output shows what is claimed here.

Usage: python3 scripts/sample-data/make_sample_data.py [--output DIR]
"""

import argparse
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = ROOT / "sample-data"

AS_OF = date(2026, 11, 22)
SEED = 20261122
rng = random.Random(SEED)

OWNERS = ["李娜", "陈静", "刘洋", "赵磊", "孙丽"]


# ---------------------------------------------------------------------------------------------
# Customer master
# ---------------------------------------------------------------------------------------------

@dataclass
class Customer:
    customer_id: str
    name: str
    slug: str = ""            # for the e-mail address; "" = no e-mail
    company: str = ""
    industry: str = ""
    region: str = ""
    owner: str = ""
    channel: str = ""          # preferred_channel
    opt_out: str = ""
    in_master: bool = True     # has a row in customers.csv
    note: str = ""             # which rule this customer shows
    phone: str | None = None   # None: drawn at random like a real export


C = Customer
CUSTOMERS = [
    # --- big accounts, the best customers -------------------------------------------------
    C("C001", "上海星辰贸易有限公司", "purchase@xingchen", "上海星辰贸易有限公司", "贸易", "华东", "李娜", "VISIT", "否",
      note="CHAMPIONS, LOYAL stage, HIGH interactions; has a PENDING order and a future-dated order"),
    C("C002", "张伟", "zhangwei", "", "个人", "华东", "陈静", "WECHAT", "false",
      note="CHAMPIONS; exactly 6 interactions in (D-90, D] (one on D-89, one on D-90 not counted): HIGH"),
    C("C003", "王芳", "wangfang", "", "个人", "华南", "刘洋", "PHONE", "",
      note="counted order at 2026-11-22 23:59:59 (on D): recency 0"),
    C("C004", "深圳华南电子有限公司", "caigou@hnde", "深圳华南电子有限公司", "制造", "华南", "刘洋", "VISIT", "否",
      note="a CANCELLED order after the last counted one does not change recency"),
    C("C005", "李强", "liqiang", "", "个人", "华北", "赵磊", "PHONE", "",
      note="need_category tie PRODUCT vs PRICE -> PRODUCT"),
    C("C006", "北京宏远科技有限公司", "it@hongyuan", "北京宏远科技有限公司", "互联网", "华北", "赵磊", "EMAIL", "0",
      note="big spender gone quiet: DORMANT"),
    C("C007", "赵敏", "zhaomin", "", "个人", "华东", "李娜", "", "",
      note="frequent buyer, last order 420 days ago: CHURNED"),
    C("C008", "成都天府餐饮管理有限公司", "", "成都天府餐饮管理有限公司", "餐饮", "西南", "孙丽", "PHONE", "",
      note="DECLINING: 4 orders in (D-180, D-90], 1 in (D-90, D]"),
    C("C009", "刘敏", "liumin", "", "个人", "华东", "陈静", "WECHAT", "",
      note="not DECLINING at the boundary: 4 orders in (D-180, D-90], 2 in (D-90, D]"),
    C("C010", "陈杰", "chenjie", "", "个人", "西南", "孙丽", "PHONE", "",
      note="two churn reasons DECLINING|UNHAPPY (3 orders before, 1 after; survey 2 on D-15)"),
    C("C011", "杨洋", "yangyang", "", "个人", "华南", "刘洋", "WECHAT", "",
      note="UNHAPPY: survey 5 long ago, then survey 1 on D-40"),
    C("C012", "黄磊", "huanglei", "", "个人", "华北", "赵磊", "PHONE", "",
      note="OVERDUE with purchase_days 3 (orders D-85, D-80, D-75); an OUT call after D is ignored"),
    C("C013", "周婷", "", "", "个人", "华东", "", "", "",
      note="3 orders on 2 days (2 on D-70): purchase_days 2, so not OVERDUE"),
    C("C014", "吴斌", "wubin", "", "个人", "华南", "陈静", "", "",
      note="OVERDUE equality: recency 32 * 2 = 2 * 32, not flagged"),
    C("C015", "徐丽", "xuli", "", "个人", "华东", "李娜", "DM", "",
      note="OVERDUE fraction: mean interval 44/3, recency 29: 29*3=87 <= 88, not flagged"),
    C("C016", "孙浩", "sunhao", "", "个人", "华北", "", "", "",
      note="recency exactly 90: ACTIVE, not DORMANT; the D-90 order is in the (D-180, D-90] window"),
    C("C017", "胡军", "hujun", "", "个人", "华东", "赵磊", "", "",
      note="recency 91: DORMANT"),
    C("C018", "朱琳", "zhulin", "", "个人", "华南", "刘洋", "EMAIL", "",
      note="recency exactly 365: DORMANT, not CHURNED"),
    C("C019", "高峰", "gaofeng", "", "个人", "西南", "孙丽", "", "",
      note="recency 366: CHURNED"),
    C("C020", "林晓", "linxiao", "", "个人", "华东", "陈静", "WECHAT", "",
      note="LOYAL at the boundary: frequency 5, tenure exactly 180; 5 interactions in 90 days: LOW"),
    C("C021", "何涛", "hetao", "", "个人", "华南", "李娜", "", "",
      note="frequency 5 but tenure 179: ACTIVE, not LOYAL"),
    C("C022", "郭玲", "guoling", "", "个人", "华北", "", "", "",
      note="tenure exactly 60: NEW"),
    C("C023", "马超", "machao", "", "个人", "西南", "赵磊", "", "",
      note="tenure 61: not NEW (ACTIVE)"),
    C("C024", "罗娟", "", "", "个人", "华东", "", "", "",
      note="one small order 2 days ago: NEW / NEW_CUSTOMERS"),
    C("C025", "梁勇", "liangyong", "", "个人", "华南", "刘洋", "", "",
      note="one order 5 days ago: NEW"),
    C("C026", "宋佳", "songjia", "", "个人", "华北", "赵磊", "", "",
      note="monetary tie: one order of 1299.00"),
    C("C027", "郑凯", "zhengkai", "", "个人", "华东", "", "", "",
      note="monetary tie: 599.50 + 699.50 = 1299.00"),
    C("C028", "谢敏", "xiemin", "", "个人", "华南", "陈静", "", "",
      note="exact sum 88.125 + 100 = 188.125, printed 188.13 (half up)"),
    C("C029", "韩雪", "hanxue", "", "个人", "华东", "李娜", "WECHAT", "",
      note="two SURVEY rows at the same date-time (1 then 4): the later row wins, not UNHAPPY"),
    C("C030", "唐亮", "tangliang", "", "个人", "西南", "孙丽", "", "",
      note="survey 1 on exactly D-180: outside (D-180, D], not UNHAPPY; that topic not in need_category"),
    C("C031", "冯霞", "fengxia", "", "个人", "华北", "赵磊", "", "",
      note="survey 2 on D-100 then 4 on D-20; a SURVEY sent on D-5 without answer does not count"),
    C("C032", "于洋", "yuyang", "", "个人", "华东", "陈静", "PHONE", "",
      note="PHONE row with satisfaction 1 is not a survey: last_satisfaction stays 5"),
    # --- the rest of the shop -------------------------------------------------------------
    C("C033", "董明", "", "", "个人", "华南", "", "", "", note="one small order 900 days ago: LOST"),
    C("C034", "萧红", "xiaohong", "", "个人", "华东", "", "", "", note="two small orders ~1000 days ago"),
    C("C035", "程刚", "", "", "个人", "华北", "", "", "", note="one order 700 days ago"),
    C("C036", "曹颖", "caoying", "", "个人", "西南", "孙丽", "EMAIL", "", note="two orders ~500 days ago"),
    C("C037", "袁飞", "", "", "个人", "华东", "", "", "", note="one small order 300 days ago"),
    C("C038", "邓丽", "dengli", "", "个人", "华南", "刘洋", "", "", note="two small orders ~190 days ago"),
    C("C039", "许强", "xuqiang", "", "个人", "华北", "赵磊", "PHONE", "", note="mid customer, last order 250 days ago"),
    C("C040", "傅雷", "fulei", "", "个人", "华东", "李娜", "", "", note="mid customer, last order 450 days ago"),
    C("C041", "杭州云杉科技有限公司", "it@yunshan", "杭州云杉科技有限公司", "互联网", "华东", "李娜", "EMAIL", "",
      note="big account, last order 150 days ago"),
    C("C042", "沈悦", "shenyue", "", "个人", "华南", "", "", "", note="two small orders, last 65 days ago"),
    C("C043", "曾鑫", "zengxin", "", "个人", "西南", "孙丽", "", "", note="mid customer, last order 60 days ago"),
    C("C044", "彭勃", "", "", "个人", "华北", "", "", "", note="one small order 35 days ago"),
    C("C045", "吕婷", "lvting", "", "个人", "华东", "陈静", "", "", note="two small orders, last 28 days ago"),
    C("C046", "苏晴", "suqing", "", "个人", "华南", "刘洋", "WECHAT", "",
      note="topic with a quoted newline (新品试用/反馈)"),
    C("C047", "卢俊", "lujun", "", "个人", "华北", "赵磊", "", "", note="mid customer, last order 25 days ago"),
    C("C048", "蒋欣", "", "", "个人", "华东", "", "", "", note="one small order yesterday"),
    C("C049", "重庆山城教育咨询有限公司", "admin@shancheng", "重庆山城教育咨询有限公司", "教育", "西南", "孙丽", "VISIT", "",
      note="big account, last order 50 days ago"),
    # --- prospects --------------------------------------------------------------------------
    C("C050", "蔡文", "caiwen", "", "个人", "华东", "李娜", "", "是",
      note="prospect only in customers.csv, opted out"),
    C("C051", "南京蓝海医疗器械有限公司", "info@lanhai", "南京蓝海医疗器械有限公司", "医疗", "华东", "陈静", "EMAIL", "",
      note="prospect only in customers.csv (new lead)"),
    C("C052", "", in_master=False,
      note="prospect only in interactions.csv: an IN WeChat price inquiry 10 days ago"),
    C("C053", "贾宁", "jianing", "", "个人", "华北", "赵磊", "", "",
      note="prospect whose only orders are CANCELLED/REFUNDED (one refund line negative); unhappy survey"),
    C("C054", "丁一", "dingyi", "", "个人", "华南", "刘洋", "", "",
      note="prospect whose only order is dated after D"),
    C("C055", "", in_master=False,
      note="prospect named only by interactions dated after D"),
    # --- more of the shop ---------------------------------------------------------------------
    C("C056", "魏然", "weiran", "", "个人", "华东", "陈静", "WECHAT", "", note="regular, 14 orders"),
    C("C057", "广州恒信物流有限公司", "", "广州恒信物流有限公司", "物流", "华南", "刘洋", "PHONE", "",
      note="its customers.csv row has an unquoted comma in the name: COLUMN_COUNT, so empty name/owner"),
    C("C058", '老王"五金"店', "laowang", '老王"五金"店', "零售", "华北", "", "VISIT", "",
      note="name with doubled quotes"),
    C("C059", "金桥物流, 上海分公司", "ops@jinqiao", "金桥物流有限公司", "物流", "华东", "李娜", "EMAIL", "",
      note="name with a quoted comma"),
    C("C060", "薛峰", "xuefeng", "", "个人", "西南", "", "", "true", note="opted out (true)"),
    C("C061", "", in_master=False, note="walk-in buyer not in customers.csv: empty name/owner"),
    C("C062", "", in_master=False, note="old walk-in buyer not in customers.csv"),
    C("C063", "叶青", "yeqing", "", "个人", "华南", "孙丽", "", "",
      note="first customers.csv row has opt_out 不确定 (BAD_OPT_OUT); a later good row is used"),
    C("C064", "苏州精工机械有限公司", "", "苏州精工机械有限公司", "制造", "华东", "赵磊", "VISIT", "", note="mid account"),
    C("C065", "阎涛", "yantao", "", "个人", "华北", "陈静", "", "", note="regular buyer"),
    # --- revisit tasks (回访任务): one customer per case, with fixed data (no random draws) -------
    C("C067", "钱坤", "qiankun", "", "个人", "华东", "李娜", "", "", phone="13971188528",
      note="LOYAL and churn risk (OVERDUE|DECLINING), no contact: CHURN_RISK (priority 1) beats CARE (3)"),
    C("C068", "孔祥", "kongxiang", "", "个人", "华北", "陈静", "WECHAT", "", phone="13811520476",
      note="DORMANT big spender with a survey 2 on D-20: SERVICE_RECOVERY (1) beats WIN_BACK (2)"),
    C("C069", "褚明", "chuming", "", "个人", "华东", "李娜", "WECHAT", "", phone="15821937740",
      note="WIN_BACK by the preferred channel WECHAT; 李娜 (1 a day) spreads it to D+8"),
    C("C070", "卫东", "", "", "个人", "华南", "", "", "", phone="",
      note="WIN_BACK without owner (未分配), preference or phone: the fallback PHONE still applies"),
    C("C071", "蒋丽", "jiangli", "", "个人", "华东", "李娜", "", "", phone="13661827305",
      note="LOYAL, last contact exactly D-30: CARE by the fallback VISIT; 李娜 spreads it to D+10"),
    C("C072", "沈斌", "shenbin", "", "个人", "华北", "陈静", "WECHAT", "", phone="18601236694",
      note="LOYAL, last contact D-29: no CARE, no task"),
    C("C073", "韩冰", "hanbing", "韩冰设计工作室", "设计", "西南", "孙丽", " phone ", "", phone="028-65271830",
      note="ACTIVE (tenure 170) but value tier A: CARE; preferred channel ' phone ' is used as PHONE"),
    C("C074", "秦月", "qinyue", "", "个人", "华东", "李娜", "", "", phone="13917730521",
      note="prospect with an IN inquiry on D-29: CONVERT (priority 4, D+3), after 李娜's ONBOARDING: D+4"),
    C("C075", "尤佳", "youjia", "", "个人", "华东", "李娜", "WECHAT", "", phone="13788046613",
      note="first order exactly D-7: ONBOARDING by WECHAT on D+3"),
    C("C076", "许诺", "xunuo", "", "个人", "华北", "赵磊", "", "", phone="13520987412",
      note="NEW, an OUT call on the day of the first order: no ONBOARDING, no task"),
    C("C077", "何平", "", "", "个人", "华南", "", "", "", phone="13697012264",
      note="NEW, contacted only before the first order: ONBOARDING by the fallback DM, owner 未分配"),
    C("C078", "吕方", "lvfang", "", "个人", "华北", "赵磊", "", "", phone="13810045527",
      note="DORMANT, tier D, has an e-mail: REACTIVATE by EMAIL"),
    C("C079", "施文", "", "", "个人", "华南", "刘洋", "", "", phone="13924408851",
      note="DORMANT, tier D, no e-mail: REACTIVATE by DM"),
    C("C080", "张帆", "zhangfan", "", "个人", "西南", "孙丽", "", "", phone="18980017732",
      note="DORMANT, tier D, an OUT e-mail on D-6: cooldown, no task"),
    C("C081", "曹阳", "", "", "个人", "西南", "孙丽", "", "", phone="13709094416",
      note="DORMANT, tier D, an OUT call on exactly D-7: outside the cooldown, REACTIVATE by DM"),
    C("C082", "严冬", "yandong", "", "个人", "华北", "陈静", "", "", phone="13701158830",
      note="prospect with an IN inquiry on D-3 answered (OUT) on D-2: the cooldown blocks CONVERT"),
    C("C083", "华清", "huaqing", "", "个人", "华东", "陈静", "", "", phone="13564471208",
      note="prospect whose IN inquiry is on D-30: outside (D-30, D], no CONVERT"),
    C("C084", "金鑫", "jinxin", "", "个人", "华北", "赵磊", "", "", phone="13910263375",
      note="CHURNED, last contact exactly D-90: LAPSED by EMAIL"),
    C("C085", "陶然", "", "", "个人", "华北", "赵磊", "", "", phone="13501069982",
      note="CHURNED, never contacted, no e-mail: LAPSED by DM"),
    C("C086", "戚薇", "qiwei", "", "个人", "华南", "刘洋", "", "Yes", phone="13533170649",
      note="DORMANT, tier D, opted out (Yes): would get REACTIVATE, gets no task"),
]


# ---------------------------------------------------------------------------------------------
# Orders
# ---------------------------------------------------------------------------------------------

ORDER_DATE_FORMATS = [  # (strftime format, weight)
    ("%Y-%m-%d %H:%M:%S", 55), ("%Y-%m-%d", 15), ("%Y/%m/%d %H:%M", 8), ("%Y-%m-%dT%H:%M:%S", 8),
    ("%Y/%m/%d", 5), ("%Y-%m-%d %H:%M", 5), ("%Y/%m/%d %H:%M:%S", 4),
]
COUNTED_STATUS_TEXTS = [("PAID", 60), ("COMPLETED", 25), ("", 5), ("Completed", 4), ("paid", 3), (" paid ", 3)]


def weighted(choices):
    values = [value for value, _ in choices]
    weights = [weight for _, weight in choices]
    return rng.choices(values, weights=weights)[0]


@dataclass
class Order:
    customer_id: str
    when: datetime
    amount: str
    status: str = "PAID"
    currency: str = "CNY"
    date_format: str = "%Y-%m-%d %H:%M:%S"
    order_id: str = ""

    def fields(self):
        return [self.order_id, self.customer_id, self.when.strftime(self.date_format),
                self.amount, self.currency, self.status]


ORDERS = []


def day(days_ago):
    return AS_OF - timedelta(days=days_ago)


def random_time():
    return time(rng.randint(8, 21), rng.randint(0, 59), rng.randint(0, 59))


def money(low, high):
    value = rng.uniform(low, high)
    if value >= 1000 and rng.random() < 0.15:
        return str(int(round(value, -1)))          # a round amount without decimals
    return f"{value:.2f}"


def order(customer_id, days_ago, amount, status=None, currency=None, date_format=None, at=None):
    """One order row; unspecified status/currency/format are drawn like a real export."""
    ORDERS.append(Order(
        customer_id=customer_id,
        when=datetime.combine(day(days_ago), at or random_time()),
        amount=amount,
        status=weighted(COUNTED_STATUS_TEXTS) if status is None else status,
        currency=(rng.choices(["CNY", ""], weights=[85, 15])[0]) if currency is None else currency,
        date_format=weighted(ORDER_DATE_FORMATS) if date_format is None else date_format,
    ))


def orders_at(customer_id, days_ago_list, low, high):
    for days_ago in days_ago_list:
        order(customer_id, days_ago, money(low, high))


def spread(customer_id, count, oldest, newest, low, high):
    """`count` counted orders on distinct days, the first `oldest` and the last `newest` days ago."""
    middle = rng.sample(range(newest + 1, oldest), count - 2) if count > 2 else []
    days = sorted({oldest, newest, *middle}, reverse=True)
    orders_at(customer_id, days, low, high)


def plan_orders():
    # Big accounts.
    spread("C001", 28, 1060, 1, 3000, 20000)
    order("C001", 0, "8800.00", status="PENDING")                      # not counted
    spread("C002", 18, 900, 3, 500, 3000)
    order("C002", 2, "1200.00", status="pending")                      # not counted
    spread("C003", 11, 700, 4, 800, 2500)
    order("C003", 0, "1688.00", status="PAID", date_format="%Y-%m-%d %H:%M:%S", at=time(23, 59, 59))
    spread("C004", 22, 1000, 40, 5000, 30000)
    order("C004", 10, "12000.00", status="CANCELLED")                  # after the last counted order
    spread("C005", 15, 1000, 70, 800, 3000)
    spread("C006", 20, 1080, 200, 5000, 25000)
    order("C006", 100, "6400.00", status="REFUNDED")
    spread("C007", 12, 1095, 420, 1500, 6000)
    # DECLINING: older history, then 4 orders in (D-180, D-90] and 1 in (D-90, D].
    spread("C008", 14, 720, 200, 2000, 8000)
    orders_at("C008", [170, 150, 120, 95], 2000, 8000)
    orders_at("C008", [30], 2000, 8000)
    # Boundary, not DECLINING: 4 before, 2 after (2 * 2 is not < 4).
    spread("C009", 6, 600, 200, 300, 1500)
    orders_at("C009", [160, 140, 120, 100], 300, 1500)
    orders_at("C009", [60, 20], 300, 1500)
    # DECLINING|UNHAPPY: 3 before, 1 after.
    spread("C010", 5, 500, 200, 300, 1500)
    orders_at("C010", [170, 130, 100], 300, 1500)
    orders_at("C010", [45], 300, 1500)
    spread("C011", 6, 400, 10, 300, 1500)
    # OVERDUE: 3 purchase days 5 days apart, then 75 days of silence.
    orders_at("C012", [85, 80, 75], 800, 2000)
    # Several orders on one day: purchase_days 2, so no OVERDUE although recency is long.
    order("C013", 80, "450.00")
    order("C013", 70, "320.00", at=time(10, 15, 0))
    order("C013", 70, "89.90", at=time(16, 40, 12), date_format="%Y/%m/%d %H:%M:%S")
    orders_at("C014", [64, 48, 32], 300, 900)
    orders_at("C015", [73, 60, 45, 29], 300, 900)
    orders_at("C016", [400, 250, 90], 500, 1500)
    orders_at("C017", [500, 300, 91], 500, 1500)
    orders_at("C018", [700, 365], 500, 1500)
    orders_at("C019", [800, 600, 366], 500, 1500)
    orders_at("C020", [180, 130, 85, 50, 12], 300, 1200)
    orders_at("C021", [179, 140, 100, 50, 20], 300, 1200)
    orders_at("C022", [60, 14], 200, 800)
    orders_at("C023", [61, 9], 200, 800)
    order("C024", 2, "59.00")
    order("C025", 5, "35", currency="cny")                             # integer amount, lowercase currency
    order("C026", 150, "1299.00")
    order("C027", 420, "599.50")
    order("C027", 380, "699.50")
    order("C028", 250, "88.125")
    order("C028", 230, "100")
    spread("C029", 4, 300, 25, 300, 1200)
    spread("C030", 5, 500, 15, 300, 1200)
    spread("C031", 3, 200, 35, 300, 1200)
    spread("C032", 6, 600, 50, 300, 1200)

    order("C033", 900, money(50, 200))
    orders_at("C034", [1000, 980], 50, 200)
    order("C035", 700, money(100, 300))
    orders_at("C036", [500, 480], 100, 400)
    order("C037", 300, money(50, 200))
    orders_at("C038", [200, 185], 50, 200)
    spread("C039", 5, 800, 250, 500, 2000)
    spread("C040", 4, 900, 450, 500, 2000)
    spread("C041", 10, 1000, 150, 5000, 20000)
    orders_at("C042", [140, 65], 50, 200)
    spread("C043", 4, 400, 60, 500, 1500)
    order("C044", 35, money(50, 200))
    orders_at("C045", [300, 28], 50, 200)
    spread("C046", 4, 250, 8, 500, 1500)
    spread("C047", 5, 365, 25, 500, 1500)
    order("C048", 1, money(50, 200))
    spread("C049", 10, 800, 50, 3000, 12000)

    # Prospects with order rows that do not count.
    order("C053", 120, "1580.00", status="CANCELLED")
    order("C053", 52, "299.00", status="REFUNDED")
    order("C053", 50, "-299.00", status="REFUNDED")                    # negative is fine when not counted

    spread("C056", 14, 1000, 18, 300, 2500)
    order("C056", 400, "980.00", status="REFUNDED")
    spread("C057", 9, 900, 45, 3000, 15000)
    spread("C058", 8, 700, 110, 500, 3000)
    spread("C059", 9, 900, 45, 3000, 15000)
    spread("C060", 6, 1000, 600, 1000, 5000)
    order("C061", 15, "128.00", currency="")
    order("C062", 400, "268.00")
    spread("C063", 7, 800, 130, 500, 2000)
    spread("C064", 5, 900, 520, 3000, 10000)
    spread("C065", 3, 500, 100, 300, 1000)
    plan_revisit_orders()


def fixed_order(customer_id, days_ago, amount):
    """An order with fixed values only, so it draws nothing from the random stream."""
    order(customer_id, days_ago, amount, status="PAID", currency="CNY",
          date_format="%Y-%m-%d %H:%M:%S", at=time(10, 30, 0))


def plan_revisit_orders():
    """Orders of the revisit customers C067-C086, all later than 2025-02-20 and never on 2026-03-01,
    so the blank line and the BAD_DATE row of the older cases stay where they are."""
    for days_ago in range(265, 84, -20):                   # 10 orders, every 20 days, last on D-85
        fixed_order("C067", days_ago, "800.00")
    for days_ago in [600, 540, 480, 420, 360, 300, 240, 180, 150, 120]:
        fixed_order("C068", days_ago, "5200.00")
    for days_ago in [630, 560, 500, 440, 380, 320, 260, 200, 150, 100]:
        fixed_order("C069", days_ago, "6800.00")
    for days_ago in [500, 430, 360, 290, 220, 160, 130, 110]:
        fixed_order("C070", days_ago, "4100.00")
    for days_ago in [300, 240, 180, 120, 60, 10]:
        fixed_order("C071", days_ago, "1500.00")
    for days_ago in [320, 250, 180, 120, 60, 15]:
        fixed_order("C072", days_ago, "1400.00")
    for days_ago in [170, 155, 140, 125, 110, 95, 80, 65, 50, 35, 20, 1]:
        fixed_order("C073", days_ago, "9000.00")
    fixed_order("C075", 7, "320.00")
    fixed_order("C076", 20, "260.00")
    fixed_order("C077", 25, "180.00")
    fixed_order("C078", 200, "150.00")
    fixed_order("C079", 210, "120.00")
    fixed_order("C080", 220, "99.00")
    fixed_order("C081", 230, "88.00")
    fixed_order("C084", 600, "350.00")
    fixed_order("C084", 500, "420.00")
    fixed_order("C085", 450, "130.00")
    fixed_order("C086", 240, "110.00")


def csv_line(fields):
    """RFC 4180: quote only fields that contain a comma, a quote or a line break."""
    out = []
    for value in fields:
        if any(ch in value for ch in ',"\r\n'):
            value = '"' + value.replace('"', '""') + '"'
        out.append(value)
    return ",".join(out)


def orders_file_lines():
    plan_orders()
    ORDERS.sort(key=lambda o: o.when)
    for number, o in enumerate(ORDERS, start=1):
        o.order_id = f"SO{100000 + number}"
    lines = [csv_line(o.fields()) for o in ORDERS]

    def position_of(when):
        """Index of the first regular row at or after `when` (rows are in date order)."""
        for index, o in enumerate(ORDERS):
            if o.when >= when:
                return index
        return len(ORDERS)

    # The first export of a March 2026 order had a typo'd date: that row is bad, so the
    # correct row with the same order_id further down is not a duplicate.
    march = next(o for o in ORDERS if o.when.date() >= date(2026, 3, 1))
    typo = csv_line([march.order_id, march.customer_id, "2026-02-30 09:12:00", march.amount, "CNY", "PAID"])
    # Re-exported rows: an exact repeat, and a repeat of a PAID order now saying REFUNDED.
    repeated = next(o for o in ORDERS if o.customer_id == "C001" and o.when.date() >= date(2025, 6, 1))
    refunded_repeat = next(o for o in ORDERS if o.customer_id == "C056" and o.when.date() >= date(2025, 9, 1))
    inserts = [  # (before this date-time, raw line) - later inserts go further down
        (datetime(2024, 5, 10), "SO900001,C057,2024-05-09 10:30:00,1,299.00,CNY,PAID"),       # COLUMN_COUNT
        (datetime(2024, 9, 3), "SO900002,,2024-09-02 14:05:11,560.00,CNY,PAID"),              # MISSING_ID
        (datetime(2025, 1, 20), 'SO900003,C039,2025-01-18,"1,299.00",CNY,PAID'),              # valid: 1299.00
        (datetime(2025, 4, 2), "SO900004,C065,2025-04-01 11:00:00,¥120,CNY,PAID"),            # valid: 120
        (datetime(2025, 7, 1), "SO900005,C041,2025-06-30 16:20:00,8800.00,CNY,SHIPPED"),      # UNKNOWN_STATUS
        (datetime(2025, 8, 15), csv_line(repeated.fields())),                                  # DUPLICATE_ORDER
        (datetime(2025, 10, 8), "SO900006,C099,2025-10-07 09:00:00,450.00,USD,PAID"),         # UNKNOWN_CURRENCY
        (march.when, typo),                                                                    # BAD_DATE
        (datetime(2026, 5, 6), "SO900007,C047,2026-05-05 13:30:00,-199.00,CNY,PAID"),         # NEGATIVE_AMOUNT
        (datetime(2025, 12, 4), "SO900010,C043,2025-12-03 10:00:00,12.3.4,CNY,PAID"),         # BAD_AMOUNT
        (datetime(2026, 2, 11), "SO900011/SO900012/SO900013/SO900014/SO900015/SO900016/SO900017/SO900018,"
                                "C064,2026-02-10 15:45:00,26800.00,CNY,PAID"),                  # BAD_ID (71 chars)
        (datetime(2026, 9, 1), csv_line([refunded_repeat.order_id, refunded_repeat.customer_id,
                                         refunded_repeat.when.strftime("%Y-%m-%d %H:%M:%S"),
                                         refunded_repeat.amount, "CNY", "REFUNDED"])),          # DUPLICATE_ORDER
    ]
    blank_before = datetime(2025, 2, 15)   # an empty line mid-file: not a row, but a line
    placed = sorted([(position_of(when), order_, raw) for order_, (when, raw) in enumerate(inserts)]
                    + [(position_of(blank_before), -1, "")])
    for shift, (index, _, raw) in enumerate(placed):
        lines.insert(index + shift, raw)
    # Future-dated rows at the end of the export (the shop's system already has them).
    lines.append("SO900008,C001,2026-11-23 00:00:00,5600.00,CNY,PAID")                  # FUTURE_DATE
    lines.append("SO900009,C054,2026-11-25 09:30:00,399.00,,PAID")                       # FUTURE_DATE
    return ["order_id,customer_id,order_date,amount,currency,status"] + lines


# ---------------------------------------------------------------------------------------------
# Interactions
# ---------------------------------------------------------------------------------------------

TOPICS = {
    "PRODUCT": ["新品介绍", "产品演示", "功能咨询", "试用申请", "新品价格咨询", "Product demo"],
    "SERVICE": ["售后维修", "退换货", "投诉处理", "售后服务跟进", "维修进度"],
    "INFO": ["展会邀请", "活动通知", "行业资讯", "新闻简报", "双十一促销活动"],
    "PRICE": ["报价咨询", "价格谈判", "折扣申请", "优惠券发放", "Price quote"],
    None: ["节日问候", "生日祝福", "客户回访", ""],
}
CHANNEL_DIRECTIONS = [  # (channel, chance of OUT, weight)
    ("PHONE", 0.6, 30), ("WECHAT", 0.5, 25), ("EMAIL", 0.8, 15), ("DM", 1.0, 10),
    ("VISIT", 1.0, 10), ("SURVEY", 1.0, 10),
]
INTERACTION_DATE_FORMATS = [
    ("%Y-%m-%d %H:%M:%S", 70), ("%Y/%m/%d %H:%M", 10), ("%Y-%m-%dT%H:%M:%S", 10), ("%Y-%m-%d %H:%M", 10),
]


@dataclass
class Interaction:
    customer_id: str
    when: datetime
    channel: str
    direction: str
    satisfaction: str = ""
    topic: str = ""
    date_format: str = "%Y-%m-%d %H:%M:%S"
    interaction_id: str = ""

    def fields(self):
        return [self.interaction_id, self.customer_id, self.when.strftime(self.date_format),
                self.channel, self.direction, self.satisfaction, self.topic]


INTERACTIONS = []


def contact(customer_id, days_ago, channel, direction, topic="", satisfaction="", at=None, date_format=None):
    INTERACTIONS.append(Interaction(
        customer_id=customer_id,
        when=datetime.combine(day(days_ago), at or random_time()),
        channel=channel, direction=direction, satisfaction=satisfaction, topic=topic,
        date_format=weighted(INTERACTION_DATE_FORMATS) if date_format is None else date_format,
    ))


def random_contacts(customer_id, recent, older):
    """`recent` interactions in (D-90, D] and `older` ones before, of the usual kinds."""
    days = [rng.randint(0, 89) for _ in range(recent)] + [rng.randint(91, 700) for _ in range(older)]
    for days_ago in days:
        channel = weighted([(c, w) for c, _, w in CHANNEL_DIRECTIONS])
        out_chance = next(p for c, p, _ in CHANNEL_DIRECTIONS if c == channel)
        direction = "OUT" if rng.random() < out_chance else "IN"
        if channel == "SURVEY":
            satisfaction = rng.choice(["3", "4", "4", "5", "5", ""])
            topic = "满意度调查"
        else:
            satisfaction = ""
            topic = rng.choice(TOPICS[rng.choice(["PRODUCT", "SERVICE", "INFO", "PRICE", None])])
        date_format = "%Y-%m-%d" if channel == "DM" else None
        contact(customer_id, days_ago, channel, direction, topic, satisfaction, date_format=date_format)


ENGAGEMENT = {  # customer -> (interactions in the last 90 days, older ones)
    "C001": (9, 5), "C003": (7, 3), "C004": (3, 4), "C005": (0, 3), "C006": (1, 3), "C007": (0, 2),
    "C008": (3, 3), "C009": (2, 2), "C010": (1, 2), "C011": (2, 1), "C012": (0, 1),
    "C013": (1, 0), "C014": (1, 1), "C015": (2, 0), "C016": (1, 1), "C017": (0, 2),
    "C018": (0, 1), "C019": (0, 1), "C021": (2, 1), "C022": (1, 0), "C023": (1, 0),
    "C026": (0, 1), "C029": (1, 2), "C030": (1, 1), "C031": (0, 1), "C032": (1, 2),
    "C036": (0, 1), "C039": (1, 2), "C040": (0, 2), "C041": (2, 4), "C043": (2, 1),
    "C045": (1, 0), "C046": (3, 1), "C047": (2, 1), "C049": (6, 3), "C056": (3, 3),
    "C057": (2, 2), "C058": (1, 2), "C059": (2, 3), "C060": (0, 1), "C063": (1, 2),
    "C064": (0, 2), "C065": (1, 1),
}


def plan_interactions():
    for customer_id, (recent, older) in ENGAGEMENT.items():
        random_contacts(customer_id, recent, older)
    # C002: exactly 6 in (D-90, D] -> HIGH; the call on D-90 is outside the window.
    contact("C002", 90, "PHONE", "OUT", "客户回访")
    contact("C002", 89, "WECHAT", "IN", "新品介绍")
    contact("C002", 60, "WECHAT", "OUT", "新品介绍")
    contact("C002", 41, "EMAIL", "OUT", "行业资讯")
    contact("C002", 30, "SURVEY", "OUT", "满意度调查", "5")
    contact("C002", 12, "PHONE", "IN", "功能咨询")
    contact("C002", 3, "VISIT", "OUT", "产品演示")
    # C005: one PRODUCT and one PRICE topic in the last 180 days -> PRODUCT (tie order).
    contact("C005", 120, "PHONE", "IN", "价格谈判")
    contact("C005", 100, "EMAIL", "OUT", "试用申请")
    # C010: unhappy survey -> UNHAPPY on top of DECLINING.
    contact("C010", 15, "SURVEY", "OUT", "满意度调查", "2")
    # C011: happy long ago, unhappy 40 days ago.
    contact("C011", 200, "SURVEY", "OUT", "满意度调查", "5")
    contact("C011", 40, "SURVEY", "IN", "售后服务跟进", "1")
    # C012: last contact 100 days ago; an OUT call dated after D is ignored.
    contact("C012", 100, "PHONE", "OUT", "客户回访")
    contact("C012", -1, "PHONE", "OUT", "客户回访")
    # C020: exactly 5 interactions in (D-90, D] -> LOW; one more on D-95.
    contact("C020", 95, "EMAIL", "OUT", "活动通知")
    for days_ago, topic in [(80, "展会邀请"), (66, "行业资讯"), (40, "报价咨询"), (20, "折扣申请"), (7, "优惠券发放")]:
        contact("C020", days_ago, "WECHAT", "OUT" if days_ago != 40 else "IN", topic)
    # C029: two answers to one survey with the same time stamp: the later row (4) wins.
    contact("C029", 30, "SURVEY", "IN", "满意度调查", "1", at=time(10, 0, 0), date_format="%Y-%m-%d %H:%M:%S")
    contact("C029", 30, "SURVEY", "IN", "满意度调查", "4", at=time(10, 0, 0), date_format="%Y-%m-%d %H:%M:%S")
    # C030: complaint survey exactly on D-180: outside (D-180, D].
    contact("C030", 180, "SURVEY", "IN", "投诉处理", "1")
    # C031: 2 then 4; a survey sent on D-5 without an answer is not a satisfaction value.
    contact("C031", 100, "SURVEY", "IN", "满意度调查", "2")
    contact("C031", 20, "SURVEY", "IN", "满意度调查", "4")
    contact("C031", 5, "SURVEY", "OUT", "满意度调查")
    # C032: a PHONE complaint with satisfaction 1 is not a survey.
    contact("C032", 60, "SURVEY", "OUT", "满意度调查", "5")
    contact("C032", 30, "PHONE", "IN", "投诉处理", "1")
    # C046: a topic with a line break inside the quoted field.
    contact("C046", 150, "WECHAT", "IN", "新品试用\n反馈")
    # C057: 2 SERVICE and 2 INFO topics in the last 180 days -> SERVICE (tie order).
    contact("C057", 170, "PHONE", "IN", "维修进度")
    contact("C057", 140, "EMAIL", "OUT", "展会邀请")
    contact("C057", 80, "PHONE", "IN", "退换货")
    contact("C057", 60, "EMAIL", "OUT", "Newsletter 十月刊")
    # C059: a topic with a comma.
    contact("C059", 33, "EMAIL", "IN", "报价单, 第二版")
    # Prospects.
    contact("C052", 10, "WECHAT", "IN", "报价咨询")
    contact("C052", 9, "WECHAT", "OUT", "报价咨询")
    contact("C053", 49, "SURVEY", "IN", "退款投诉", "1")
    contact("C054", 20, "PHONE", "IN", "功能咨询")
    contact("C055", -2, "WECHAT", "IN", "展会邀请", at=time(9, 15, 0))
    contact("C055", -3, "EMAIL", "OUT", "展会邀请")
    contact("C001", -1, "VISIT", "OUT", "产品演示")
    # Bulk mail on one day to a few customers.
    for customer_id in ["C033", "C034", "C035", "C037", "C038", "C042", "C044", "C048"]:
        contact(customer_id, 45, "DM", "OUT", "双十一促销活动", at=time(9, 0, 0), date_format="%Y-%m-%d")
    plan_revisit_interactions()


def fixed_contact(customer_id, days_ago, channel, direction, topic="", satisfaction=""):
    """An interaction with fixed values only, so it draws nothing from the random stream."""
    contact(customer_id, days_ago, channel, direction, topic, satisfaction,
            at=time(15, 0, 0), date_format="%Y-%m-%d %H:%M:%S")


def plan_revisit_interactions():
    """Interactions of the revisit customers C067-C086, all later than D-150, so the quoted newline
    (C046, D-150) stays on its line."""
    fixed_contact("C068", 20, "SURVEY", "IN", "售后服务跟进", "2")     # unhappy -> SERVICE_RECOVERY
    fixed_contact("C071", 30, "VISIT", "OUT", "客户回访")              # exactly D-30: CARE still due
    fixed_contact("C072", 29, "VISIT", "OUT", "客户回访")              # D-29: no CARE
    fixed_contact("C074", 29, "WECHAT", "IN", "产品演示")              # inquiry in (D-30, D]: CONVERT
    fixed_contact("C076", 20, "PHONE", "OUT", "客户回访")              # same day as the first order
    fixed_contact("C077", 40, "PHONE", "OUT", "新品介绍")              # before the first order (D-25)
    fixed_contact("C080", 6, "EMAIL", "OUT", "优惠券发放")             # in the cooldown (D-7, D]
    fixed_contact("C081", 7, "PHONE", "OUT", "客户回访")               # D-7: just outside the cooldown
    fixed_contact("C082", 3, "WECHAT", "IN", "报价咨询")
    fixed_contact("C082", 2, "WECHAT", "OUT", "报价咨询")              # in the cooldown: no CONVERT
    fixed_contact("C083", 30, "WECHAT", "IN", "报价咨询")              # D-30: outside (D-30, D]
    fixed_contact("C084", 90, "EMAIL", "OUT", "节日问候")              # D-90: outside (D-90, D], LAPSED


def interactions_file_lines():
    plan_interactions()
    INTERACTIONS.sort(key=lambda i: i.when)  # stable: same time stamps keep their plan order
    for number, i in enumerate(INTERACTIONS, start=1):
        i.interaction_id = f"IA{200000 + number}"
    lines = [csv_line(i.fields()) for i in INTERACTIONS]
    inserts = [
        (datetime(2025, 3, 3), "IA900001,,2025-03-02 15:00:00,PHONE,OUT,,客户回访"),            # MISSING_ID
        (datetime(2025, 12, 1), "IA900002,C041,2025-11-31 10:00:00,EMAIL,OUT,,报价咨询"),       # BAD_DATE
        (datetime(2026, 8, 10), "IA900003,C056,2026-08-09 11:20:00,WECHAT,BOTH,,优惠券发放"),   # BAD_DIRECTION
        (datetime(2026, 9, 20), "IA900004,C047,2026-09-19 18:00:00,SURVEY,IN,6,满意度调查"),    # BAD_SATISFACTION
        (datetime(2026, 10, 15), "IA900005,C049,2026-10-14 09:30:00,VISIT,OUT"),               # COLUMN_COUNT
    ]

    def position_of(when):
        for index, i in enumerate(INTERACTIONS):
            if i.when >= when:
                return index
        return len(INTERACTIONS)

    placed = sorted((position_of(when), order_, raw) for order_, (when, raw) in enumerate(inserts))
    for shift, (index, _, raw) in enumerate(placed):
        lines.insert(index + shift, raw)
    return ["interaction_id,customer_id,occurred_at,channel,direction,satisfaction,topic"] + lines


# ---------------------------------------------------------------------------------------------
# customers.csv
# ---------------------------------------------------------------------------------------------

def phone_for(c):
    if c.company and rng.random() < 0.5:
        area = {"华东": "021", "华南": "020", "华北": "010", "西南": "028"}.get(c.region, "021")
        return f"{area}-{rng.randint(60000000, 69999999)}"
    if rng.random() < 0.1:
        return ""
    return f"1{rng.choice(['38', '39', '58', '86', '35'])}{rng.randint(10000000, 99999999)}"


def email_for(c):
    if not c.slug:
        return ""
    if "@" in c.slug:
        return c.slug + ".example.com"
    return c.slug + rng.choice(["@example.com", "@example.cn"])


def created_at_for(c):
    first = min((o.when.date() for o in ORDERS if o.customer_id == c.customer_id), default=None)
    if first is None:
        first = day(rng.randint(15, 60))
    created = first - timedelta(days=rng.randint(0, 30))
    if rng.random() < 0.1:
        return ""                                   # not filled in
    return created.strftime(rng.choice(["%Y-%m-%d", "%Y-%m-%d", "%Y/%m/%d", "%Y-%m-%d %H:%M:%S"]))


def customers_file_lines():
    header = "customer_id,name,phone,email,company,industry,region,owner,preferred_channel,opt_out,created_at"
    lines = [header]
    for c in CUSTOMERS:
        if not c.in_master:
            continue
        fields = [c.customer_id, c.name, phone_for(c) if c.phone is None else c.phone, email_for(c), c.company, c.industry, c.region,
                  c.owner, c.channel, c.opt_out, created_at_for(c)]
        if c.customer_id == "C057":
            # Hand-typed into the export without quotes: the comma splits the name -> COLUMN_COUNT.
            fields[1] = "广州恒信物流有限公司,番禺分部"
            lines.append(",".join(fields))
            continue
        if c.customer_id == "C063":
            bad = list(fields)
            bad[9] = "不确定"
            lines.append(csv_line(bad))                         # BAD_OPT_OUT; the next row is used
        lines.append(csv_line(fields))
        if c.customer_id == "C020":
            lines.append(",测试客户,13800000000,,,,华东,李娜,,否,2026-01-05")   # MISSING_ID
        if c.customer_id == "C040":
            lines.append("C066,钱多多,13912345678,,,个人,华东,,,否,2025-02-29")  # BAD_DATE (not a leap year)
    # A later row for C002 with another owner: DUPLICATE_CUSTOMER, the first row wins.
    lines.append("C002,张伟,13911112222,zhangwei@example.com,,个人,华南,孙丽,PHONE,否,2024-06-01")
    return lines


# ---------------------------------------------------------------------------------------------

def write(path, lines, line_end):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(line_end.join(lines) + line_end)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)
    orders = orders_file_lines()
    interactions = interactions_file_lines()
    customers = customers_file_lines()
    write(args.output / "orders.csv", orders, "\n")
    write(args.output / "interactions.csv", interactions, "\n")
    write(args.output / "customers.csv", customers, "\r\n")
    print(f"wrote {args.output}: orders {len(orders) - 1} lines, interactions {len(interactions) - 1}, "
          f"customers {len(customers) - 1}")


if __name__ == "__main__":
    main()
