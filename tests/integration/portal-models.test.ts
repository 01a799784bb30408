import { beforeAll, describe, expect, test } from "vitest";
import {
  callAction,
  callLoader,
  cookieFor,
  cookieForUserId,
  createProcuratorate,
  createUser,
  request,
} from "#tests/factories";
import {
  agencyDocumentsPage,
  agencyHearingsPage,
  agencyName,
  getServedRecommendation,
  servedRecommendationsPage,
} from "~/models/agency-portal.server";
import { getPanelistBriefing, listPanelistHearings } from "~/models/panel-portal.server";
import {
  announcementParagraphs,
  createObserverRequest,
  getPublicHearing,
  listPublicHearings,
} from "~/models/public-hearing.server";
import { loader as agencyHomeLoader } from "~/routes/agency._index";
import { loader as recommendationLoader } from "~/routes/agency.recommendations.$recommendationId";
import { loader as briefingLoader } from "~/routes/panel.hearings.$hearingId";
import { action as observerAction, loader as publicHearingLoader } from "~/routes/public.hearings.$hearingId";
import { prisma } from "~/utils/db.server";

// The three non-staff areas on a copy of the seeded database, with a procuratorate of the test's
// own: what a panelist, an agency liaison and the public can reach, and what they cannot.

const at = (iso: string) => new Date(iso);
let P: string;
let Q: string;
const ids: Record<string, string> = {};
let panelistUser: { id: string; panelistId: string | null };
let agencyUser: { id: string; agencyId: string | null };

