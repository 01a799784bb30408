import type { Scenario, Step } from "./builder";
import { fakeIdNumber, t } from "./builder";
import type { DayMapper, SeedClock } from "./clock";
import { zhDate } from "./clock";
import type { Org } from "./organisation";
import type { FollowUpConclusion, FollowUpDisposition } from "~/domain/recommendation/follow-up";
import type { AnswerStatus } from "~/domain/recommendation/reply";
import type { RecommendationStatus, ReplyPeriod, ServiceMethod } from "~/domain/recommendation/states";

// 桂阳 cases of the seed year at every stage, so that screens, queues and countdowns are live on
// the day the database is seeded. The story is written around 2026-11-26 (ANCHOR_DAY in clock.ts)
// and every date below goes through the clock, which moves it to the seed day by working days
// (`G`, or `U` / `R` for the two cases whose reply countdowns are computed from the seed day):
// a filed case whose 立案决定书 is not yet served, an urgent fifteen-day reply due in one to three
// days, a two-month reply already overdue, a suspended case, a pre-suit review, pending approvals,
// and a public hearing a few working days ahead, open to observers, with the demo panelist on it.

export const RECENT_HEARING_TITLE = "舂陵江桂阳段畜禽养殖废水污染问题公开听证";

type ClueDef = {
  key: string;
  source: string;
  receivedOn: string;
  summary: string;
  field: string;
  location: string;
  informant?: { name: string; phone: string; birth: string; seq: number };
  status: "registered" | "evaluating" | "filed" | "not_filed";
  evaluation?: string;
  assignee?: "prosecutor" | "prosecutor2";
};

type Moved = (local: string) => string;

const clueDefs = (G: Moved, U: Moved, R: Moved): ClueDef[] => [
  {
    key: "suspended",
    source: "deputy",
    receivedOn: G("2026-02-20"),
    summary: "县人大代表转交群众反映：舂陵江桂阳段部分河段存在夜间非法采砂，河床下切、岸坡垮塌。",
    field: "ecology",
    location: "舂陵江桂阳段",
    status: "filed",
    evaluation: "经初步调查，非法采砂导致岸坡受损属实，县水利局负有河道采砂监管职责，建议立案。",
    assignee: "prosecutor2",
  },
  {
    key: "notFiled",
    source: "report",
    receivedOn: G("2026-03-02"),
    summary: "群众反映：部分村组田间地头丢弃农药包装废弃物，无人回收。",
    field: "ecology",
    location: "桂阳县太和镇",
    informant: { name: "彭建军", phone: "13874591206", birth: "1971-06-09", seq: 57 },
    status: "not_filed",
    evaluation: `经初步调查，县农业农村局已于${zhMonth(G("2026-02-16"))}部署农药包装废弃物回收专项行动并设置回收点，问题已基本解决，建议不立案。`,
    assignee: "prosecutor2",
  },
  {
    key: "presuit",
    source: "volunteer",
    receivedOn: G("2026-03-15"),
    summary: "“益心为公”志愿者反映：太和镇污水处理厂建成后长期未正常运行，集镇生活污水经排水沟直排入河。",
    field: "ecology",
    location: "桂阳县太和镇",
    informant: { name: "黄子涵", phone: "18173520468", birth: "1996-08-21", seq: 42 },
    status: "filed",
    evaluation: "经现场查看，污水处理厂进水量极低，集镇污水直排属实，县住建局负有城镇污水处理设施运行监管职责，建议立案。",
    assignee: "prosecutor",
  },
  {
    key: "recommending",
    source: "own_case",
    receivedOn: G("2026-06-10"),
    summary: "本院在办理其他案件中，经数据比对发现：部分已死亡人员仍在领取城乡居民基本养老保险待遇。",
    field: "state_property",
    location: "桂阳县",
    status: "filed",
    evaluation: "经比对，2021年以来有37名已死亡人员被继续发放养老保险待遇，共计41.6万元未追回，建议立案。",
    assignee: "prosecutor2",
  },
  {
    key: "rectification",
    source: "referral",
    receivedOn: R("2026-07-20"),
    summary: "县审计局移送：3宗国有建设用地使用权出让后，竞得人未按合同约定缴清土地出让金。",
    field: "land_grant",
    location: "桂阳县",
    status: "filed",
    evaluation: "经调取出让合同和缴款记录，欠缴出让金2860万元属实，县自然资源局未依法催缴，建议立案。",
    assignee: "prosecutor",
  },
  {
    key: "investigating",
    source: "platform",
    receivedOn: G("2026-08-18"),
    summary: "检察公益诉讼线索平台推送：舂陵江桂阳段支流沿岸多家生猪养殖场养殖废水未经处理直排，河水发黑发臭。",
    field: "ecology",
    location: "舂陵江桂阳段支流沿岸",
    status: "filed",
    evaluation: "经现场查看，养殖废水直排属实，郴州市生态环境局桂阳分局负有监管职责，建议立案。",
    assignee: "prosecutor",
  },
  {
    key: "urgent",
    source: "media",
    receivedOn: U("2026-10-28"),
    summary: "地方媒体报道：县城部分餐饮店使用过期液化石油气钢瓶，未安装可燃气体报警装置，存在重大安全隐患。",
    field: "safety",
    location: "桂阳县城区",
    status: "filed",
    evaluation: "经随机抽查城区20家餐饮店，7家存在使用过期钢瓶、未安装报警装置问题，隐患紧迫，建议立案。",
    assignee: "prosecutor",
  },
  {
    key: "filed",
    source: "report",
    receivedOn: G("2026-11-05"),
    summary: "学生家长反映：县城多所中小学校周边小卖部销售无中文标签、超过保质期的辣条等“三无”食品。",
    field: "food_drug",
    location: "桂阳县城区中小学校周边",
    informant: { name: "刘思琪", phone: "13975539217", birth: "1988-12-02", seq: 66 },
    status: "filed",
    evaluation: "经对城区6所学校周边小卖部暗访，发现4家销售“三无”及过期食品，县市场监管局负有监管职责，建议立案。",
    assignee: "prosecutor",
  },
  {
    key: "evaluation",
    source: "deputy",
    receivedOn: G("2026-11-06"),
    summary: "县人大代表转交：正和镇阳山村古建筑群部分古民居年久失修，屋面坍塌、墙体开裂，存在损毁风险。",
    field: "heritage",
    location: "桂阳县正和镇阳山村",
    status: "evaluating",
    assignee: "prosecutor",
  },
  {
    key: "evaluatingClue",
    source: "platform",
    receivedOn: G("2026-11-10"),
    summary: "平台推送：县城部分校外托管机构自办食堂，未取得食品经营许可。",
    field: "food_drug",
    location: "桂阳县龙潭街道、鹿峰街道",
    status: "evaluating",
    assignee: "prosecutor2",
  },
  {
    key: "registeredClue",
    source: "report",
    receivedOn: G("2026-11-24"),
    summary: "群众举报：欧阳海水库库区近期夜间有人电鱼，破坏渔业资源。",
    field: "ecology",
    location: "桂阳县欧阳海镇欧阳海水库库区",
    informant: { name: "曾庆福", phone: "13787359014", birth: "1965-01-27", seq: 13 },
    status: "registered",
  },
];

