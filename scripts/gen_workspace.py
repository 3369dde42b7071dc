#!/usr/bin/env python3
"""Generate a plaint workspace of N synthetic tourism cases for benchmarks.

Usage: gen_workspace.py DIR N [--seed S] [--crowd] [--preset P]
                          [--calendar C] [--office CODE]

Each case has Chinese text and 3-8 history events, spread over 2024-2026,
written in the exact format plaint writes. The folder must not exist.

--preset: tourism (default), hospital, procurement or generic: the
categories, reasons and outcomes are the preset's, the workflow its states.
Some cases are imported past their first state, some have a follow-up
answer, some a forced extension (figures of every kind for `report`).
--calendar: cn (default) or weekends. --office: the office code written
into plaint.yaml (`office: {code: ...}`).

--crowd: the repeat-heavy workload. Complainants have one of four names and
no phone, respondents are one of three agencies, so each name-and-respondent
group holds about N/12 cases (callers who give a common name, against a few
large agencies).
"""
import datetime
import os
import random
import sys

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"]
AGENCIES = ["桂林阳光旅行社", "丽江古城国际旅行社", "三亚椰风旅行社", "张家界山水旅游公司", "西安丝路旅行社",
            "黄山云海旅游有限公司", "九寨沟风景区管理局", "厦门鼓浪屿客栈"]
CATEGORIES = ["itinerary", "shopping", "guide", "accommodation", "transport", "catering", "ticketing", "contract"]
OFFICERS = ["王芳", "李明", "陈静", "赵磊"]
FLOWS = [
    ["accepted", "investigating", "mediating", "resolved", "closed"],
    ["accepted", "investigating", "resolved"],
    ["rejected"],
    ["transferred"],
    ["accepted", "mediating"],
    ["accepted"],
    [],
]


CROWD_NAMES = ["王伟", "李娜", "张敏", "刘洋"]

# What differs between presets: (categories, rejection reasons, outcomes, flows).
PRESETS = {
    "tourism": (CATEGORIES, ["outside-jurisdiction", "time-barred", "incomplete"],
                ["mediated", "settled", "decided"], FLOWS),
    "hospital": (["treatment", "attitude", "fees", "waiting", "records"],
                 ["handled-elsewhere", "outside-jurisdiction", "incomplete"],
                 ["explained", "mediated", "compensated"], FLOWS),
    "generic": ([], ["duplicate", "outside-jurisdiction", "incomplete"],
                ["upheld", "partly-upheld", "not-upheld"], FLOWS),
    "procurement": (["documents", "process", "award"], ["not-qualified", "outside-jurisdiction"],
                    ["dismissed", "upheld-amend", "terminated"],
                    [["accepted", "investigating", "resolved", "closed"], ["accepted", "investigating", "resolved"],
                     ["rejected"], ["transferred"], ["accepted", "investigating"], ["accepted"], []]),
}
SATISFACTION = ["very-satisfied", "satisfied", "neutral", "dissatisfied", "unreachable", "declined"]
# The deadline rule an extension is recorded on, per preset.
EXTENDED_RULE = {"tourism": "resolution", "hospital": "resolution", "generic": "resolution",
                 "procurement": "decision"}


