import type { ApprovalPayloads } from "~/domain/approval/payloads";
import type { Scenario } from "./builder";
import { t } from "./builder";
import type { SeedClock } from "./clock";
import type { Org } from "./organisation";

// Subjects the case documents need that the rest of the demo lacks (issue 10: every kind can be
// generated from the demo data):
// - the 规则 Art 74 ground on the closure approvals of the closed cases (the scenario builder stores
//   only the target state), so each closed case gives its 终结案件决定书;
// - a case suspended during rectification, resumed and then closed (中止审查 / 恢复审查 / 终结案件,
//   规则 Arts 74, 78), against 县交通运输局;
// - a case in litigation after pre-suit review (行政公益诉讼起诉书, 派员出庭通知书, 规则 Arts 46, 49, 81),
//   against 县市场监管局.
// The two cases are dated about a year before the seed day, so their recommendations carry the 文号
// of that year (桂检行公建〔year〕1–2号), whose counter is set here; like the other recent cases they
// take the seed year's register numbers (行公-008, 009). The people are invented.

export async function seedDocumentsDemo(s: Scenario, org: Org, clock: SeedClock) {
  const { tx } = s;
  const g = org.guiyang.id;
  const { prosecutor, prosecutor2, assistant, clerk } = org.users;
  const G = (local: string) => clock.local(local);

  // ── the closure grounds of the closed cases (规则 Art 74) ──
  const closures = await tx.caseTransition.findMany({
    where: { toState: "closed", approvalId: { not: null }, case: { procuratorateId: g } },
    select: { reason: true, approvalId: true },
  });
  for (const c of closures) {
    const reason = c.reason ?? "经审查，本案应当终结。";
    // The seeded closures all follow a full rectification (规则 Art 74(3)).
    const ground = /全面整改|已整改/.test(reason) ? "fully_rectified" : "interest_protected";
    await tx.approval.update({
      where: { id: c.approvalId! },
      data: { payload: JSON.stringify({ ground, reason } satisfies ApprovalPayloads["closure"]) },
    });
  }

  /** Replaces the builder's `{ to }` payload of a case's approval with the typed one of its kind. */
  const typePayload = async (caseId: string, toState: string, payload: unknown, fromState?: string) => {
    const row = await tx.caseTransition.findFirst({
      where: { caseId, toState, ...(fromState ? { fromState } : {}), approvalId: { not: null } },
      select: { approvalId: true },
    });
    if (row?.approvalId) await tx.approval.update({ where: { id: row.approvalId }, data: { payload: JSON.stringify(payload) } });
  };

  const team = (lead: { id: string }, second: { id: string } | null) => [
    { userId: lead.id, role: "lead" as const },
    ...(second ? [{ userId: second.id, role: "prosecutor" as const }] : []),
    { userId: assistant.id, role: "assistant" as const },
    { userId: clerk.id, role: "clerk" as const },
  ];
  const evidenceBase = (caseId: string, lead: { id: string }) => ({
    procuratorateId: g,
    caseId,
    collectorIds: [lead.id, assistant.id],
    createdById: assistant.id,
    storedById: clerk.id,
  });
  const serveFiling = (caseId: string, agency: { id: string; name: string }, servedOn: string, signedBy: string) =>
    s.service({
      data: {
        caseId,
        documentKind: "filing_decision",
        agencyId: agency.id,
        recipient: agency.name,
        method: "direct",
        place: `${agency.name}办公室`,
        servedOn,
        signedBy,
        serverName: `${assistant.displayName}、${clerk.displayName}`,
        createdById: assistant.id,
        createdAt: t(`${servedOn} 16:00`),
      },
    });

  // Both recommendations are of the same (earlier) year: its counter is set below.
  const recYear = Number(G("2025-06-18").slice(0, 4));
  if (recYear >= clock.year || recYear === 2022) throw new Error(`seed: documents demo year ${recYear} collides with another counter`);
  const issueRecommendation = async (input: {
    caseId: string;
    agency: { id: string; name: string };
    seq: number;
    status: "replied" | "closed";
    facts: string;
    reasons: string;
    basis: string;
    points: string[];
    issuedOn: string;
    servedOn: string;
    signedBy: string;
    createdById: string;
  }) => {
    const number = `桂检行公建〔${recYear}〕${input.seq}号`;
    const rec = await tx.recommendation.create({
      data: {
        caseId: input.caseId,
        procuratorateId: g,
        number,
        status: input.status,
        facts: input.facts,
        reasons: input.reasons,
        legalBasis: `《中华人民共和国行政诉讼法》第二十五条第四款；《人民检察院公益诉讼办案规则》第七十五条；${input.basis}`,
        replyPeriod: "two_months",
        ccList: "桂阳县人民政府；郴州市人民检察院",
        issuedOn: input.issuedOn,
        submittedAt: t(`${input.issuedOn} 09:00`),
        createdById: input.createdById,
        createdAt: t(`${input.issuedOn} 08:30`),
        updatedAt: t(`${input.servedOn} 11:00`),
        points: { create: input.points.map((text, i) => ({ ordinal: i + 1, text })) },
      },
      include: { points: { orderBy: { ordinal: "asc" } } },
    });
    s.service({
      data: {
        caseId: input.caseId,
        documentKind: "recommendation",
        documentNumber: number,
        recommendationId: rec.id,
        agencyId: input.agency.id,
        recipient: input.agency.name,
        method: "direct",
        place: `${input.agency.name}办公室`,
        servedOn: input.servedOn,
        signedBy: input.signedBy,
        serverName: `${assistant.displayName}、${clerk.displayName}`,
        createdById: clerk.id,
        createdAt: t(`${input.servedOn} 11:00`),
      },
    });
    s.audit({
      procuratorateId: g,
      actorId: clerk.id,
      action: "recommendation.serve",
      entityType: "Recommendation",
      entityId: rec.id,
      caseId: input.caseId,
      data: { number, method: "direct", servedOn: input.servedOn, agency: input.agency.name, replyPeriod: "two_months" },
      at: t(`${input.servedOn} 11:00`),
    });
    return rec;
  };
  const reply = async (recommendationId: string, caseId: string, agency: { id: string; name: string }, on: string, summary: string, answers: { pointId: string; status: string; text: string }[]) => {
    const row = await tx.reply.create({
      data: {
        recommendationId,
        agencyId: agency.id,
        summary,
        status: "assessed",
        submittedAt: t(`${on} 16:00`),
        createdAt: t(`${on} 09:00`),
        updatedAt: t(`${on} 16:00`),
      },
    });
    s.replyAnswers({ data: answers.map((a) => ({ replyId: row.id, ...a })) });
    s.audit({
      procuratorateId: g,
      action: "reply.submit",
      entityType: "Reply",
      entityId: row.id,
      caseId,
      data: { agency: agency.name },
      at: t(`${on} 16:00`),
    });
  };
  const followUp = async (input: { caseId: string; recommendationId: string; on: string; findings: string; conclusion: string; disposition: string; byId: string }) => {
    const row = await tx.followUp.create({
      data: {
        caseId: input.caseId,
        recommendationId: input.recommendationId,
        assessedOn: input.on,
        method: "现场检查、调阅资料",
        findings: input.findings,
        conclusion: input.conclusion,
        disposition: input.disposition,
        createdById: input.byId,
        createdAt: t(`${input.on} 17:00`),
      },
    });
    s.audit({
      procuratorateId: g,
      actorId: input.byId,
      action: "followup.record",
      entityType: "FollowUp",
      entityId: row.id,
      caseId: input.caseId,
      data: { conclusion: input.conclusion, disposition: input.disposition },
      at: row.createdAt,
    });
  };

  // ── L. suspended, resumed and closed: a bridge damaged by overloaded trucks (县交通运输局) ──
  const transport = org.agency("transport");
  const suspensionReason =
    "县交通运输局已在整改期限内制定危桥加固方案并完成招标，但汛期特大洪水冲毁施工便道，加固工程无法施工，属突发事件等客观原因（规则第七十八条），且该局没有怠于履行监督管理职责的情形。";
  const resumptionReason = "汛期结束，施工便道已修复，加固工程于汛后复工，中止审查的原因已经消除。";
  const bridge = await s.createCase({
    procuratorateId: g,
    number: `${clock.year}-行公-008`,
    title: `${transport.name}怠于履行农村公路桥梁超限运输治理职责案`,
    field: "safety",
    summary: "洋市镇境内农村公路石门桥长期遭超限货车通行，桥面开裂、护栏损毁，被评定为四类危桥，县交通运输局未依法设置限载标志、开展超限治理，也未组织加固维修。",
    respondentAgencyId: transport.id,
    leadId: prosecutor2.id,
    members: team(prosecutor2, null),
    createdAt: G("2025-04-28 09:00"),
    steps: [
      { to: "filed", at: G("2025-05-12 10:00") },
      { to: "investigating", at: G("2025-05-12 15:00") },
      { to: "recommending", at: G("2025-06-16 10:00"), reason: "调查终结，拟制发检察建议" },
      { to: "rectification", at: G("2025-06-18 10:00"), reason: "检察建议书已送达", requestedAt: G("2025-06-16 15:00") },
      { to: "suspended", at: G("2025-07-28 10:00"), reason: suspensionReason, comment: "同意中止审查，报郴州市人民检察院备案。" },
      { to: "rectification", at: G("2025-10-20 10:00"), reason: resumptionReason, comment: "同意恢复审查。" },
      { to: "follow_up", at: G("2025-11-24 09:00"), reason: "收到书面回复，开展跟进调查" },
      {
        to: "closed",
        at: G("2025-12-15 16:00"),
        reason: "经跟进调查，石门桥已完成加固并通过验收，超限治理措施落实，行政机关已全面整改（规则第七十四条、第八十条）。",
      },
    ],
  });
  await typePayload(bridge.id, "suspended", { reason: suspensionReason } satisfies ApprovalPayloads["suspension"]);
  await typePayload(bridge.id, "rectification", { reason: resumptionReason } satisfies ApprovalPayloads["resumption"], "suspended");
  await typePayload(bridge.id, "closed", {
    ground: "fully_rectified",
    reason: "石门桥加固工程已完工并经检测验收，限载标志和限高设施已设置，县交通运输局已建立超限运输联合治理机制，国家利益和社会公共利益得到有效保护。",
  } satisfies ApprovalPayloads["closure"]);
  serveFiling(bridge.id, transport, G("2025-05-14"), "龚立新");
  await s.evidence({
    ...evidenceBase(bridge.id, prosecutor2),
    ordinal: 1,
    title: "石门桥桥面开裂及护栏损毁现场照片",
    kind: "audiovisual",
    description: "现场拍摄桥面横向裂缝、护栏缺失及超限货车通行情况，共2张。",
    collectedOn: G("2025-05-20"),
    source: "现场拍摄",
    photo: { place: "洋市镇石门桥", time: "09:40", seed: 401, count: 2, org: org.guiyang.name },
  });
  await s.evidence({
    ...evidenceBase(bridge.id, prosecutor2),
    ordinal: 2,
    title: "石门桥技术状况评定报告及养护档案（复印件）",
    kind: "documentary",
    description: "证明石门桥被评定为四类危桥，县交通运输局未组织加固维修。",
    collectedOn: G("2025-05-27"),
    source: transport.name,
    isOriginal: false,
  });
  const bridgeRec = await issueRecommendation({
    caseId: bridge.id,
    agency: transport,
    seq: 1,
    status: "closed",
    facts: "洋市镇境内农村公路石门桥长期遭超限货车通行，桥面开裂、护栏损毁，被评定为四类危桥，存在重大安全隐患。",
    reasons: "你局负有本县农村公路及桥梁的养护管理和超限运输治理职责，未依法设置限载标志、开展超限治理，也未组织危桥加固，致使社会公共利益受到侵害。",
    basis: "《中华人民共和国公路法》；《公路安全保护条例》",
    points: ["依法设置限载、限高标志和设施，开展超限运输治理。", "组织对石门桥进行加固维修，消除安全隐患。"],
    issuedOn: G("2025-06-18"),
    servedOn: G("2025-06-18"),
    signedBy: "龚立新",
    createdById: prosecutor2.id,
  });
  await reply(bridgeRec.id, bridge.id, transport, G("2025-11-17"), "我局收到检察建议后立即整改，汛期受阻后已复工，现将整改情况回复如下。", [
    { pointId: bridgeRec.points[0]!.id, status: "done", text: "已在石门桥两端设置限载10吨标志和限高架，联合公安交警开展超限治理。" },
    { pointId: bridgeRec.points[1]!.id, status: "done", text: "加固工程已于汛后复工并完工，经第三方检测验收合格。" },
  ]);
  await followUp({
    caseId: bridge.id,
    recommendationId: bridgeRec.id,
    on: G("2025-12-08"),
    findings: "现场检查确认石门桥已完成加固，限载、限高设施设置到位，近一个月未发现超限车辆通行；调阅检测验收报告，桥梁技术状况评定为二类。",
    conclusion: "rectified",
    disposition: "close",
    byId: prosecutor2.id,
  });
  s.service({
    data: {
      caseId: bridge.id,
      documentKind: "closure_decision",
      agencyId: transport.id,
      recipient: transport.name,
      method: "direct",
      place: `${transport.name}办公室`,
      servedOn: G("2025-12-17"),
      signedBy: "龚立新",
      serverName: `${assistant.displayName}、${clerk.displayName}`,
      createdById: clerk.id,
      createdAt: t(`${G("2025-12-17")} 15:00`),
    },
  });

  // ── M. litigation: food safety around schools (县市场监管局) ──
  const market = org.agency("market");
  const suitReason = "县市场监督管理局经检察建议督促后仅作出部分整改，校园周边无证经营和销售“三无”食品问题依然存在，社会公共利益持续受到侵害，应当依法提起行政公益诉讼（规则第八十一条、第八十二条第三项）。";
  const school = await s.createCase({
    procuratorateId: g,
    number: `${clock.year}-行公-009`,
    title: `${market.name}怠于履行校园周边食品安全监管职责案`,
    field: "food_drug",
    summary: "县城6所中小学校园周边200米范围内有11家食品经营者无证经营或销售无生产日期、无质量合格证明、无生产厂家名称的“三无”食品，县市场监督管理局未依法查处。",
    respondentAgencyId: market.id,
    leadId: prosecutor.id,
    members: team(prosecutor, prosecutor2),
    createdAt: G("2025-07-21 09:00"),
    steps: [
      { to: "filed", at: G("2025-08-04 10:00") },
      { to: "investigating", at: G("2025-08-04 15:00") },
      { to: "recommending", at: G("2025-09-15 10:00"), reason: "调查终结，拟制发检察建议" },
      { to: "rectification", at: G("2025-09-17 10:00"), reason: "检察建议书已送达", requestedAt: G("2025-09-15 15:00") },
      { to: "follow_up", at: G("2025-11-24 09:00"), reason: "收到书面回复，开展跟进调查" },
      { to: "pre_suit_review", at: G("2026-01-12 10:00"), reason: "跟进调查认定行政机关仅部分整改，公益持续受损，转入审查起诉（规则第八十一条、第八十二条）。" },
      { to: "litigation", at: G("2026-02-05 10:00"), reason: suitReason, comment: "同意提起行政公益诉讼。" },
    ],
  });
  await typePayload(school.id, "litigation", { reason: suitReason } satisfies ApprovalPayloads["suit"]);
  serveFiling(school.id, market, G("2025-08-06"), "鲁雅琴");
  await s.evidence({
    ...evidenceBase(school.id, prosecutor),
    ordinal: 1,
    title: "校园周边食品经营店铺现场照片",
    kind: "audiovisual",
    description: "拍摄校园周边无证经营店铺及货架上的“三无”食品，共3张。",
    collectedOn: G("2025-08-12"),
    source: "现场拍摄",
    photo: { place: "县城某小学校门外", time: "16:20", seed: 402, count: 3, org: org.guiyang.name },
  });
  await s.evidence({
    ...evidenceBase(school.id, prosecutor),
    ordinal: 2,
    title: "校园周边食品经营者登记及日常监督检查记录（复印件）",
    kind: "documentary",
    description: "证明11家经营者中7家未取得食品经营许可，县市场监督管理局近两年未对其开展监督检查。",
    collectedOn: G("2025-08-19"),
    source: market.name,
    isOriginal: false,
  });
  await s.evidence({
    ...evidenceBase(school.id, prosecutor),
    ordinal: 3,
    title: "跟进调查现场勘验笔录",
    kind: "inspection",
    description: "回复期满后复查，仍有5家经营者无证经营、销售“三无”食品。",
    collectedOn: G("2025-12-10"),
    source: "现场勘验",
  });
  const schoolRec = await issueRecommendation({
    caseId: school.id,
    agency: market,
    seq: 2,
    status: "replied",
    facts: "县城6所中小学校园周边200米范围内有11家食品经营者，其中7家未取得食品经营许可，9家销售“三无”食品，学生群体食品安全存在隐患。",
    reasons: "你局负有本县食品经营活动的监督管理职责。你局未依法对校园周边无证经营和销售“三无”食品行为进行查处，致使不特定多数学生的食品安全受到威胁，社会公共利益受到侵害。",
    basis: "《中华人民共和国食品安全法》第三十五条、第一百二十二条；《学校食品安全与营养健康管理规定》",
    points: ["依法查处校园周边无证经营食品的行为。", "依法查处销售“三无”食品的行为，督促经营者下架、销毁问题食品。", "建立校园周边食品安全常态化检查机制。"],
    issuedOn: G("2025-09-17"),
    servedOn: G("2025-09-17"),
    signedBy: "鲁雅琴",
    createdById: prosecutor.id,
  });
  await reply(schoolRec.id, school.id, market, G("2025-11-17"), "我局收到检察建议后开展了校园周边食品安全专项检查，现将整改情况回复如下。", [
    { pointId: schoolRec.points[0]!.id, status: "in_progress", text: "已责令2家无证经营者停业，其余正在办理许可。" },
    { pointId: schoolRec.points[1]!.id, status: "in_progress", text: "已督促部分经营者下架问题食品。" },
    { pointId: schoolRec.points[2]!.id, status: "not_done", text: "常态化检查机制正在研究制定中。" },
  ]);
  await followUp({
    caseId: school.id,
    recommendationId: schoolRec.id,
    on: G("2025-12-10"),
    findings: "回复期满后复查，11家经营者中仍有5家无证经营，4家继续销售“三无”食品；县市场监督管理局未立案查处，常态化检查机制未建立。",
    conclusion: "partly_rectified",
    disposition: "sue",
    byId: prosecutor.id,
  });

  // The counter of the year of both recommendations (桂检行公建〔year〕1–2号).
  await tx.documentNumberCounter.create({ data: { procuratorateId: g, code: "行公建", year: recYear, last: 2 } });

  return { bridge, school };
}