beforeAll(async () => {
  P = (await createProcuratorate({ name: "门户测试县人民检察院", shortName: "门" })).id;
  Q = (await createProcuratorate({ name: "门户测试另一县人民检察院", shortName: "另" })).id;
  const host = await createUser({ role: "prosecutor", procuratorateId: P, displayName: "主持检察官" });
  ids.host = host.id;
  panelistUser = await createUser({ role: "panelist", procuratorateId: P });
  agencyUser = await createUser({ role: "agency", procuratorateId: P });
  const other = await createUser({ role: "panelist", procuratorateId: P });
  const recusedPanelist = await prisma.panelist.create({
    data: { procuratorateId: P, name: "回避听证员", category: "expert" },
  });
  const mine = panelistUser.panelistId!;
  ids.otherPanelist = other.panelistId!;

  const agencyX = agencyUser.agencyId!;
  const agencyY = (await prisma.agency.create({ data: { procuratorateId: P, name: "门户测试县住房和城乡建设局" } })).id;
  ids.agencyY = agencyY;

  // A clue with an informant: never to reach a panelist or an agency.
  const clue = await prisma.clue.create({
    data: {
      procuratorateId: P,
      number: "门-线-1",
      source: "report",
      receivedOn: "2026-09-01",
      summary: "群众举报",
      field: "ecology",
      informantName: "举报人赵秘密",
      informantPhone: "13912345678",
      registeredById: host.id,
    },
  });
  const mkCase = async (key: string, respondentAgencyId: string) =>
    (ids[key] = (
      await prisma.case.create({
        data: {
          procuratorateId: P,
          clueId: clue.id,
          number: `门-${key}`,
          title: `门户测试案件 ${key}`,
          field: "ecology",
          state: "rectification",
          leadProsecutorId: host.id,
          respondentAgencyId,
        },
      })
    ).id);
  await mkCase("cX", agencyX);
  await mkCase("cY", agencyY);
  await prisma.approval.create({
    data: {
      procuratorateId: P,
      caseId: ids.cX!,
      kind: "recommendation",
      subject: "内部审批事项绝密",
      requestedById: host.id,
    },
  });

  const ev = (ordinal: number, title: string) =>
    prisma.evidence.create({ data: { caseId: ids.cX!, ordinal, title, kind: "documentary", createdById: host.id } });
  const disclosed = await ev(1, "公开给听证的书证");
  await ev(2, "未公开的内部证据");

  // Hearing 1: the test panelist, another panelist and a recused one sit on it; deliberating.
  const h1 = await prisma.hearing.create({
    data: {
      procuratorateId: P,
      title: "门户测试听证",
      venue: "检察听证室",
      startsAt: at("2026-12-01T01:30:00Z"),
      status: "deliberating",
      hostId: host.id,
      deliberationSummary: "评议结论内部稿",
      cases: { create: [{ caseId: ids.cX!, ordinal: 1, issues: "是否依法履职" }] },
      panelists: {
        create: [
          { panelistId: mine, declaredAt: at("2026-11-28T02:00:00Z") },
          { panelistId: ids.otherPanelist },
          { panelistId: recusedPanelist.id, recused: true, recusalReason: "利害关系" },
        ],
      },
      disclosed: { create: [{ evidenceId: disclosed.id, disclosedById: host.id }] },
    },
  });
  ids.h1 = h1.id;
  const opinion = (panelistId: string, stance: string, reasons: string) =>
    prisma.panelOpinion.create({
      data: { hearingId: h1.id, caseId: ids.cX!, panelistId, stance, reasons, signedName: "签名" },
    });
  await opinion(mine, "agree", "我的理由");
  await opinion(ids.otherPanelist, "disagree", "他人的理由保密");
  await opinion(recusedPanelist.id, "disagree", "回避者的理由");

  // Hearing 2 of the same procuratorate without the test panelist; hearing 3 of another one.
  ids.h2 = (
    await prisma.hearing.create({
      data: {
        procuratorateId: P,
        title: "未受邀的听证",
        venue: "会议室",
        startsAt: at("2026-12-02T01:30:00Z"),
        hostId: host.id,
        panelists: { create: [{ panelistId: ids.otherPanelist }] },
        participants: {
          create: [{ kind: "agency_representative", agencyId: agencyY, organisation: "住建局", name: "住建代表" }],
        },
      },
    })
  ).id;
  const qHost = await createUser({ role: "prosecutor", procuratorateId: Q });
  ids.h3 = (
    await prisma.hearing.create({
      data: {
        procuratorateId: Q,
        title: "他院听证",
        venue: "他院",
        startsAt: at("2026-12-03T01:30:00Z"),
        hostId: qHost.id,
        // A seat for the test panelist in another procuratorate: still out of their scope.
        panelists: { create: [{ panelistId: mine }] },
      },
    })
  ).id;
  await prisma.hearingParticipant.create({
    data: {
      hearingId: h1.id,
      kind: "agency_representative",
      agencyId: agencyX,
      organisation: "本局",
      name: "本局代表",
      post: "副局长",
    },
  });

  // Recommendations: RX served on X (and copied to Y, who replied too); RY served only on Y.
  const rec = async (key: string, caseId: string, number: string) =>
    (ids[key] = (
      await prisma.recommendation.create({
        data: {
          caseId,
          procuratorateId: P,
          number,
          status: "served",
          facts: `${number} 的事实`,
          reasons: "理由",
          legalBasis: "依据",
          replyPeriod: key === "RX" ? "fifteen_days" : "two_months",
          createdById: host.id,
          points: {
            create: [
              { ordinal: 1, text: "第一项建议" },
              { ordinal: 2, text: "第二项建议" },
            ],
          },
        },
      })
    ).id);
  await rec("RX", ids.cX!, "门检行公建〔2026〕1号");
  await rec("RY", ids.cY!, "门检行公建〔2026〕2号");
  const serve = (
    recommendationId: string | null,
    caseId: string,
    agencyId: string,
    servedOn: string,
    documentKind = "recommendation"
  ) =>
    prisma.service.create({
      data: {
        caseId,
        documentKind,
        recommendationId,
        agencyId,
        recipient: "收件人",
        method: "direct",
        servedOn,
        signedBy: "签收人",
        serverName: "送达人",
        createdById: host.id,
      },
    });
  await serve(ids.RX!, ids.cX!, agencyX, "2026-11-20");
  await serve(ids.RX!, ids.cX!, agencyY, "2026-11-21");
  await serve(ids.RY!, ids.cY!, agencyY, "2026-11-20");
  await serve(null, ids.cX!, agencyX, "2026-09-10", "filing_decision");
  const points = await prisma.recommendationPoint.findMany({
    where: { recommendationId: ids.RX! },
    orderBy: { ordinal: "asc" },
  });
  await prisma.reply.create({
    data: {
      recommendationId: ids.RX!,
      agencyId: agencyX,
      summary: "本局的回复",
      status: "submitted",
      submittedAt: at("2026-11-25T02:00:00Z"),
      answers: { create: [{ pointId: points[0]!.id, status: "done", text: "已完成" }] },
      attachments: {
        create: [{ sha256: "a".repeat(64), size: 2048, mimeType: "application/pdf", originalName: "整改报告.pdf" }],
      },
    },
  });
  await prisma.reply.create({
    data: { recommendationId: ids.RX!, agencyId: agencyY, summary: "住建局的回复不应外泄", status: "submitted" },
  });
  const doc = (agencyId: string, agencyVisible: boolean, title: string) =>
    prisma.generatedDocument.create({
      data: {
        procuratorateId: P,
        caseId: ids.cX!,
        kind: "fact_confirmation",
        title,
        sha256: "b".repeat(64),
        size: 1,
        agencyId,
        agencyVisible,
        createdById: host.id,
      },
    });
  await doc(agencyX, true, "送给本局的事实确认书");
  await doc(agencyX, false, "内部审批表");
  await doc(agencyY, true, "送给住建局的文书");

  // Public hearings.
  const pub = (title: string, data: Record<string, unknown>) =>
    prisma.hearing.create({
      data: {
        procuratorateId: P,
        title,
        venue: "检察听证室",
        startsAt: at("2030-06-01T01:30:00Z"),
        hostId: host.id,
        isPublic: true,
        announcedAt: at("2026-11-20T02:00:00Z"),
        status: "notified",
        ...data,
      },
    });
  ids.open = (
    await pub("公开听证（开放报名）", {
      observerSeats: 2,
      announcement:
        "门户测试县人民检察院\n听证公告\n\n正文第一段。\n正文第二段。\n\n门户测试县人民检察院\n2026年11月20日",
    })
  ).id;
  ids.closed = (await pub("不公开听证", { isPublic: false, closedReason: "涉及个人隐私" })).id;
  ids.unannounced = (await pub("尚未公告的听证", { announcedAt: null })).id;
  ids.concluded = (await pub("已结束的公开听证", { status: "concluded", startsAt: at("2026-06-01T01:30:00Z") })).id;
  ids.started = (await pub("已开始的公开听证", { startsAt: at("2026-11-01T01:30:00Z") })).id;
});