export async function seedRecent(s: Scenario, org: Org, clock: SeedClock) {
  const { tx } = s;
  const Y = clock.year;
  // The story's dates, moved to the seed day (see clock.ts). G: everything but the two cases below.
  const G = (local: string) => clock.local(local);
  // U: the urgent case, around the service of its recommendation, whose 15-day reply falls due one
  // to three days after the seed day (两高解释 Art 21).
  const urgentServedOn = clock.lastTriggerFor("agency_reply_urgent", 1, 3);
  const mapU: DayMapper = clock.around("2026-11-16", urgentServedOn);
  const U = (local: string) => clock.local(local, mapU);
  // R: the land-grant case, whose two-month reply (两高解释 Art 21) is two to seven days overdue.
  const landServedOn = clock.lastTriggerFor("agency_reply", -7, -2);
  const mapR: DayMapper = clock.around("2026-10-12", landServedOn);
  const R = (local: string) => clock.local(local, mapR);
  const g = org.guiyang.id;
  const { prosecutor, prosecutor2, assistant, clerk, chief, head } = org.users;
  const leads = { prosecutor, prosecutor2 };
  const team = (lead: { id: string }) => [
    { userId: lead.id, role: "lead" as const },
    { userId: assistant.id, role: "assistant" as const },
    { userId: clerk.id, role: "clerk" as const },
  ];

  // ── clues, numbered in order of receipt ──
  const clues = new Map<string, string>();
  const sorted = [...clueDefs(G, U, R)].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  for (const [i, c] of sorted.entries()) {
    const row = await tx.clue.create({
      data: {
        procuratorateId: g,
        number: `${Y}-线索-${String(i + 1).padStart(3, "0")}`,
        source: c.source,
        receivedOn: c.receivedOn,
        summary: c.summary,
        field: c.field,
        location: c.location,
        informantName: c.informant?.name ?? null,
        informantPhone: c.informant?.phone ?? null,
        informantIdNumber: c.informant ? fakeIdNumber("431021", c.informant.birth, c.informant.seq) : null,
        status: c.status,
        evaluation: c.evaluation ?? null,
        registeredById: assistant.id,
        assigneeId: c.assignee ? leads[c.assignee].id : null,
        createdAt: t(`${c.receivedOn} 10:30`),
      },
    });
    clues.set(c.key, row.id);
    s.audit({
      procuratorateId: g,
      actorId: assistant.id,
      action: "clue.register",
      entityType: "Clue",
      entityId: row.id,
      data: { number: row.number, source: row.source },
      at: row.createdAt,
    });
  }
  const clue = (key: string) => clues.get(key) ?? null;
  const photoOrg = org.guiyang.name;
  // The case's prosecutor and the assistant collect together (规则 Art 36).
  const evidenceBase = (caseId: string, lead: { id: string }) => ({
    procuratorateId: g,
    caseId,
    collectorIds: [lead.id, assistant.id],
    createdById: assistant.id,
    storedById: clerk.id,
  });
  const fileService = async (caseId: string, agencyKey: string, servedOn: string, signedBy: string) => {
    const a = org.agency(agencyKey);
    s.service({
      data: {
        caseId,
        documentKind: "filing_decision",
        agencyId: a.id,
        recipient: a.name,
        method: "direct",
        place: `${a.name}办公室`,
        servedOn,
        signedBy,
        serverName: `${assistant.displayName}、${clerk.displayName}`,
        createdById: assistant.id,
        createdAt: t(`${servedOn} 16:00`),
      },
    });
  };

  // ── I. suspended: 舂陵江 illegal sand mining (县水利局) ──
  const water = org.agency("water");
  const suspendedSteps: Step[] = [
    { to: "filed", at: G("2026-03-10 10:00") },
    { to: "investigating", at: G("2026-03-10 15:00") },
    { to: "recommending", at: G("2026-04-15 10:00") },
    { to: "rectification", at: G("2026-04-20 10:00"), reason: "检察建议书已送达" },
    { to: "follow_up", at: G("2026-06-18 09:00"), reason: "收到书面回复，开展跟进调查" },
    {
      to: "suspended",
      at: G("2026-07-20 10:00"),
      reason: "受损河段修复须纳入舂陵江河道综合治理项目，治理方案尚待上级水行政主管部门批复，属客观障碍（规则第七十八条）。",
      comment: "同意中止审查。方案批复后及时恢复审查。",
    },
  ];
  const suspended = await s.createCase({
    procuratorateId: g,
    clueId: clue("suspended") ?? undefined,
    number: `${Y}-行公-001`,
    title: `${water.name}怠于履行舂陵江河道非法采砂监管职责案`,
    field: "ecology",
    summary: "舂陵江桂阳段部分河段存在非法采砂，造成河床下切、岸坡垮塌，县水利局未依法查处并组织修复。",
    respondentAgencyId: water.id,
    leadId: prosecutor2.id,
    members: team(prosecutor2),
    createdAt: G("2026-02-25 09:00"),
    steps: suspendedSteps,
  });
  await fileService(suspended.id, "water", G("2026-03-12"), "蒋德平");
  await s.evidence({
    ...evidenceBase(suspended.id, prosecutor2),
    ordinal: 1,
    title: "舂陵江采砂河段岸坡垮塌现场照片",
    kind: "audiovisual",
    description: "无人机航拍及地面拍摄受损岸坡，共3张。",
    collectedOn: G("2026-03-16"),
    source: "现场拍摄",
    photo: { place: "舂陵江桂阳段采砂河段", time: "10:15", seed: 301, count: 3, org: photoOrg },
  });
  await s.evidence({
    ...evidenceBase(suspended.id, prosecutor2),
    ordinal: 2,
    title: "县水利局河道采砂许可及执法档案（复印件）",
    kind: "documentary",
    description: "证明涉案河段未许可采砂，县水利局未立案查处。",
    collectedOn: G("2026-03-24"),
    source: water.name,
    isOriginal: false,
  });

  // ── J. pre-suit review: 太和镇 sewage plant idle (县住建局) ──
  const housing = org.agency("housing");
  const presuit = await s.createCase({
    procuratorateId: g,
    clueId: clue("presuit") ?? undefined,
    number: `${Y}-行公-002`,
    title: `${housing.name}怠于履行乡镇污水处理设施运行监管职责案`,
    field: "ecology",
    summary: "太和镇污水处理厂建成后因配套管网未接通长期低负荷运行，集镇生活污水直排入河，县住建局未依法督促整改。",
    respondentAgencyId: housing.id,
    leadId: prosecutor.id,
    members: [...team(prosecutor), { userId: prosecutor2.id, role: "prosecutor" }],
    createdAt: G("2026-03-20 09:00"),
    steps: [
      { to: "filed", at: G("2026-04-08 10:00") },
      { to: "investigating", at: G("2026-04-08 15:00") },
      { to: "recommending", at: G("2026-08-31 10:00") },
      { to: "rectification", at: G("2026-09-07 10:00"), reason: "检察建议书已送达" },
      // The two months end on 2026-11-09 (11-07 is a Saturday); 审查起诉's month counts from there (规则 Art 47).
      { to: "follow_up", at: G("2026-11-10 09:00"), reason: "回复期限届满，开展跟进调查" },
      { to: "pre_suit_review", at: G("2026-11-12 10:00"), reason: "跟进调查认定行政机关未依法全面履职，公益持续受损，转入审查起诉（规则第八十一条、第八十二条）。" },
    ],
  });
  await fileService(presuit.id, "housing", G("2026-04-10"), "曹海斌");
  await s.evidence({
    ...evidenceBase(presuit.id, prosecutor),
    ordinal: 1,
    title: "太和镇集镇排水沟污水直排现场照片",
    kind: "audiovisual",
    description: "拍摄集镇排水沟污水直排入河情况，共2张。",
    collectedOn: G("2026-04-14"),
    source: "现场拍摄",
    photo: { place: "太和镇集镇排水口", time: "08:50", seed: 302, count: 2, org: photoOrg },
  });
  await s.evidence({
    ...evidenceBase(presuit.id, prosecutor),
    ordinal: 2,
    title: "排水口水质检测报告",
    kind: "appraisal",
    description: "委托有资质的检测机构取样检测，化学需氧量、氨氮超标。",
    collectedOn: G("2026-04-28"),
    source: "郴州某环境检测有限公司",
  });
  await s.evidence({
    ...evidenceBase(presuit.id, prosecutor),
    ordinal: 3,
    title: "跟进调查现场勘验笔录",
    kind: "inspection",
    description: "回复期满后复查，污水直排仍未停止，配套管网未开工。",
    collectedOn: G("2026-10-28"),
    source: "现场勘验",
  });

  // ── K. not filed: pesticide packaging waste (县农业农村局) ──
  const agri = org.agency("agri");
  await s.createCase({
    procuratorateId: g,
    clueId: clue("notFiled") ?? undefined,
    title: `${agri.name}怠于履行农药包装废弃物回收监管职责案`,
    field: "ecology",
    summary: "田间丢弃农药包装废弃物。经初步调查，县农业农村局已开展回收专项行动，问题已基本解决。",
    respondentAgencyId: agri.id,
    leadId: prosecutor2.id,
    members: team(prosecutor2),
    createdAt: G("2026-03-05 09:00"),
    steps: [{ to: "not_filed", at: G("2026-04-02 10:00"), reason: "行政机关已依法履职，公益损害已基本消除（规则第三十条）。" }],
  });

  // ── F. recommending: pension paid to deceased persons (县人社局) ──
  const hrss = org.agency("hrss");
  const recommending = await s.createCase({
    procuratorateId: g,
    clueId: clue("recommending") ?? undefined,
    number: `${Y}-行公-003`,
    title: `${hrss.name}怠于追回违规发放城乡居民基本养老保险待遇案`,
    field: "state_property",
    summary: "2021年以来37名已死亡人员被继续发放城乡居民基本养老保险待遇共计41.6万元，县人社局未依法追回，社会保险基金受损。",
    respondentAgencyId: hrss.id,
    leadId: prosecutor2.id,
    members: team(prosecutor2),
    createdAt: G("2026-06-15 09:00"),
    steps: [
      { to: "filed", at: G("2026-07-06 10:00") },
      { to: "investigating", at: G("2026-07-06 15:00") },
      { to: "recommending", at: G("2026-11-20 10:00"), reason: "调查终结，拟制发检察建议" },
    ],
  });
  await fileService(recommending.id, "hrss", G("2026-07-08"), "熊立新");
  await s.evidence({
    ...evidenceBase(recommending.id, prosecutor2),
    ordinal: 1,
    title: "死亡人员信息与养老保险待遇发放数据比对结果",
    kind: "electronic",
    description: "公安户籍注销、殡葬火化数据与待遇发放数据比对清单，含37人身份信息。",
    collectedOn: G("2026-07-15"),
    source: "数据比对",
    containsPersonal: true,
  });
  await s.evidence({
    ...evidenceBase(recommending.id, prosecutor2),
    ordinal: 2,
    title: "养老保险待遇发放明细（复印件）",
    kind: "documentary",
    description: "证明违规发放的期间和金额。",
    collectedOn: G("2026-08-04"),
    source: hrss.name,
    isOriginal: false,
  });
  const draft = await tx.recommendation.create({
    data: {
      caseId: recommending.id,
      procuratorateId: g,
      status: "pending_approval",
      facts:
        `本院在履行职责中发现，2021年1月至${zhMonth(G("2026-06-10"))}，你局向37名已死亡人员继续发放城乡居民基本养老保险待遇共计41.6万元，至今未予追回。`,
      reasons:
        "你局负责本县城乡居民基本养老保险待遇的核定、发放和基金管理，对违规领取的待遇负有追回职责。你局未及时核查参保人员死亡信息、未依法追回违规领取的待遇，致使社会保险基金受损，国家利益处于受侵害状态。",
      legalBasis:
        "《中华人民共和国行政诉讼法》第二十五条第四款；《人民检察院公益诉讼办案规则》第七十五条；《中华人民共和国社会保险法》；《社会保险经办条例》",
      replyPeriod: "two_months",
      ccList: "桂阳县人民政府；郴州市人民检察院",
      createdById: prosecutor2.id,
      createdAt: t(G("2026-11-21 15:00")),
      updatedAt: t(G("2026-11-23 09:00")),
      points: {
        create: [
          { ordinal: 1, text: "依法追回违规发放的37名已死亡人员养老保险待遇41.6万元，对拒不退还的依法采取措施。" },
          { ordinal: 2, text: "对2021年以来待遇领取人员开展全面清查，核实是否存在其他冒领、多领情形。" },
          { ordinal: 3, text: "与公安、民政、卫健等部门建立死亡人员信息定期比对共享机制，从源头防止违规发放。" },
        ],
      },
    },
  });
  s.audit({
    procuratorateId: g,
    actorId: prosecutor2.id,
    action: "recommendation.create",
    entityType: "Recommendation",
    entityId: draft.id,
    caseId: recommending.id,
    data: { points: 3 },
    at: draft.createdAt,
  });
  await s.approval({
    procuratorateId: g,
    caseId: recommending.id,
    kind: "recommendation",
    caseTitle: recommending.title,
    payload: { to: "rectification", recommendationId: draft.id },
    requestedById: prosecutor2.id,
    requestedAt: t(G("2026-11-23 09:00")),
    decision: "pending",
  });

  // ── G. rectification (two months): unpaid land-grant fees (县自然资源局) ──
  const land = org.agency("land");
  const rectification = await s.createCase({
    procuratorateId: g,
    clueId: clue("rectification") ?? undefined,
    number: `${Y}-行公-004`,
    title: `${land.name}怠于追缴国有建设用地使用权出让金案`,
    field: "land_grant",
    summary: "3宗国有建设用地使用权出让后，竞得人欠缴出让金2860万元，县自然资源局未依法催缴、未追究违约责任。",
    respondentAgencyId: land.id,
    leadId: prosecutor.id,
    members: team(prosecutor),
    createdAt: R("2026-07-28 09:00"),
    steps: [
      { to: "filed", at: R("2026-08-12 10:00") },
      { to: "investigating", at: R("2026-08-12 15:00") },
      { to: "recommending", at: R("2026-10-08 10:00") },
      { to: "rectification", at: R("2026-10-12 10:00"), reason: "检察建议书已送达", requestedAt: R("2026-10-09 10:00") },
    ],
  });
  await fileService(rectification.id, "land", R("2026-08-14"), "雷小春");
  await s.evidence({
    ...evidenceBase(rectification.id, prosecutor),
    ordinal: 1,
    title: "国有建设用地使用权出让合同3份（复印件）",
    kind: "documentary",
    description: "证明出让金数额、缴款期限及违约责任条款。",
    collectedOn: R("2026-08-20"),
    source: land.name,
    isOriginal: false,
  });
  await s.evidence({
    ...evidenceBase(rectification.id, prosecutor),
    ordinal: 2,
    title: "出让金缴款记录及催缴情况说明",
    kind: "documentary",
    description: "证明欠缴2860万元，自然资源局仅于2023年发出一次书面催缴。",
    collectedOn: R("2026-08-27"),
    source: land.name,
    isOriginal: false,
  });
  const landConsultation = await tx.consultation.create({
    data: {
      caseId: rectification.id,
      heldOn: R("2026-09-15"),
      method: "fact_confirmation",
      place: "桂阳县自然资源局",
      attendees: `本院：${prosecutor.displayName}、${assistant.displayName}；县自然资源局：雷小春（副局长）、土地利用股负责人`,
      facts: "3宗国有建设用地使用权出让金合计欠缴2860万元，逾期1至3年，未计收违约金。",
      agencyPosition: "对欠缴事实无异议；称竞得企业经营困难，已多次口头催缴。",
      rectificationPlan: `拟于${R("2026-09-15").slice(0, 4)}年底前发出书面催缴通知，逾期不缴的依法解除合同或申请强制执行。`,
      minutes: "双方签署事实确认书。因整改期限和措施尚不明确，本院拟制发检察建议。",
      createdById: prosecutor.id,
      createdAt: t(R("2026-09-15 17:00")),
    },
  });
  s.audit({
    procuratorateId: g,
    actorId: prosecutor.id,
    action: "consultation.record",
    entityType: "Consultation",
    entityId: landConsultation.id,
    caseId: rectification.id,
    data: { method: "fact_confirmation" },
    at: landConsultation.createdAt,
  });

  // ── H. urgent rectification (fifteen days): LPG cylinders in restaurants (县城管局) ──
  const urban = org.agency("urban");
  const urgent = await s.createCase({
    procuratorateId: g,
    clueId: clue("urgent") ?? undefined,
    number: `${Y}-行公-006`,
    title: `${urban.name}怠于履行城区餐饮场所瓶装液化石油气安全监管职责案`,
    field: "safety",
    urgent: true,
    summary: "城区部分餐饮场所使用过期、未经检验的液化石油气钢瓶，未安装可燃气体报警装置，存在燃爆风险，危害紧迫。",
    respondentAgencyId: urban.id,
    leadId: prosecutor.id,
    members: team(prosecutor),
    createdAt: U("2026-10-29 09:00"),
    steps: [
      { to: "filed", at: U("2026-11-03 10:00") },
      { to: "investigating", at: U("2026-11-03 15:00") },
      { to: "recommending", at: U("2026-11-12 10:00") },
      { to: "rectification", at: U("2026-11-16 10:00"), reason: "检察建议书已送达；危害紧迫，回复期限十五日", requestedAt: U("2026-11-13 15:00") },
    ],
  });
  await fileService(urgent.id, "urban", U("2026-11-04"), org.users.agencyUser.displayName);
  await s.evidence({
    ...evidenceBase(urgent.id, prosecutor),
    ordinal: 1,
    title: "城区餐饮店液化石油气钢瓶现场照片",
    kind: "audiovisual",
    description: "拍摄过期钢瓶、无报警装置的后厨，共4张，已对人脸和招牌作遮挡处理。",
    collectedOn: U("2026-11-05"),
    source: "现场拍摄",
    photo: { place: "城区某餐饮店后厨", time: "14:20", seed: 303, count: 2, org: photoOrg },
  });
  await s.evidence({
    ...evidenceBase(urgent.id, prosecutor),
    ordinal: 2,
    title: "城区20家餐饮店燃气安全抽查勘验笔录",
    kind: "inspection",
    description: "7家使用过期或未经检验钢瓶，9家未安装可燃气体报警装置。",
    collectedOn: U("2026-11-06"),
    source: "现场勘验",
  });
  await s.evidence({
    ...evidenceBase(urgent.id, prosecutor),
    ordinal: 3,
    title: "餐饮店经营者询问笔录",
    kind: "witness",
    description: "经营者陈述钢瓶来源及配送企业情况。笔录含被询问人身份信息。",
    collectedOn: U("2026-11-06"),
    source: "询问",
    containsPersonal: true,
  });

  // Recommendations of the seed year, numbered in order of issue: 桂检行公建〔Y〕1号 … 4号.
  type RecDef = {
    caseId: string;
    agencyKey: string;
    number: number;
    status: RecommendationStatus;
    facts: string;
    reasons: string;
    basis: string;
    period: ReplyPeriod;
    issuedOn: string;
    signedBy: string;
    method: ServiceMethod;
    points: string[];
    createdById: string;
    createdAt: string;
  };
  const recDefs: RecDef[] = [
    {
      caseId: suspended.id,
      agencyKey: "water",
      number: 1,
      status: "replied",
      facts: "舂陵江桂阳段部分河段2025年下半年以来存在夜间非法采砂，造成河床下切、岸坡垮塌约320米，你局未依法查处，也未组织修复。",
      reasons: "你局是本县河道采砂的主管部门，负有对非法采砂行为查处及河道管理的法定职责。你局未依法全面履职，致使河道生态和防洪安全受到损害。",
      basis: "《中华人民共和国水法》；《中华人民共和国河道管理条例》；《中华人民共和国长江保护法》",
      period: "two_months",
      issuedOn: G("2026-04-20"),
      signedBy: "蒋德平",
      method: "direct",
      points: [
        "依法查处涉案河段非法采砂行为，追究违法行为人责任。",
        "组织对受损河段岸坡进行修复，消除防洪安全隐患。",
        "建立舂陵江重点河段常态化巡查机制。",
      ],
      createdById: prosecutor2.id,
      createdAt: G("2026-04-15 15:00"),
    },
    {
      caseId: presuit.id,
      agencyKey: "housing",
      number: 2,
      status: "replied",
      facts: "太和镇污水处理厂于2023年建成，因配套管网未接通，日均进水量不足设计规模的15%，集镇生活污水经排水沟直排入河，排水口水质化学需氧量、氨氮超标。",
      reasons: "你局负责本县城镇污水处理设施建设运行的监督管理。你局未督促完善配套管网、保障设施正常运行，致使生活污水直排，水生态环境持续受损。",
      basis: "《中华人民共和国水污染防治法》；《城镇排水与污水处理条例》",
      period: "two_months",
      issuedOn: G("2026-09-07"),
      signedBy: "曹海斌",
      method: "announcement",
      points: [
        "督促完成太和镇污水处理厂配套管网建设，实现集镇生活污水应收尽收。",
        "督促运营单位保障污水处理厂正常运行，确保出水达标排放。",
        "建立乡镇污水处理设施运行监管台账，定期通报运行情况。",
      ],
      createdById: prosecutor.id,
      createdAt: G("2026-08-31 15:00"),
    },
    {
      caseId: rectification.id,
      agencyKey: "land",
      number: 3,
      status: "served",
      facts: "2019年至2021年，你局出让的3宗国有建设用地使用权，竞得人至今欠缴土地出让金合计2860万元，逾期1至3年。你局除2023年发出一次书面催缴外，未采取其他措施，也未依约计收违约金。",
      reasons: "你局作为国有建设用地使用权出让的主管部门，负有依法足额征收土地出让金的职责。你局怠于催缴，致使国有土地出让收益流失，国家利益受到损害。",
      basis: "《中华人民共和国土地管理法》；《中华人民共和国城市房地产管理法》；《国有土地使用权出让收支管理办法》",
      period: "two_months",
      issuedOn: R("2026-10-12"),
      signedBy: "雷小春",
      method: "direct",
      points: [
        "依法向竞得人书面催缴欠缴的土地出让金，并依合同计收违约金。",
        "对经催缴仍不缴纳的，依法解除出让合同、收回土地使用权或申请人民法院强制执行。",
        "全面清查2019年以来出让金收缴情况，建立收缴台账和逾期预警机制。",
      ],
      createdById: prosecutor.id,
      createdAt: R("2026-10-08 15:00"),
    },
    {
      caseId: urgent.id,
      agencyKey: "urban",
      number: 4,
      status: "served",
      facts: `本院于${zhDate(U("2026-11-05"))}至${zhDate(U("2026-11-06"))}随机抽查城区20家餐饮场所，发现7家使用过期或未经检验的液化石油气钢瓶，9家未安装可燃气体报警装置，部分气瓶与灶具同室存放。`,
      reasons: "你局作为本县燃气管理部门，负有对燃气经营和燃气使用安全的监督管理职责。上述隐患可能引发燃爆事故，危害紧迫，你局未依法履行监管职责，社会公共利益面临重大风险。",
      basis: "《中华人民共和国安全生产法》；《城镇燃气管理条例》；《最高人民法院 最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释》第二十一条",
      period: "fifteen_days",
      issuedOn: U("2026-11-16"),
      signedBy: org.users.agencyUser.displayName,
      method: "direct",
      points: [
        "立即组织对城区餐饮场所瓶装液化石油气使用情况开展全面排查，对使用过期、报废或未经检验钢瓶的，依法责令立即停止使用。",
        "督促餐饮经营者按规定安装可燃气体报警装置，规范设置气瓶存放间。",
        "加强对瓶装液化石油气供应企业的监管，严禁向餐饮用户充装、配送不合格钢瓶。",
        "建立餐饮场所燃气安全常态化巡查机制，明确巡查频次、责任人员和隐患整改闭环要求。",
      ],
      createdById: prosecutor.id,
      createdAt: U("2026-11-12 15:00"),
    },
  ];
  const recs = new Map<string, { id: string; points: { id: string; ordinal: number }[]; number: string }>();
  for (const r of recDefs) {
    const a = org.agency(r.agencyKey);
    const number = `桂检行公建〔${Y}〕${r.number}号`;
    const rec = await tx.recommendation.create({
      data: {
        caseId: r.caseId,
        procuratorateId: g,
        number,
        status: r.status,
        facts: r.facts,
        reasons: r.reasons,
        legalBasis: `《中华人民共和国行政诉讼法》第二十五条第四款；《人民检察院公益诉讼办案规则》第七十五条；${r.basis}`,
        replyPeriod: r.period,
        ccList: "桂阳县人民政府；郴州市人民检察院",
        issuedOn: r.issuedOn,
        createdById: r.createdById,
        createdAt: t(r.createdAt),
        updatedAt: t(`${r.issuedOn} 11:00`),
        points: { create: r.points.map((text, i) => ({ ordinal: i + 1, text })) },
      },
      include: { points: { orderBy: { ordinal: "asc" } } },
    });
    recs.set(r.caseId, { id: rec.id, points: rec.points, number });
    s.audit({
      procuratorateId: g,
      actorId: r.createdById,
      action: "recommendation.create",
      entityType: "Recommendation",
      entityId: rec.id,
      caseId: r.caseId,
      data: { points: rec.points.length },
      at: rec.createdAt,
    });
    s.service({
      data: {
        caseId: r.caseId,
        documentKind: "recommendation",
        documentNumber: number,
        recommendationId: rec.id,
        agencyId: a.id,
        recipient: a.name,
        method: r.method,
        place: r.method === "announcement" ? "桂阳县人民检察院检察听证室" : `${a.name}办公室`,
        servedOn: r.issuedOn,
        signedBy: r.signedBy,
        witness: r.method === "announcement" ? "县人大代表邓志刚、人民监督员肖丽（宣告送达见证）" : null,
        serverName: `${prosecutor.displayName}、${clerk.displayName}`,
        createdById: clerk.id,
        createdAt: t(`${r.issuedOn} 11:00`),
      },
    });
    s.audit({
      procuratorateId: g,
      actorId: clerk.id,
      action: "recommendation.serve",
      entityType: "Recommendation",
      entityId: rec.id,
      caseId: r.caseId,
      data: { number, method: r.method, servedOn: r.issuedOn, agency: a.name, replyPeriod: r.period },
      at: t(`${r.issuedOn} 11:00`),
    });
  }

  // Replies and follow-up of the suspended and pre-suit cases.
  const replyWithAnswers = async (
    caseId: string,
    agencyKey: string,
    on: string,
    summary: string,
    answers: [AnswerStatus, string][],
  ) => {
    const rec = recs.get(caseId)!;
    const reply = await tx.reply.create({
      data: {
        recommendationId: rec.id,
        agencyId: org.agency(agencyKey).id,
        summary,
        status: "assessed",
        submittedAt: t(`${on} 16:00`),
        createdAt: t(`${on} 09:00`),
        updatedAt: t(`${on} 16:00`),
      },
    });
    s.replyAnswers({
      data: rec.points.map((p, i) => ({
        replyId: reply.id,
        pointId: p.id,
        status: answers[i]?.[0] ?? "in_progress",
        text: answers[i]?.[1] ?? "",
      })),
    });
    s.audit({
      procuratorateId: g,
      action: "reply.submit",
      entityType: "Reply",
      entityId: reply.id,
      caseId,
      data: { recommendation: rec.number, agency: org.agency(agencyKey).name },
      at: t(`${on} 16:00`),
    });
  };
  await replyWithAnswers(suspended.id, "water", G("2026-06-15"), "我局收到检察建议后，立即组织查处非法采砂行为，现将整改情况回复如下。", [
    ["done", "已立案查处非法采砂案件2起，罚款并没收采砂船只2艘，移送公安机关1人。"],
    ["in_progress", "受损岸坡修复已编制方案，需纳入舂陵江河道综合治理项目，正报请上级水行政主管部门审批。"],
    ["done", "已建立重点河段每周巡查和夜间不定期巡查制度。"],
  ]);
  await replyWithAnswers(presuit.id, "housing", G("2026-10-28"), "我局已督促相关单位推进整改，因管网建设资金尚未落实，部分事项仍在推进中。", [
    ["in_progress", "配套管网建设项目已完成可研，资金正在争取中。"],
    ["not_done", "运营单位称进水量不足，无法稳定运行。"],
    ["done", "已建立乡镇污水处理设施运行台账。"],
  ]);
  const followUps: {
    caseId: string;
    on: string;
    method: string;
    findings: string;
    conclusion: FollowUpConclusion;
    disposition: FollowUpDisposition | null;
    by: string;
  }[] = [
    {
      caseId: suspended.id,
      on: G("2026-07-10"),
      method: "实地查看涉案河段，查阅执法案卷及修复方案",
      findings: "非法采砂已被查处、巡查机制已建立；岸坡修复方案待上级批复，修复工程尚未开工。",
      conclusion: "partly_rectified",
      disposition: null,
      by: prosecutor2.id,
    },
    {
      caseId: presuit.id,
      on: G("2026-11-11"),
      method: "现场勘验排水口、委托水质检测、约谈县住建局",
      findings: "回复期满后配套管网仍未开工，集镇生活污水仍直排入河，排水口水质持续超标，行政机关未依法全面履职。",
      conclusion: "not_rectified",
      disposition: "sue",
      by: prosecutor.id,
    },
  ];
  for (const f of followUps) {
    const row = await tx.followUp.create({
      data: {
        caseId: f.caseId,
        recommendationId: recs.get(f.caseId)!.id,
        assessedOn: f.on,
        method: f.method,
        findings: f.findings,
        conclusion: f.conclusion,
        disposition: f.disposition,
        createdById: f.by,
        createdAt: t(`${f.on} 17:00`),
      },
    });
    s.audit({
      procuratorateId: g,
      actorId: f.by,
      action: "followup.record",
      entityType: "FollowUp",
      entityId: row.id,
      caseId: f.caseId,
      data: { conclusion: f.conclusion, disposition: f.disposition },
      at: row.createdAt,
    });
  }
  // 中止审查决定书 served on the 水利局 (规则 Art 78).
  s.service({
    data: {
      caseId: suspended.id,
      documentKind: "suspension_decision",
      agencyId: water.id,
      recipient: water.name,
      method: "direct",
      place: `${water.name}办公室`,
      servedOn: G("2026-07-21"),
      signedBy: "蒋德平",
      serverName: `${assistant.displayName}、${clerk.displayName}`,
      createdById: clerk.id,
      createdAt: t(`${G("2026-07-21")} 15:00`),
    },
  });
  // Pending: one more month for the pre-suit review (规则 Art 47: +1 month with the chief's approval).
  await s.approval({
    procuratorateId: g,
    caseId: presuit.id,
    kind: "extension",
    subject: `提请延长审查起诉期限一个月：${presuit.title}`,
    payload: { deadline: "pre_suit_review", extraMonths: 1, reason: "需补充委托水质检测和损害评估，拟延长审查起诉期限一个月。" },
    requestedById: prosecutor.id,
    requestedAt: t(G("2026-11-25 10:00")),
    decision: "pending",
  });

  // ── E. investigating: livestock wastewater along the 舂陵江 (生态环境桂阳分局), with 磋商 and a hearing ──
  const ecoenv = org.agency("ecoenv");
  const investigating = await s.createCase({
    procuratorateId: g,
    clueId: clue("investigating") ?? undefined,
    number: `${Y}-行公-005`,
    title: `${ecoenv.name}怠于履行舂陵江桂阳段畜禽养殖废水污染监管职责案`,
    field: "ecology",
    summary: "舂陵江桂阳段支流沿岸多家生猪养殖场养殖废水未经处理直排，支流水体黑臭；生态环境桂阳分局与县农业农村局对规模以下养殖场的监管职责存在争议。",
    respondentAgencyId: ecoenv.id,
    leadId: prosecutor.id,
    members: [...team(prosecutor), { userId: prosecutor2.id, role: "prosecutor" }],
    createdAt: G("2026-08-25 09:00"),
    steps: [
      { to: "filed", at: G("2026-09-08 10:00") },
      { to: "investigating", at: G("2026-09-08 15:00") },
    ],
  });
  await fileService(investigating.id, "ecoenv", G("2026-09-10"), "肖志强");
  const e1 = await s.evidence({
    ...evidenceBase(investigating.id, prosecutor),
    ordinal: 1,
    title: "舂陵江支流养殖场排污口现场照片",
    kind: "audiovisual",
    description: "拍摄3家养殖场排污口及下游黑臭水体，共3张。",
    collectedOn: G("2026-09-15"),
    source: "现场拍摄",
    photo: { place: "舂陵江支流某养殖场排污口", time: "09:30", seed: 304, count: 3, org: photoOrg },
  });
  const e2 = await s.evidence({
    ...evidenceBase(investigating.id, prosecutor),
    ordinal: 2,
    title: "支流断面水质检测报告",
    kind: "appraisal",
    description: "氨氮、总磷超过地表水Ⅲ类标准数倍。",
    collectedOn: G("2026-09-25"),
    source: "郴州某环境检测有限公司",
  });
  await s.evidence({
    ...evidenceBase(investigating.id, prosecutor),
    ordinal: 3,
    title: "养殖场负责人询问笔录",
    kind: "witness",
    description: "养殖场负责人陈述废水处理设施未运行的情况。笔录含被询问人身份信息。",
    collectedOn: G("2026-09-18"),
    source: "询问",
    containsPersonal: true,
  });
  // A volunteer's (益心为公) video on a USB drive: received, copied into the e-file, drive returned.
  const volunteerVideo = await s.evidence({
    ...evidenceBase(investigating.id, prosecutor),
    collectorIds: [prosecutor.id],
    ordinal: 4,
    title: "“益心为公”志愿者提交的支流排污视频",
    kind: "audiovisual",
    description: "志愿者巡河时拍摄的养殖场排污口出水视频，存于U盘，经复制入卷后U盘退还志愿者。",
    collectedOn: G("2026-09-08"),
    source: "“益心为公”志愿者周晓岚提交",
    origin: "public_submission",
    place: "舂陵江支流某养殖场下游",
  });
  s.custody({
    evidenceId: volunteerVideo,
    action: "returned",
    actorId: assistant.id,
    actorName: "周晓岚（志愿者）",
    location: "桂阳县人民检察院",
    note: "视频已复制入电子卷宗，原U盘退还提交人",
    at: t(G("2026-09-09 10:00")),
  });
  // The site photos: opened and saved by the team, and re-hashed by the integrity check.
  const [photo1] = s.filesOf(e1);
  if (photo1) {
    s.custody({ evidenceId: e1, fileId: photo1, action: "viewed", actorId: prosecutor2.id, at: t(G("2026-10-15 09:20")) });
    s.custody({ evidenceId: e1, fileId: photo1, action: "downloaded", actorId: prosecutor.id, note: "制作磋商材料", at: t(G("2026-10-15 09:25")) });
    s.custody({ evidenceId: e1, fileId: photo1, action: "verified", actorId: clerk.id, note: "SHA-256 一致", at: t(G("2026-10-31 18:00")) });
  }
  s.custody({ evidenceId: e2, action: "exported", actorId: prosecutor.id, note: "列入听证证据清单", at: t(G("2026-10-20 16:00")) });
  const consultation = await tx.consultation.create({
    data: {
      caseId: investigating.id,
      heldOn: G("2026-10-16"),
      method: "meeting",
      place: "桂阳县人民检察院磋商室",
      attendees: `本院：${prosecutor.displayName}、${prosecutor2.displayName}、${assistant.displayName}；生态环境桂阳分局：罗建华（副局长）、肖志强（执法大队大队长）；县农业农村局：唐利民（副局长）；舂陵江镇人民政府：刘红军（副镇长）`,
      facts: "支流沿岸5家生猪养殖场中3家废水直排，下游断面氨氮、总磷超标。",
      agencyPosition: "生态环境桂阳分局认为涉事养殖场均为规模以下养殖场，污染防治的指导监督应由县农业农村局负责；县农业农村局认为排污行为的查处属生态环境部门职责。",
      rectificationPlan: "生态环境桂阳分局同意先行对3家养殖场开展执法检查；职责划分问题提交听证听取意见。",
      minutes: "各方对污染事实无异议，对监管职责划分存在争议。本院拟召开公开听证，就职责划分和整改方案听取听证员意见。",
      createdById: prosecutor.id,
      createdAt: t(G("2026-10-16 17:30")),
    },
  });
  s.audit({
    procuratorateId: g,
    actorId: prosecutor.id,
    action: "consultation.record",
    entityType: "Consultation",
    entityId: consultation.id,
    caseId: investigating.id,
    data: { method: "meeting" },
    at: consultation.createdAt,
  });
  const rejectedHearingApproval = await s.approval({
    procuratorateId: g,
    caseId: investigating.id,
    kind: "hearing",
    subject: `提请召开听证：${RECENT_HEARING_TITLE}`,
    requestedById: prosecutor.id,
    requestedAt: t(G("2026-10-30 10:00")),
    decision: "rejected",
    decidedById: head.id,
    decidedAt: t(G("2026-11-02 16:00")),
    comment: "听证方案中参加人范围不全，应增加县农业农村局及舂陵江镇人民政府，补充后重新报批。",
  });
  const hearingApproval = await s.approval({
    procuratorateId: g,
    caseId: investigating.id,
    kind: "hearing",
    subject: `提请召开听证：${RECENT_HEARING_TITLE}（补充参加人后重新报批）`,
    requestedById: prosecutor.id,
    requestedAt: t(G("2026-11-16 10:00")),
    decidedById: chief.id,
    decidedAt: t(G("2026-11-18 09:30")),
    comment: "同意公开听证。",
  });
  const hearing = await tx.hearing.create({
    data: {
      procuratorateId: g,
      title: RECENT_HEARING_TITLE,
      purpose: "规模以下畜禽养殖场废水污染的监管职责如何划分；生态环境桂阳分局是否依法履职；整改方案是否可行。",
      isPublic: true,
      venue: "桂阳县人民检察院检察听证室",
      startsAt: t(G("2026-12-08 09:30")),
      endsAt: t(G("2026-12-08 12:00")),
      hostId: prosecutor.id,
      clerkId: clerk.id,
      status: "notified",
      announcement: [
        "桂阳县人民检察院",
        "听证公告",
        "",
        `本院定于${zhDate(G("2026-12-08"))}9时30分，在桂阳县人民检察院检察听证室对郴州市生态环境局桂阳分局怠于履行舂陵江桂阳段畜禽养殖废水污染监管职责一案召开公开听证会。现将有关事项公告如下：`,
        "一、听证事项：规模以下畜禽养殖场废水污染的监管职责划分，行政机关履职情况及整改方案。",
        `二、听证主持人：${prosecutor.displayName}（检察官）。`,
        "三、听证员：人大代表、政协委员、人民监督员和“益心为公”志愿者共5名。",
        "四、参加人：郴州市生态环境局桂阳分局、桂阳县农业农村局、桂阳县舂陵江镇人民政府。",
        `五、旁听：听证会公开进行。公民可于${zhDate(G("2026-12-04"))}17时前通过本院网站或电话报名申请旁听，旁听席位15个，按报名先后确定。`,
        "六、联系电话：0735-12309。",
        "",
        "桂阳县人民检察院",
        zhDate(G("2026-11-20")),
      ].join("\n"),
      announcedAt: t(G("2026-11-20 10:00")),
      contactPhone: "0735-12309",
      observerSeats: 15,
      createdAt: t(G("2026-11-18 11:00")),
      updatedAt: t(G("2026-11-25 16:00")),
    },
  });
  s.audit({
    procuratorateId: g,
    actorId: prosecutor.id,
    action: "hearing.create",
    entityType: "Hearing",
    entityId: hearing.id,
    caseId: investigating.id,
    data: { title: hearing.title },
    at: hearing.createdAt,
  });
  // Both requests (the rejected one and the approved resubmission) name this hearing.
  await tx.approval.updateMany({ where: { id: { in: [rejectedHearingApproval, hearingApproval] } }, data: { hearingId: hearing.id } });
  s.audit({
    procuratorateId: g,
    actorId: prosecutor.id,
    action: "hearing.announce",
    entityType: "Hearing",
    entityId: hearing.id,
    caseId: investigating.id,
    data: { announcedAt: hearing.announcedAt },
    at: hearing.announcedAt!,
  });
  await tx.hearingCase.create({
    data: {
      hearingId: hearing.id,
      caseId: investigating.id,
      ordinal: 1,
      sessionAt: t(G("2026-12-08 09:30")),
      issues: "1. 规模以下畜禽养殖场废水污染的监管职责由哪一机关承担；2. 生态环境桂阳分局是否依法履职；3. 整改方案及时限是否可行。",
    },
  });
  // Five panelists, among them the demo "panelist" account (刘振华), who has not yet signed the
  // no-conflict declaration, so the panel portal can be tried from a fresh install.
  const seats: [string, string | null][] = [
    ["liu", null],
    ["luo", G("2026-11-21 15:30")],
    ["liao", G("2026-11-23 09:10")],
    ["xiao", null],
    ["jiang", null],
  ];
  await tx.hearingPanelist.createMany({
    data: seats.map(([key, declaredAt]) => ({
      hearingId: hearing.id,
      panelistId: org.panelist(key).id,
      invitedAt: t(G("2026-11-19 10:00")),
      declaredAt: declaredAt ? t(declaredAt) : null,
      declaration: declaredAt ? "本人与本案及参加听证的行政机关、其负责人均不存在利害关系，能够客观公正地发表意见。" : null,
    })),
  });
  await tx.hearingParticipant.createMany({
    data: [
      { kind: "agency_representative", key: "ecoenv", name: "罗建华", post: "副局长" },
      { kind: "agency_representative", key: "ecoenv", name: "肖志强", post: "生态环境保护综合行政执法大队大队长" },
      { kind: "agency_representative", key: "agri", name: "唐利民", post: "副局长" },
      { kind: "agency_representative", key: "chongling", name: "刘红军", post: "副镇长" },
    ].map((p) => ({
      hearingId: hearing.id,
      kind: p.kind,
      agencyId: org.agency(p.key).id,
      organisation: org.agency(p.key).name,
      name: p.name,
      post: p.post,
    })),
  });
  await s.disclose(hearing.id, [e1, e2], prosecutor.id, t(G("2026-11-25 16:00")));
  await tx.hearingObserverRequest.create({
    data: {
      hearingId: hearing.id,
      name: "邓雨萱",
      phone: "13975512345",
      organisation: "湘南学院法学院",
      status: "pending",
      createdAt: t(G("2026-11-24 20:15")),
    },
  });

  // ── D. filed four working days before the seed day: food safety around schools (县市场监管局); 立案决定书 not yet served ──
  const market = org.agency("market");
  const filed = await s.createCase({
    procuratorateId: g,
    clueId: clue("filed") ?? undefined,
    number: `${Y}-行公-007`,
    title: `${market.name}怠于履行校园周边食品安全监管职责案`,
    field: "food_drug",
    summary: "县城多所中小学校周边小卖部销售无中文标签、超过保质期的“三无”食品，危害未成年人身体健康，县市场监管局未依法查处。",
    respondentAgencyId: market.id,
    leadId: prosecutor.id,
    members: team(prosecutor),
    createdAt: G("2026-11-10 09:00"),
    steps: [{ to: "filed", at: G("2026-11-20 10:00"), requestedAt: G("2026-11-18 16:00") }],
  });
  await s.evidence({
    ...evidenceBase(filed.id, prosecutor),
    ordinal: 1,
    title: "校园周边小卖部“三无”食品现场照片",
    kind: "audiovisual",
    description: "暗访拍摄货架上无中文标签、过期的辣条等食品，共2张。",
    collectedOn: G("2026-11-13"),
    source: "现场拍摄",
    photo: { place: "城区某小学周边小卖部", time: "16:40", seed: 305, count: 2, org: photoOrg },
  });
  const samples = await s.evidence({
    ...evidenceBase(filed.id, prosecutor),
    ordinal: 2,
    title: "购买的“三无”食品样品及购物凭证",
    kind: "physical",
    description: "辣条、果冻等样品6件及购物小票。",
    collectedOn: G("2026-11-13"),
    source: "现场购买",
    place: "城区某小学周边小卖部",
  });
  s.custody({
    evidenceId: samples,
    action: "transferred",
    actorId: assistant.id,
    actorName: "郴州某食品检测有限公司（受托检验）",
    location: "郴州某食品检测有限公司",
    note: "送检样品4件，余样留存",
    at: t(G("2026-11-16 10:30")),
  });

  // A closed hearing (不公开听证) in preparation: the facts involve pupils' health data, a privacy
  // ground for holding it in private (听证规定 Art 5). No announcement; the demo panelist is not seated.
  const closedHearing = await tx.hearing.create({
    data: {
      procuratorateId: g,
      title: "校园周边食品安全监管职责争议听证（不公开）",
      purpose: "县市场监管局与学校所在街道对校园周边小卖部的监管职责划分；涉及学生就医记录的证据如何使用。",
      isPublic: false,
      closedReason: "涉及未成年学生的健康信息等个人隐私，依法不公开听证。",
      venue: "桂阳县人民检察院检察听证室",
      startsAt: t(G("2026-12-15 09:30")),
      endsAt: t(G("2026-12-15 11:30")),
      hostId: prosecutor.id,
      clerkId: clerk.id,
      status: "planned",
      createdAt: t(G("2026-11-25 15:00")),
      updatedAt: t(G("2026-11-25 15:00")),
    },
  });
  s.audit({
    procuratorateId: g,
    actorId: prosecutor.id,
    action: "hearing.create",
    entityType: "Hearing",
    entityId: closedHearing.id,
    caseId: filed.id,
    data: { title: closedHearing.title, isPublic: false },
    at: closedHearing.createdAt,
  });
  await tx.hearingCase.create({
    data: {
      hearingId: closedHearing.id,
      caseId: filed.id,
      ordinal: 1,
      sessionAt: t(G("2026-12-15 09:30")),
      issues: "1. 校园周边食品经营的监管职责由哪一机关承担；2. 县市场监管局是否存在怠于履职；3. 整改方案与期限。",
    },
  });
  await tx.hearingPanelist.createMany({
    data: ["cao", "luo", "liao"].map((key) => ({
      hearingId: closedHearing.id,
      panelistId: org.panelist(key).id,
      invitedAt: t(G("2026-11-25 15:30")),
    })),
  });
  await tx.hearingParticipant.create({
    data: {
      hearingId: closedHearing.id,
      kind: "agency_representative",
      agencyId: market.id,
      organisation: market.name,
      name: "彭志远",
      post: "副局长",
    },
  });

  // ── C. evaluation: 阳山古建筑群 (县文旅广体局); filing approval pending ──
  const culture = org.agency("culture");
  const evaluation = await s.createCase({
    procuratorateId: g,
    clueId: clue("evaluation") ?? undefined,
    title: `${culture.name}怠于履行阳山村古建筑群文物保护职责案`,
    field: "heritage",
    summary: "正和镇阳山村古建筑群部分古民居年久失修，屋面坍塌、墙体开裂，存在损毁风险，县文旅广体局未依法督促修缮。",
    respondentAgencyId: culture.id,
    leadId: prosecutor.id,
    members: team(prosecutor),
    createdAt: G("2026-11-12 09:00"),
    steps: [],
  });
  await s.evidence({
    ...evidenceBase(evaluation.id, prosecutor),
    ordinal: 1,
    title: "阳山村古民居屋面坍塌现场照片",
    kind: "audiovisual",
    description: "初步调查拍摄古民居屋面坍塌、墙体开裂情况，共2张。",
    collectedOn: G("2026-11-18"),
    source: "现场拍摄",
    photo: { place: "正和镇阳山村古民居", time: "10:05", seed: 306, count: 2, org: photoOrg },
  });
  await s.approval({
    procuratorateId: g,
    caseId: evaluation.id,
    kind: "filing",
    caseTitle: evaluation.title,
    payload: { to: "filed" },
    requestedById: prosecutor.id,
    requestedAt: t(G("2026-11-24 10:00")),
    decision: "pending",
  });

  return {
    hearing,
    cases: { evaluation, filed, investigating, recommending, rectification, urgent, suspended, presuit },
    recommendations: recDefs.length,
  };
}

/** "2026年2月" of a calendar date. */
function zhMonth(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月`;
}