def case_text(rng, cid, year, month, day, crowd=False, preset="tourism"):
    categories, reasons, outcomes, flows = PRESETS[preset]
    hour = rng.randint(8, 17)
    received = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:00:00+08:00"
    name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(["", rng.choice(GIVEN)])
    agency = rng.choice(AGENCIES)
    if crowd:
        name, agency = rng.choice(CROWD_NAMES), rng.choice(AGENCIES[:3])
    officer = rng.choice(OFFICERS)
    flow = rng.choice(flows)
    lines = [
        "schema: 1",
        f"id: {cid}",
        f"title: {agency}导游擅自变更行程",
        f"received: {received}",
        "channel: " + rng.choice(["phone", "hotline", "online", "letter", "visit"]),
        "complainants:",
        f"- name: {name}",
    ]
    phone = rng.randint(100000000, 999999999)
    if not crowd:
        lines.append(f"  phone: '13{phone}'")
    lines += [
        "respondent:",
        f"  name: {agency}",
        "priority: normal",
        f"demands: 退还团费 {rng.randint(5, 90) * 100} 元并赔礼道歉",
        "facts: |-",
        f"  {month}月{day}日参团出游，导游未经同意取消两个景点，",
        "  并安排进入购物店停留两小时，不购物不让离开。",
        f"assignee: {officer}",
    ]
    if categories:
        lines.insert(lines.index("priority: normal"), "category: " + rng.choice(categories))
    status = flow[-1] if flow else "received"
    lines.append(f"status: {status}")
    outcome = rng.choice(outcomes)
    if status in ("resolved", "closed"):
        lines.append(f"outcome: {outcome}")
    answer = rng.choice(SATISFACTION) if status in ("resolved", "closed") and rng.random() < 0.6 else None
    if answer:
        lines.append(f"satisfaction: {answer}")
    lines.append("history:")
    imported = bool(flow) and rng.random() < 0.1
    prev = "received"
    if imported:
        # Imported past its first state: the rules started before the
        # import are not tracked.
        events = [f"- at: {received}\n  by: {officer}\n  action: imported\n  to: {flow[0]}"]
        prev, flow = flow[0], flow[1:]
    else:
        events = [f"- at: {received}\n  by: {officer}\n  action: registered"]
    moment = datetime.datetime(year, month, day, hour, 0)
    for state in flow:
        moment += datetime.timedelta(days=1, minutes=7)
        at = moment.strftime("%Y-%m-%dT%H:%M:00+08:00")
        extra = ""
        if state == "rejected":
            extra = "\n  reason: " + rng.choice(reasons)
        elif state == "transferred":
            extra = "\n  transfer_to: 市场监督管理局"
        elif state == "resolved":
            extra = f"\n  outcome: {outcome}"
        events.append(f"- at: {at}\n  by: {officer}\n  action: status\n  from: {prev}\n  to: {state}{extra}")
        if state == "investigating" and rng.random() < 0.15:
            # An extension beyond what the source allows, forced.
            moment += datetime.timedelta(minutes=3)
            events.append(f"- at: {moment.strftime('%Y-%m-%dT%H:%M:00+08:00')}\n  by: {officer}\n"
                          f"  action: extended\n  forced:\n  - non-extendable\n"
                          f"  rule: {EXTENDED_RULE[preset]}\n  amount: 10\n  unit: workdays\n  reason: 案情复杂")
        prev = state
    while len(events) < 3 or (len(events) < 8 and rng.random() < 0.4):
        moment += datetime.timedelta(hours=5)
        at = moment.strftime("%Y-%m-%dT%H:%M:00+08:00")
        events.append(f"- at: {at}\n  by: {officer}\n  action: note\n  note: 已电话联系投诉人，说明办理进度。")
    if answer:
        moment += datetime.timedelta(days=3)
        events.append(f"- at: {moment.strftime('%Y-%m-%dT%H:%M:00+08:00')}\n  by: {officer}\n"
                      f"  action: followup\n  satisfaction: {answer}")
    return "\n".join(lines) + "\n" + "\n".join(events) + "\n"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    args = sys.argv[1:]
    crowd = "--crowd" in args
    args = [a for a in args if a != "--crowd"]
    opts = {"--seed": "7", "--preset": "tourism", "--calendar": "cn", "--office": None}
    positional = []
    while args:
        a = args.pop(0)
        if a in opts and args:
            opts[a] = args.pop(0)
        else:
            positional.append(a)
    if len(positional) != 2 or opts["--preset"] not in PRESETS:
        sys.exit(__doc__)
    root, n = positional[0], int(positional[1])
    preset = opts["--preset"]
    rng = random.Random(int(opts["--seed"]))
    if os.path.exists(root):
        sys.exit(f"{root} exists; give a new folder")
    os.makedirs(root)
    with open(os.path.join(root, "plaint.yaml"), "w") as f:
        f.write(f"preset: {preset}\ncalendar: {opts['--calendar']}\ntimezone: \"+08:00\"\nlanguage: zh\n")
        if opts["--office"]:
            f.write(f"office:\n  code: {opts['--office']}\n")
    seen = set()
    for _ in range(n):
        year = rng.choice([2024, 2025, 2026])
        # no case received after the benchmark's "today", 2026-11-27
        month, day = rng.randint(1, 12 if year < 2026 else 10), rng.randint(1, 28)
        while True:
            cid = f"{year:04d}{month:02d}{day:02d}-" + "".join(rng.choice(ALPHABET) for _ in range(5))
            if cid not in seen:
                seen.add(cid)
                break
        folder = os.path.join(root, "cases", f"{year:04d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, cid + ".yaml"), "w") as f:
            f.write(case_text(rng, cid, year, month, day, crowd, preset))


if __name__ == "__main__":
    main()