const NOW = at("2026-11-26T04:00:00Z");
const panelScope = () => ({ procuratorateId: P, panelistId: panelistUser.panelistId! });
const agencyScope = () => ({ procuratorateId: P, agencyId: agencyUser.agencyId! });

describe("panel portal", () => {
  test("lists only the hearings the panelist sits on, in their procuratorate", async () => {
    const { upcoming, past } = await listPanelistHearings(panelScope());
    expect([...upcoming, ...past].map((h) => h.id)).toEqual([ids.h1]);
    expect(upcoming[0]).toMatchObject({ caseCount: 1, declaration: "signed", opinionCount: 1 });
  });

  test("another hearing, or one in another procuratorate, is not found", async () => {
    await expect(getPanelistBriefing(panelScope(), ids.h2!)).rejects.toMatchObject({ status: 404 });
    await expect(getPanelistBriefing(panelScope(), ids.h3!)).rejects.toMatchObject({ status: 404 });
    await expect(getPanelistBriefing({ procuratorateId: Q, panelistId: panelistUser.panelistId! }, ids.h1!)).rejects.toMatchObject({ status: 404 });
  });

  test("the briefing pack holds disclosed evidence only, and nothing internal", async () => {
    const pack = (await getPanelistBriefing(panelScope(), ids.h1!))!;
    expect(pack.cases.map((c) => c.evidence.map((e) => e.title))).toEqual([["公开给听证的书证"]]);
    const text = JSON.stringify(pack);
    for (const secret of ["未公开的内部证据", "举报人赵秘密", "13912345678", "内部审批事项绝密", "评议结论内部稿"]) {
      expect(text).not.toContain(secret);
    }
    expect(pack.cases[0]).toMatchObject({
      issues: "是否依法履职",
      respondent: expect.any(String),
    });
    expect(pack.seat).toMatchObject({ state: "signed", recused: false });
  });

  test("before the hearing concludes: my opinion only, the others sealed", async () => {
    const pack = (await getPanelistBriefing(panelScope(), ids.h1!))!;
    expect(pack.opinionsSealed).toBe(true);
    expect(pack.cases[0]!.myOpinion).toMatchObject({ stance: "agree", reasons: "我的理由" });
    expect(pack.cases[0]!.panel).toBeNull();
    expect(JSON.stringify(pack)).not.toContain("他人的理由保密");
  });

  test("after it concludes: the tally and the others' opinions, without recused panelists", async () => {
    await prisma.hearing.update({
      where: { id: ids.h1! },
      data: { status: "concluded", concludedAt: at("2026-12-01T05:00:00Z"), deliberationClosedAt: at("2026-12-01T04:30:00Z") },
    });
    try {
      const pack = (await getPanelistBriefing(panelScope(), ids.h1!))!;
      expect(pack.opinionsSealed).toBe(false);
      const panel = pack.cases[0]!.panel!;
      expect(panel.tally).toMatchObject({ agree: 1, disagree: 1, total: 2, majority: null });
      expect(panel.opinions.map((o) => o.reasons)).toEqual(["他人的理由保密"]);
      expect(pack.outcome).toMatchObject({ deliberation: "评议结论内部稿" });
    } finally {
      await prisma.hearing.update({ where: { id: ids.h1! }, data: { status: "deliberating", concludedAt: null, deliberationClosedAt: null } });
    }
  });

  test("the route answers 404 for a hearing the panelist does not sit on", async () => {
    const cookie = await cookieForUserId(panelistUser.id);
    const ok = await callLoader(briefingLoader, request(`/panel/hearings/${ids.h1}`, { cookie }), {
      hearingId: ids.h1!,
    });
    expect(ok.status).toBe(200);
    for (const id of [ids.h2!, ids.h3!, "no-such-hearing"]) {
      const res = await callLoader(briefingLoader, request(`/panel/hearings/${id}`, { cookie }), { hearingId: id });
      expect(res.status).toBe(404);
    }
  });
});

