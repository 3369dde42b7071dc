#!/bin/sh
# batch.sh: build a sample tourism complaint workspace with plaint.
#
# Usage:  examples/batch.sh [DIR]          (default: examples/tourism)
#         PLAINT=target/release/plaint examples/batch.sh /tmp/x
#
# It registers a dozen complaints and walks each one through the workflow,
# with histories backdated to August–November 2026. Read it as a sample of
# scripting plaint: capturing IDs, checking exit codes, backdating events.
set -eu

# --- Setup -------------------------------------------------------------------

# The plaint binary: $PLAINT if set, else `plaint` on the PATH.
PLAINT=${PLAINT:-plaint}

# The workspace folder: $1, else examples/tourism next to this script.
WS=${1:-$(dirname "$0")/tourism}

# plaint reads its clock from PLAINT_NOW. Fixing it makes every rerun produce
# the same histories and deadlines (only the random part of the IDs differs).
# Events that happened earlier are backdated with --received and --at, or by
# setting PLAINT_NOW for one command (see `at` below).
PLAINT_NOW="2026-11-27 17:00"
export PLAINT_NOW

# Refuse to touch an existing workspace: regenerate into a fresh folder.
if [ -e "$WS/plaint.yaml" ] || [ -e "$WS/cases" ]; then
    echo "batch.sh: $WS already holds a workspace; remove it or pass another folder" >&2
    exit 1
fi

# Run plaint on our workspace. Every command takes -C DIR; --as names the
# acting officer (else $PLAINT_USER, the settings, git's user.name...).
pt() {
    "$PLAINT" -C "$WS" "$@"
}

# at WHEN ARGS...: run plaint with its clock set to WHEN. `note`, `assign` and
# `extend` have no --at flag; this is how a script backdates them. History
# must stay in order, so WHEN must follow the case's last event.
at() {
    when=$1
    shift
    PLAINT_NOW=$when "$PLAINT" -C "$WS" "$@"
}

# Create the workspace: tourism preset (旅游投诉处理办法 states, categories,
# rejection reasons and deadline rules), the PRC holiday calendar, Chinese labels.
"$PLAINT" init "$WS" --preset tourism --language zh
# The 60-day limit (art. 25) provides no pause: whether a suspension stops
# it is the office's decision, written in plaint.yaml (see `plaint policy`).
cat >> "$WS/plaint.yaml" <<'EOF'
policy:
  # The 60-day limit (art. 25) provides no pause; this office decided that
  # a suspension while goods are appraised stops its clock.
  suspension_pauses: [resolution]
EOF

# --- 1. 西安: guide conduct, mediated (resolved) ------------------------------

