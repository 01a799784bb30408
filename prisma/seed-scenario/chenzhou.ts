import type { Scenario } from "./builder";
import { t } from "./builder";
import type { SeedClock } from "./clock";
import { zhDate } from "./clock";
import type { Org } from "./organisation";

// A small set of records of 郴州市人民检察院, the other procuratorate of the demo. Tests use them
// to prove that another procuratorate's records answer 404 to 桂阳 users.

export const CZ_AGENCY_NAME = "郴州市城市管理和综合执法局";
export const CZ_SERIES_NAME = "郴州市中心城区餐厨垃圾收运处置";
export const CZ_CASE_TITLE = `${CZ_AGENCY_NAME}怠于履行餐厨垃圾收运处置监管职责案`;
export const CZ_HEARING_TITLE = "郴州市中心城区餐厨垃圾收运处置整改情况公开听证";
/** 郴州's one recommendation, numbered in the seed year. */
export const czRecommendationNumber = (year: number) => `郴检行公建〔${year}〕1号`;

export async function seedChenzhou(s: Scenario, org: Org, clock: SeedClock) {
  const { tx } = s;
  const G = (local: string) => clock.local(local);
  const Y = clock.year;
  const c = org.chenzhou.id;
  const { czProsecutor, czChief } = org.users;

  const agency = await tx.agency.create({
    data: {
      procuratorateId: c,
      name: CZ_AGENCY_NAME,
      shortName: "市城管局",
      kind: "department",
      head: "段国华",
      address: "湖南省郴州市北湖区",
      phone: "0735-2881000",
    },
  });
  const clue = await tx.clue.create({
    data: {
      procuratorateId: c,
      number: `${Y}-线索-001`,
      source: "media",
      receivedOn: G("2026-07-22"),
      summary: "媒体报道：中心城区部分餐饮单位餐厨垃圾未交由有资质单位收运，私自出售给无证收运人员。",
      field: "ecology",
      location: "郴州市中心城区",
      status: "filed",
      evaluation: "经初步调查属实，市城管局负有餐厨垃圾收运处置监管职责，建议立案。",
      registeredById: czProsecutor.id,
      assigneeId: czProsecutor.id,
      createdAt: t(G("2026-07-22 10:00")),
    },
  });
  s.audit({
    procuratorateId: c,
    actorId: czProsecutor.id,
    action: "clue.register",
    entityType: "Clue",
    entityId: clue.id,
    data: { number: clue.number, source: clue.source },
    at: clue.createdAt,
  });
  const series = await tx.caseSeries.create({
    data: {
      procuratorateId: c,
      name: CZ_SERIES_NAME,
      summary: "中心城区餐厨垃圾未规范收运处置，涉及市城管局及相关城区政府，作为系列案办理。",
      createdAt: t(G("2026-08-05 10:00")),
    },
  });
  const kase = await s.createCase({
    procuratorateId: c,
    seriesId: series.id,
    clueId: clue.id,
    number: `${Y}-行公-001`,
    title: CZ_CASE_TITLE,
    field: "ecology",
    summary: "中心城区部分餐饮单位餐厨垃圾私自出售给无证收运人员，存在“地沟油”回流餐桌和环境污染风险。",
    respondentAgencyId: agency.id,
    leadId: czProsecutor.id,
    members: [{ userId: czProsecutor.id, role: "lead" }],
    createdAt: G("2026-07-28 09:00"),
    steps: [
      { to: "filed", at: G("2026-08-10 10:00") },
      { to: "investigating", at: G("2026-08-10 15:00") },
      { to: "recommending", at: G("2026-09-22 10:00") },
      { to: "rectification", at: G("2026-09-28 10:00"), reason: "检察建议书已送达" },
    ],
  });
  s.service({
    data: {
      caseId: kase.id,
      documentKind: "filing_decision",
      agencyId: agency.id,
      recipient: agency.name,
      method: "direct",
      place: `${agency.name}办公室`,
      servedOn: G("2026-08-12"),
      signedBy: "段国华",
      serverName: czProsecutor.displayName,
      createdById: czProsecutor.id,
      createdAt: t(G("2026-08-12 15:00")),
    },
  });
  const evidenceId = await s.evidence({
    procuratorateId: c,
    caseId: kase.id,
    ordinal: 1,
    title: "餐饮单位后厨餐厨垃圾现场照片",
    kind: "audiovisual",
    description: "拍摄餐厨垃圾私自装桶交无证人员运走的情况。",
    collectedOn: G("2026-08-18"),
    collectorIds: [czProsecutor.id, czChief.id], // 规则 Art 36: two staff
    otherCollectors: "餐饮单位后厨负责人（在场见证）",
    source: "现场拍摄",
    createdById: czProsecutor.id,
    storedById: czProsecutor.id,
    photo: { place: "郴州市中心城区某餐饮单位后厨", time: "21:10", seed: 901, org: org.chenzhou.name },
  });

  const rec = await tx.recommendation.create({
    data: {
      caseId: kase.id,
      procuratorateId: c,
      number: czRecommendationNumber(Y),
      status: "served",
      facts: "中心城区部分餐饮单位未与有资质单位签订餐厨垃圾收运协议，餐厨垃圾私自出售给无证收运人员。",
      reasons: "你局负责中心城区餐厨垃圾收运处置的监督管理，未依法履职，致使公共利益受到侵害。",
      legalBasis: "《中华人民共和国行政诉讼法》第二十五条第四款；《人民检察院公益诉讼办案规则》第七十五条；《中华人民共和国固体废物污染环境防治法》",
      replyPeriod: "two_months",
      ccList: "郴州市人民政府；湖南省人民检察院",
      issuedOn: G("2026-09-28"),
      createdById: czProsecutor.id,
      createdAt: t(G("2026-09-22 15:00")),
      updatedAt: t(G("2026-09-28 11:00")),
      points: {
        create: [
          { ordinal: 1, text: "督促中心城区餐饮单位与有资质单位签订餐厨垃圾收运协议。" },
          { ordinal: 2, text: "依法查处无证收运餐厨垃圾行为。" },
        ],
      },
    },
  });
  s.service({
    data: {
      caseId: kase.id,
      documentKind: "recommendation",
      documentNumber: czRecommendationNumber(Y),
      recommendationId: rec.id,
      agencyId: agency.id,
      recipient: agency.name,
      method: "direct",
      place: `${agency.name}办公室`,
      servedOn: G("2026-09-28"),
      signedBy: "段国华",
      serverName: czProsecutor.displayName,
      createdById: czProsecutor.id,
      createdAt: t(G("2026-09-28 11:00")),
    },
  });
  s.audit({
    procuratorateId: c,
    actorId: czProsecutor.id,
    action: "recommendation.serve",
    entityType: "Recommendation",
    entityId: rec.id,
    caseId: kase.id,
    data: { number: czRecommendationNumber(Y), method: "direct", servedOn: G("2026-09-28"), agency: agency.name },
    at: t(G("2026-09-28 11:00")),
  });

  // Panel pool of 郴州 (3) and a public hearing to assess the rectification (指引 Art 4).
  const pool = [
    { name: "袁晓东", gender: "male", birthOn: "1974-04-12", category: "npc_deputy", workUnit: "郴州某建设集团", title: "市人大代表", phone: "13907358812" },
    { name: "邝丽娟", gender: "female", birthOn: "1982-09-30", category: "cppcc_member", workUnit: "郴州某律师事务所", title: "市政协委员、律师", phone: "13873577120" },
    { name: "李国栋", gender: "male", birthOn: "1966-02-18", category: "people_supervisor", workUnit: "退休", title: "人民监督员", phone: "13517359046" },
  ];
  const panelists = [];
  for (const p of pool) {
    panelists.push(await tx.panelist.create({ data: { procuratorateId: c, ...p, joinedOn: "2022-03-01" } }));
  }
  const hearing = await tx.hearing.create({
    data: {
      procuratorateId: c,
      seriesId: series.id,
      title: CZ_HEARING_TITLE,
      purpose: "市城管局餐厨垃圾收运处置整改是否到位。",
      isPublic: true,
      venue: "郴州市人民检察院检察听证室",
      startsAt: t(G("2026-12-10 09:30")),
      endsAt: t(G("2026-12-10 11:30")),
      hostId: czProsecutor.id,
      status: "notified",
      announcement: [
        "郴州市人民检察院",
        "听证公告",
        "",
        `本院定于${zhDate(G("2026-12-10"))}9时30分，在郴州市人民检察院检察听证室就郴州市城市管理和综合执法局餐厨垃圾收运处置整改情况召开公开听证会。`,
        `公民可于${zhDate(G("2026-12-08"))}17时前报名申请旁听。联系电话：0735-12309。`,
        "",
        "郴州市人民检察院",
        zhDate(G("2026-11-22")),
      ].join("\n"),
      announcedAt: t(G("2026-11-22 10:00")),
      contactPhone: "0735-12309",
      observerSeats: 10,
      createdAt: t(G("2026-11-20 10:00")),
      updatedAt: t(G("2026-11-22 10:00")),
    },
  });
  await tx.hearingCase.create({
    data: { hearingId: hearing.id, caseId: kase.id, ordinal: 1, sessionAt: t(G("2026-12-10 09:30")), issues: "整改是否到位" },
  });
  await tx.hearingPanelist.createMany({
    data: panelists.map((p) => ({ hearingId: hearing.id, panelistId: p.id, invitedAt: t(G("2026-11-21 10:00")) })),
  });
  await tx.hearingParticipant.create({
    data: { hearingId: hearing.id, kind: "agency_representative", agencyId: agency.id, organisation: agency.name, name: "段国华", post: "局长" },
  });
  await s.disclose(hearing.id, [evidenceId], czProsecutor.id, t(G("2026-11-25 10:00")));
  s.audit({
    procuratorateId: c,
    actorId: czProsecutor.id,
    action: "hearing.announce",
    entityType: "Hearing",
    entityId: hearing.id,
    caseId: kase.id,
    data: { announcedAt: hearing.announcedAt },
    at: hearing.announcedAt!,
  });

  return { agency, clue, series, case: kase, hearing, recommendation: rec };
}