describe("agency portal", () => {
  test("lists the recommendations served on my agency, not another's", async () => {
    const { items: rows } = await servedRecommendationsPage(agencyScope(), null);
    expect(rows.map((r) => r.number)).toEqual(["门检行公建〔2026〕1号"]);
    expect(rows[0]).toMatchObject({
      servedOn: "2026-11-20",
      method: "direct",
      replyPeriod: "fifteen_days",
      reply: { status: "submitted" },
    });
    expect(await agencyName(agencyScope())).toBe(
      (await prisma.agency.findUnique({ where: { id: agencyUser.agencyId! } }))!.name
    );
  });

  test("a recommendation served on another agency, or in another procuratorate, is not found", async () => {
    await expect(getServedRecommendation(agencyScope(), ids.RY!)).rejects.toMatchObject({ status: 404 });
    await expect(getServedRecommendation({ procuratorateId: Q, agencyId: agencyUser.agencyId! }, ids.RX!)).rejects.toMatchObject({ status: 404 });
  });

  test("shows my service record and my replies only, never another agency's reply or internal data", async () => {
    const rec = (await getServedRecommendation(agencyScope(), ids.RX!))!;
    expect(rec.services.map((s) => s.servedOn)).toEqual(["2026-11-20"]);
    expect(rec.replies.map((r) => r.summary)).toEqual(["本局的回复"]);
    expect(rec.replies[0]!.answers).toEqual([expect.objectContaining({ ordinal: 1, status: "done", text: "已完成" })]);
    expect(rec.replies[0]!.attachments).toEqual([
      expect.objectContaining({ originalName: "整改报告.pdf", size: 2048 }),
    ]);
    expect(rec.points.map((p) => p.text)).toEqual(["第一项建议", "第二项建议"]);
    const text = JSON.stringify(rec);
    for (const secret of ["住建局的回复不应外泄", "举报人赵秘密", "13912345678", "内部审批事项绝密"]) {
      expect(text).not.toContain(secret);
    }
  });

  test("documents: other services and the documents released to my agency only", async () => {
    const { items: docs } = await agencyDocumentsPage(agencyScope(), null);
    expect(docs.map((d) => d.kind)).toEqual(["filing_decision", "fact_confirmation"]);
    expect(docs.map((d) => d.title)).toContain("送给本局的事实确认书");
    expect(JSON.stringify(docs)).not.toContain("内部审批表");
    expect(JSON.stringify(docs)).not.toContain("送给住建局的文书");
  });

  test("hearings my agency attended, with my representatives only", async () => {
    const { items: hearings } = await agencyHearingsPage(agencyScope(), null);
    expect(hearings.map((h) => h.id)).toEqual([ids.h1]);
    expect(hearings[0]!.representatives.map((r) => r.name)).toEqual(["本局代表"]);
  });

  test("the routes compute the reply deadline and answer 404 out of scope", async () => {
    const cookie = await cookieForUserId(agencyUser.id);
    const ok = await callLoader(recommendationLoader, request(`/agency/recommendations/${ids.RX}`, { cookie }), {
      recommendationId: ids.RX!,
    });
    expect(ok.status).toBe(200);
    const data = (ok as { data: { deadline: { dueOn: string; triggerOn: string }; replied: boolean } }).data;
    // 15 days from 2026-11-20, start day excluded (两高解释 Art 21; 民诉法 Art 85): 2026-12-05 is
    // a Saturday, so the due day moves to Monday 2026-12-07.
    expect(data.deadline).toMatchObject({ triggerOn: "2026-11-20", dueOn: "2026-12-07" });
    expect(data.replied).toBe(true);
    const out = await callLoader(recommendationLoader, request(`/agency/recommendations/${ids.RY}`, { cookie }), {
      recommendationId: ids.RY!,
    });
    expect(out.status).toBe(404);
    const home = await callLoader(agencyHomeLoader, request("/agency", { cookie }));
    expect(home.status).toBe(200);
  });

  test("the demo agency sees its own served recommendations in the seeded data", async () => {
    const cookie = await cookieFor("agency");
    const home = await callLoader(agencyHomeLoader, request("/agency", { cookie }));
    expect(home.status).toBe(200);
    const data = (home as { data: { recommendations: { items: { number: string | null }[] } } }).data;
    expect(data.recommendations.items.length).toBeGreaterThan(0);
  });
});