# `register` prints only the new ID on stdout, so $(...) captures it. Under
# `set -e` a failed registration stops the script here: the exit status of
# `id=$(...)` is that of the command inside.
id=$(pt register --as 李明 \
    --title "导游因游客未购物当众辱骂游客" \
    --received "2026-08-11 09:20" --channel phone \
    --complainant 马俊 --phone 13991230011 --address "陕西省宝鸡市渭滨区经二路" \
    --respondent "西安某旅行社有限公司" --location "陕西省西安市雁塔区" --department 导游部 \
    --category guide --contract-end 2026-08-08 \
    --demands "要求旅行社书面道歉，并赔偿每人 500 元，共 1,500 元（3人）。" \
    --facts "2026年8月6日至8日参加西安三日游（兵马俑、华清宫、大雁塔），团费每人 1,280 元。
8月7日下午在临潼某玉器店，因投诉人一家三口未购物，导游当众用侮辱性语言指责，并拒绝安排返程座位。
同团游客有录音为证。")
echo "registered $id"

pt advance "$id" accepted --as 李明 --at "2026-08-12 10:00"
# Milestones stop and start deadline clocks: notifying the respondent stops
# `notify-respondent` and starts the 10-day `respondent-reply` rule.
pt mark "$id" respondent-notified --as 李明 --at "2026-08-13 15:00" \
    --note "已向被投诉旅行社送达受理通知书及投诉书副本"
pt advance "$id" investigating --as 李明 --at "2026-08-14 09:30"
pt mark "$id" respondent-replied --as 李明 --at "2026-08-20 11:00" \
    --note "旅行社书面答复：承认导游言语不当，已暂停其带团资格"
pt advance "$id" mediating --as 李明 --at "2026-08-24 14:00"
# `resolved` requires an outcome code (mediated, settled, mediation-terminated, decided).
pt advance "$id" resolved --outcome mediated --as 李明 --at "2026-09-03 16:00" \
    --note "达成调解协议：旅行社书面道歉，赔偿每人 300 元，共 900 元"

# --- 2. 桂林: Li River cruise, foreign tourists, reassigned, closed -----------

# Fields the flags do not cover (nationality, an agent, several contacts) come
# from a YAML document: --from - reads it from stdin.
id=$(pt register --as 李明 --from - <<'EOF'
title: Li River cruise downgraded from a four-star boat
received: 2026-08-18 10:05
channel: email
complainants:
  - {name: Hans Müller, gender: male, nationality: Germany, email: hans.mueller@example.de, phone: "+49 171 5550123"}
  - {name: Petra Müller, gender: female, nationality: Germany}
agent: {name: 李娜, contact: "13877310088", scope: 翻译，代为提交投诉材料并参加调解}
respondent: {name: 桂林某旅游客运有限公司, location: 广西壮族自治区桂林市临桂区, department: 漓江游船部}
category: transport
tags: [foreign]
contract_end: 2026-08-15
demands: "Refund of the price difference between the four-star and the standard boat: 2 × 450 CNY = 900 CNY."
facts: |
  We booked the four-star Li River cruise from Guilin to Yangshuo for 15 August 2026
  (2 × 850 CNY) and were put on a standard boat without notice or explanation.
  Lunch was not served and the English commentary promised in the booking was missing.
EOF
)
echo "registered $id"

# Hand the case over; the history keeps every handover.
at "2026-08-18 14:30" assign "$id" 王芳 --as 李明
at "2026-08-18 14:31" note "$id" "涉外投诉，转由王芳承办（可用英语沟通）" --as 李明
pt advance "$id" accepted --as 王芳 --at "2026-08-19 09:30"
pt mark "$id" respondent-notified --as 王芳 --at "2026-08-19 15:00"
pt advance "$id" investigating --as 王芳 --at "2026-08-20 09:00"
pt mark "$id" respondent-replied --as 王芳 --at "2026-08-27 10:00" \
    --note "游船公司答复：当日四星游船故障临时调换，承认未提前告知游客"
pt advance "$id" resolved --outcome settled --as 王芳 --at "2026-09-08 11:00" \
    --note "双方和解：游船公司退还差价每人 450 元，共 900 元，已银行转账"
pt advance "$id" closed --as 王芳 --at "2026-09-15 10:00" \
    --note "回访：投诉人邮件确认已收到退款，表示满意"

# --- 3. 丽江: catering, filed too late, rejected -----------------------------

# plaint warns on stderr that this complaint came more than 90 days after the
# contract ended; the registration itself succeeds.
id=$(pt register --as 陈静 \
    --title "团餐标准与合同约定不符" \
    --received "2026-08-24 15:30" --channel letter \
    --complainant 何静怡 --phone 13577210456 --address "云南省昆明市五华区青年路" \
    --respondent "丽江某旅行社有限公司" --location "云南省丽江市古城区" \
    --category catering --contract-end 2026-05-03 \
    --demands "退还餐费差价每人 200 元，共 400 元（2人）。" \
    --facts "2026年4月29日至5月3日参加丽江、大理五日游，合同约定正餐十菜一汤。
实际多数正餐仅六菜一汤，5月1日、2日两餐未安排。")
echo "registered $id"

# Exit codes: 0 success, 1 refused or bad input, 2 usage error. A refusal is an
# outcome a script can test for. Under `set -e` a failing command would end the
# script, so catch the status with `|| rc=$?`. Accepting this complaint is
# refused (filing time limit, art. 9) unless --force is given.
rc=0
pt advance "$id" accepted --as 陈静 --at "2026-08-25 09:40" 2>/dev/null || rc=$?
if [ "$rc" -ne 1 ]; then
    echo "batch.sh: expected plaint to refuse a time-barred acceptance (exit 1), got exit $rc" >&2
    exit 1
fi
# So it is rejected, with a reason code from the policy.
pt advance "$id" rejected --reason time-barred --as 陈静 --at "2026-08-25 10:00" \
    --note "距旅游合同结束已逾90日，不予受理；已书面告知投诉人可依法向人民法院起诉"

# --- 4. 阳朔: hotel, settled directly, withdrawn -----------------------------

id=$(pt register --as 王芳 \
    --title "酒店房间卫生差且拒绝换房" \
    --received "2026-09-14 11:00" --channel hotline \
    --complainant 郑凯 --phone 15177330987 \
    --respondent "阳朔某度假酒店" --location "广西壮族自治区桂林市阳朔县" --department 前厅部 \
    --category accommodation --contract-end 2026-09-12 \
    --demands "退还两晚房费 1,176 元。" \
    --facts "9月10日至12日入住，预订的是河景大床房。
床单有污渍、空调漏水，多次要求换房均被前台拒绝。")
echo "registered $id"

pt advance "$id" accepted --as 王芳 --at "2026-09-15 09:30"
pt mark "$id" respondent-notified --as 王芳 --at "2026-09-16 10:00"
pt advance "$id" withdrawn --as 王芳 --at "2026-09-22 16:00" \
    --note "酒店已全额退还房费 1,176 元，投诉人来电申请撤回投诉"

# --- 5. 丽江: 玉龙雪山 cable-car tickets, mediation failed, closed ------------

id=$(pt register --as 陈静 \
    --title "代订玉龙雪山大索道票无法使用且拒不退款" \
    --received "2026-09-22 09:45" --channel online \
    --complainant 林志远 --phone 18687650321 \
    --respondent "丽江某旅游服务有限公司" --location "云南省丽江市古城区" \
    --category ticketing --contract-end 2026-09-19 \
    --demands "退还冰川大索道票款每人 180 元及代订服务费 60 元，共 420 元。" \
    --facts "9月18日通过被投诉公司代订玉龙雪山冰川大索道票两张。
到景区后闸机无法识别订单，只能改乘云杉坪索道。
公司称已出票，系投诉人错过预约时段，拒绝退款。")
echo "registered $id"

pt advance "$id" accepted --as 陈静 --at "2026-09-24 10:00"
pt mark "$id" respondent-notified --as 陈静 --at "2026-09-28 11:00"
pt advance "$id" investigating --as 陈静 --at "2026-09-29 09:00"
pt mark "$id" respondent-replied --as 陈静 --at "2026-10-08 15:00" \
    --note "被投诉公司答复：同意退还服务费，不同意退还索道票款"
pt advance "$id" mediating --as 陈静 --at "2026-10-12 10:00"
pt advance "$id" resolved --outcome mediation-terminated --as 陈静 --at "2026-10-30 16:00" \
    --note "被投诉公司拒绝调解方案，终止调解；已告知投诉人可申请仲裁或向人民法院起诉"
pt advance "$id" closed --as 陈静 --at "2026-11-06 10:00"

# --- 6. 张家界: joint complaint (5 complainants), mediating, extended ---------

# Four or more complainants with the same cause make a joint complaint, which
# names one to three representatives: indexes into the complainants list.
id=$(pt register --as 李明 --from - <<'EOF'
title: 国庆团擅自取消天门山行程改为购物
received: 2026-10-09 10:15
channel: visit
priority: important
complainants:
  - {name: 赵建国, gender: male, phone: "13907310001", address: 湖南省长沙市岳麓区麓山南路}
  - {name: 钱秀英, gender: female, phone: "13907310002"}
  - {name: 孙志强, gender: male, phone: "13907310003"}
  - {name: 周丽华, gender: female, phone: "13907310004"}
  - {name: 吴海涛, gender: male, phone: "13907310005"}
representatives: [0, 1]
respondent: {name: 张家界某国际旅行社有限公司, location: 湖南省张家界市永定区, department: 地接部}
category: itinerary
tags: [joint, golden-week]
contract_end: 2026-10-05
demands: |
  1. 退还天门山景区门票及索道费用每人 278 元，共 1,390 元；
  2. 按合同约定支付违约金每人 300 元，共 1,500 元。
facts: |
  2026年10月2日至5日参加张家界四日游，团费每人 1,680 元。
  10月3日导游以"索道检修"为由取消天门山行程，改去两家土特产店，停留四小时。
  游客当场提出异议，导游称"不去购物就不安排返程车"。
EOF
)
echo "registered $id"

pt advance "$id" accepted --as 李明 --at "2026-10-12 09:30"
pt mark "$id" respondent-notified --as 李明 --at "2026-10-13 10:00"
pt advance "$id" investigating --as 李明 --at "2026-10-14 09:00"
pt mark "$id" respondent-replied --as 李明 --at "2026-10-21 14:00" \
    --note "旅行社答复称索道临时停运，属不可抗力"
at "2026-10-27 11:00" note "$id" "经向天门山景区核实，10月3日索道正常运营，旅行社所述不实" --as 李明
pt advance "$id" mediating --as 李明 --at "2026-11-05 14:30"
# Art. 25 allows no extension of the 60 days, so `extend` refuses; --force
# records the override, which `report` counts apart.
at "2026-11-25 10:00" extend "$id" resolution --by 10 --unit days --as 李明 --force \
    --reason "双方对赔偿金额分歧较大，投诉人代表申请延长调解期限"

# --- 7. 桂林: forced shopping, investigating ---------------------------------

id=$(pt register --as 王芳 \
    --title "导游强迫进店购买玉器" \
    --received "2026-10-19 14:30" --channel phone --priority important \
    --complainant 陈晓东 --phone 13602881234 --address "广东省广州市天河区体育西路" \
    --respondent "桂林某国际旅行社有限公司" --location "广西壮族自治区桂林市秀峰区" \
    --category shopping --contract-end 2026-10-17 \
    --demands "退货并退还购物款 6,800 元，赔偿违约金 500 元。" \
    --facts "10月14日至17日参加桂林、阳朔四日游，团费每人 899 元。
10月16日导游将全团带至某玉器店停留三小时，声称\"不买不走\"，并锁闭大巴车门。
投诉人被迫购买手镯一只，价格 6,800 元。")
echo "registered $id"

pt advance "$id" accepted --as 王芳 --at "2026-10-21 10:00"
pt mark "$id" respondent-notified --as 王芳 --at "2026-10-22 15:00"
pt advance "$id" investigating --as 王芳 --at "2026-10-26 09:00"
pt mark "$id" respondent-replied --as 王芳 --at "2026-10-30 16:00" \
    --note "旅行社答复：购物系游客自愿，导游未强迫"
at "2026-11-10 10:30" note "$id" "已调取购物店监控录像及大巴行车记录，约谈同团游客 3 人" --as 王芳

# --- 8. 三亚: pearl necklace, suspended pending appraisal ---------------------

id=$(pt register --as 陈静 \
    --title "购买的天然珍珠项链疑为仿制品" \
    --received "2026-10-26 09:10" --channel online \
    --complainant 吴婷 --phone 13876540987 --address "四川省成都市武侯区人民南路" \
    --respondent "三亚某珠宝有限公司" --location "海南省三亚市吉阳区" \
    --category shopping --contract-end 2026-10-24 \
    --demands "退还货款 12,600 元，并按价款三倍赔偿。" \
    --facts "10月21日至24日参加三亚四日游，导游在车上反复动员，并将全团带至行程安排的购物店推销\"天然海水珍珠\"项链。
投诉人以 12,600 元购买一条，回家后送检，初步结论为贝壳珠仿制品。")
echo "registered $id"

pt advance "$id" accepted --as 陈静 --at "2026-10-27 10:00"
pt mark "$id" respondent-notified --as 陈静 --at "2026-10-28 11:00"
pt advance "$id" investigating --as 陈静 --at "2026-11-02 09:30"
pt mark "$id" respondent-replied --as 陈静 --at "2026-11-04 10:00" \
    --note "被投诉公司答复：商品为天然海水珍珠，附有鉴定证书"
# While suspended the 60-day resolution clock is paused; advancing to the
# previous state later resumes it.
pt advance "$id" suspended --as 陈静 --at "2026-11-06 15:00" \
    --note "双方对珍珠真伪各执一词，已委托省级珠宝玉石质量监督检验机构鉴定，鉴定期间中止办理"

# --- 9. 张家界: taxi fare, transferred ---------------------------------------

id=$(pt register --as 李明 \
    --title "出租车拒绝打表一口价收费" \
    --received "2026-11-02 16:20" --channel hotline \
    --complainant 黄伟 --phone 13312345678 \
    --respondent "张家界某出租汽车有限公司" --location "湖南省张家界市永定区" \
    --category transport --contract-end 2026-11-01 \
    --demands "退还多收车费 150 元。" \
    --facts "11月1日晚从张家界荷花国际机场打车至武陵源区酒店，司机拒绝打表，一口价 280 元。
次日向酒店询问，正常打表约 130 元。")
echo "registered $id"

# `transferred` requires --to: the authority that takes the case over.
pt advance "$id" transferred --to "张家界市交通运输局" --as 李明 --at "2026-11-03 10:00" \
    --note "出租车营运纠纷由交通运输主管部门管辖，已移送并告知投诉人"

# --- 10. 西安: cancelled show, foreign tourist, respondent's reply overdue ----

# With --json, register prints the whole case (deadlines included) instead of
# the bare ID. jq -r .id is the robust way to read it; sed keeps this sample
# free of dependencies (top-level keys are indented by two spaces).
json=$(pt --json register --as 王芳 --from - <<'EOF'
title: Refund refused for a cancelled evening show (长恨歌)
received: 2026-11-09 10:30
channel: email
complainants:
  - {name: Sarah Thompson, gender: female, nationality: Australia, email: sarah.thompson@example.com.au, phone: "+61 412 555 019"}
respondent: {name: 西安某文化旅游服务有限公司, location: 陕西省西安市新城区}
category: ticketing
tags: [foreign]
contract_end: 2026-11-06
demands: "Refund of two tickets: 2 × 688 CNY = 1,376 CNY."
facts: |
  I bought two tickets for the evening show at Huaqing Palace on 6 November 2026
  through the agency's website. The show was cancelled because of rain.
  The agency says the tickets are non-refundable and stopped answering my e-mails.
EOF
)
id=$(printf '%s\n' "$json" | sed -n 's/^  "id": "\([^"]*\)".*/\1/p')
[ -n "$id" ] || { echo "batch.sh: no id in the register output" >&2; exit 1; }
echo "registered $id"

pt advance "$id" accepted --as 王芳 --at "2026-11-10 09:30"
pt mark "$id" respondent-notified --as 王芳 --at "2026-11-11 10:00"
pt advance "$id" investigating --as 王芳 --at "2026-11-12 09:00"
at "2026-11-24 10:00" note "$id" "被投诉者逾期未提交书面答复，已电话催告" --as 王芳

# --- 11. 丽江: guesthouse booking, foreign tourist, accepted ------------------

id=$(pt register --as 陈静 --from - <<'EOF'
title: Guesthouse cancelled a prepaid booking on arrival
received: 2026-11-20 20:40
channel: email
complainants:
  - {name: Emily Carter, gender: female, nationality: United Kingdom, email: emily.carter@example.co.uk}
respondent: {name: 丽江古城某客栈, location: 云南省丽江市古城区}
category: accommodation
tags: [foreign]
contract_end: 2026-11-18
demands: "Refund of the prepaid deposit (1,200 CNY) and the extra cost of another hotel (860 CNY): 2,060 CNY in total."
facts: |
  I prepaid a deposit of 1,200 CNY for three nights (15–18 November 2026).
  On arrival at 22:00 the owner said the room had been given to someone else
  and offered no alternative. I had to pay 860 CNY more for another hotel.
EOF
)
echo "registered $id"

pt advance "$id" accepted --as 陈静 --at "2026-11-24 10:00"

# --- 12. 西安: one-day tour hidden fees, received, acceptance overdue ---------

id=$(pt register --as 李明 \
    --title "东线一日游隐性收费" \
    --received "2026-11-17 10:40" --channel phone \
    --complainant 邓磊 --phone 13709871234 \
    --respondent "西安某旅游服务部" --location "陕西省西安市莲湖区" \
    --category contract --contract-end 2026-11-15 \
    --demands "退还额外收取的讲解费和电瓶车费每人 150 元，共 450 元（3人）。" \
    --facts "11月15日报名参加兵马俑、华清宫东线一日游，宣传称\"全包价 199 元\"。
途中被要求另交讲解费和电瓶车费每人 150 元，不交则不能随团参观。")
echo "registered $id"

at "2026-11-19 10:00" note "$id" "已电话联系投诉人补充付款凭证，收到后决定是否受理" --as 李明

# --- 13. 三亚: sea-view room, just received ---------------------------------

id=$(pt register --as 陈静 \
    --title "预订海景房被安排为园景房" \
    --received "2026-11-26 14:20" --channel online \
    --complainant 刘洋 --phone 18907551234 --address "广东省深圳市南山区科技园" \
    --respondent "三亚某海景酒店" --location "海南省三亚市海棠区" \
    --category accommodation --contract-end 2026-11-25 \
    --demands "退还房价差额每晚 680 元，共 2,040 元。" \
    --facts "通过酒店官网预订海景房三晚（11月22日至25日）。
入住时被告知海景房已满，安排为园景房，未退差价。")
echo "registered $id"

echo "done: $(pt list --format ids | wc -l | tr -d ' ') cases in $WS"