describe("public pages", () => {
  test("list only public, announced hearings; coming ones first", async () => {
    const { upcoming, past } = await listPublicHearings(NOW);
    const all = [...upcoming, ...past].map((h) => h.id);
    expect(all).toEqual(expect.arrayContaining([ids.open, ids.concluded, ids.started]));
    expect(all).not.toContain(ids.closed);
    expect(all).not.toContain(ids.unannounced);
    expect(upcoming.map((h) => h.id)).toContain(ids.open);
    expect(past.map((h) => h.id)).toEqual(expect.arrayContaining([ids.concluded, ids.started]));
  });

  test("a closed or unannounced hearing is not found", async () => {
    await expect(getPublicHearing(ids.closed!, NOW)).rejects.toMatchObject({ status: 404 });
    await expect(getPublicHearing(ids.unannounced!, NOW)).rejects.toMatchObject({ status: 404 });
    const res = await callLoader(publicHearingLoader, request(`/public/hearings/${ids.closed}`), {
      hearingId: ids.closed!,
    });
    expect(res.status).toBe(404);
  });

  test("the announcement body loses the header and the signature the page prints itself", () => {
    expect(
      announcementParagraphs(
        "门户测试县人民检察院\n听证公告\n\n正文第一段。\n正文第二段。\n\n门户测试县人民检察院\n2026年11月20日",
        "门户测试县人民检察院"
      )
    ).toEqual(["正文第一段。", "正文第二段。"]);
    expect(announcementParagraphs(null, "x")).toEqual([]);
  });

  test("sign-up: written with an anonymous audit event; the same phone again takes no second seat", async () => {
    const before = await prisma.hearingObserverRequest.count({ where: { hearingId: ids.open! } });
    const first = await createObserverRequest(ids.open!, { name: "市民甲", phone: "13800138000" }, NOW, null);
    expect(first).toMatchObject({ ok: true, duplicate: false });
    const event = await prisma.auditEvent.findFirst({ orderBy: { seq: "desc" } });
    expect(event).toMatchObject({ action: "hearing.observer_request", actorId: null, procuratorateId: P });
    expect(event!.data).not.toContain("13800138000");
    const again = await createObserverRequest(ids.open!, { name: "市民甲", phone: "13800138000" }, NOW, null);
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(await prisma.hearingObserverRequest.count({ where: { hearingId: ids.open! } })).toBe(before + 1);
  });

  test("sign-up: the same number written with +86, 86-, 0086, spaces or dashes is the same person", async () => {
    const before = await prisma.hearingObserverRequest.count({ where: { hearingId: ids.open! } });
    const first = await createObserverRequest(ids.open!, { name: "市民甲", phone: "13800138000" }, NOW, null);
    expect(first).toMatchObject({ ok: true });
    for (const phone of ["+8613800138000", "86-138 0013 8000", "0086 138-0013-8000"]) {
      const res = await callAction(
        observerAction,
        request(`/public/hearings/${ids.open}`, { form: { name: "市民甲", phone } }),
        { hearingId: ids.open! }
      );
      expect(res.status).toBe(200);
      expect(res.kind === "data" && res.data).toMatchObject({ submitted: true, duplicate: true });
    }
    // A request stored in a non-canonical form (before canonicalisation) is recognised too.
    const legacy = await prisma.hearingObserverRequest.update({
      where: { id: (first as { id: string }).id },
      data: { phone: "+8613800138000" },
    });
    const again = await createObserverRequest(ids.open!, { name: "市民甲", phone: "13800138000" }, NOW, null);
    expect(again).toEqual({ ok: true, id: legacy.id, duplicate: true });
    expect(await prisma.hearingObserverRequest.count({ where: { hearingId: ids.open! } })).toBe(before);
    await prisma.hearingObserverRequest.update({ where: { id: legacy.id }, data: { phone: "13800138000" } });
  });

  test("sign-up refusals: seats full, started, concluded; closed hearings are not found", async () => {
    await createObserverRequest(ids.open!, { name: "市民乙", phone: "0735-2345678" }, NOW, null);
    expect(await createObserverRequest(ids.open!, { name: "市民丙", phone: "13900139000" }, NOW, null)).toEqual({
      ok: false,
      refusal: "seatsFull",
    });
    // A declined request frees its seat.
    await prisma.hearingObserverRequest.updateMany({
      where: { hearingId: ids.open!, name: "市民乙" },
      data: { status: "declined" },
    });
    expect(await createObserverRequest(ids.open!, { name: "市民丙", phone: "13900139000" }, NOW, null)).toMatchObject({
      ok: true,
    });
    expect(await createObserverRequest(ids.started!, { name: "市民丁", phone: "13700137000" }, NOW, null)).toEqual({
      ok: false,
      refusal: "hearingStarted",
    });
    expect(await createObserverRequest(ids.concluded!, { name: "市民丁", phone: "13700137000" }, NOW, null)).toEqual({
      ok: false,
      refusal: "hearingConcluded",
    });
    await expect(createObserverRequest(ids.closed!, { name: "市民丁", phone: "13700137000" }, NOW, null)).rejects.toMatchObject({ status: 404 });
    await expect(createObserverRequest(ids.unannounced!, { name: "市民丁", phone: "13700137000" }, NOW, null)).rejects.toMatchObject({ status: 404 });
  });

  test("the action: 400 with field errors and nothing written; 409 once the hearing has begun", async () => {
    const count = () => prisma.hearingObserverRequest.count();
    const n = await count();
    const empty = await callAction(
      observerAction,
      request(`/public/hearings/${ids.started}`, { method: "POST", form: {} }),
      { hearingId: ids.started! }
    );
    expect(empty.status).toBe(400);
    const bad = await callAction(
      observerAction,
      request(`/public/hearings/${ids.started}`, { form: { name: "市民戊", phone: "12345" } }),
      { hearingId: ids.started! }
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify((bad as { data: unknown }).data)).toContain("validation.phone");
    expect(await count()).toBe(n);
    const late = await callAction(
      observerAction,
      request(`/public/hearings/${ids.started}`, { form: { name: "市民戊", phone: "13600136000" } }),
      { hearingId: ids.started! }
    );
    expect(late.status).toBe(409);
    expect(JSON.stringify((late as { data: unknown }).data)).toContain("portal.public.refusal.hearingStarted");
    expect(await count()).toBe(n);
    const hidden = await callAction(
      observerAction,
      request(`/public/hearings/${ids.closed}`, { form: { name: "市民戊", phone: "13600136000" } }),
      { hearingId: ids.closed! }
    );
    expect(hidden.status).toBe(404);
  });
});
