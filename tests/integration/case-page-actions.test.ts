import { beforeAll, describe, expect, test } from "vitest";
import type { RouteResult } from "#tests/factories";
import { callAction, callLoader, cookieFor, request } from "#tests/factories";
import { action as overviewAction, loader as overviewLoader } from "~/routes/_staff.cases.$caseId._index";
import { action as consultAction } from "~/routes/_staff.cases.$caseId.consultations";
import { action as recAction, loader as recLoader } from "~/routes/_staff.cases.$caseId.recommendation";
import { prisma } from "~/utils/db.server";

// The case page's actions on a copy of the seeded database: next steps (a move without approval,
// a request for one, refusals), consultations and the recommendation draft. Each: the happy path,
// the wrong role (403), another procuratorate's case (404), bad input (400) and a stale version (409).
// 2026-行公-007 (桂, filed, demo prosecutor's case, two evidence items) walks through all of them.

let caseId: string;
let foreignId: string;
let prosecutor: string;
let chief: string;

const version = async (id = caseId) => String((await prisma.case.findUniqueOrThrow({ where: { id } })).version);
const post = (act: typeof overviewAction, path: string, id: string, cookie: string, form: Record<string, string>) =>
  callAction(act, request(path, { cookie, form }), { caseId: id });
const messageOf = (res: RouteResult) => JSON.stringify(res.kind === "data" ? res.data : null);

beforeAll(async () => {
  caseId = (await prisma.case.findFirstOrThrow({ where: { number: "2026-行公-007", procuratorate: { shortName: "桂" } } })).id;
  foreignId = (await prisma.case.findFirstOrThrow({ where: { procuratorate: { shortName: "郴" } } })).id;
  prosecutor = await cookieFor("prosecutor");
  chief = await cookieFor("chief");
});

describe("the overview shows what is due", () => {
  test("2026-行公-007's overdue filing-decision service shows on its own page, with its steps", async () => {
    const res = await callLoader(overviewLoader, request(`/cases/${caseId}`, { cookie: prosecutor }), { caseId });
    expect(res.status).toBe(200);
    const body = (res as { data: { deadlines: { ruleId: string; status: string; steps: unknown[] }[] } }).data;
    const service = body.deadlines.find((d) => d.ruleId === "filing_decision_service");
    expect(service).toBeDefined();
    expect(service!.status).toBe("overdue");
    expect(service!.steps.length).toBeGreaterThan(0);
  });
});

describe("next steps", () => {
  const path = () => `/cases/${caseId}`;

  test("refusals: wrong role 403, other procuratorate 404, empty reason 400, stale 409, illegal 409", async () => {
    const v = await version();
    expect((await post(overviewAction, path(), caseId, chief, { intent: "step", to: "investigating", reason: "开展调查", version: v })).status).toBe(403);
    expect(
      (await post(overviewAction, `/cases/${foreignId}`, foreignId, prosecutor, { intent: "step", to: "investigating", reason: "x", version: await version(foreignId) }))
        .status,
    ).toBe(404);
    const empty = await post(overviewAction, path(), caseId, prosecutor, { intent: "step", to: "investigating", reason: "  ", version: v });
    expect(empty.status).toBe(400);
    expect(messageOf(empty)).toContain("casepage.validation.reason");
    const stale = await post(overviewAction, path(), caseId, prosecutor, { intent: "step", to: "investigating", reason: "开展调查", version: String(Number(v) + 5) });
    expect(stale.status).toBe(409);
    expect(messageOf(stale)).toContain("casepage.error.stale");
    const illegal = await post(overviewAction, path(), caseId, prosecutor, { intent: "step", to: "closed", reason: "结案", ground: "other", version: v });
    expect(illegal.status).toBe(409);
    expect(messageOf(illegal)).toContain("casepage.error.illegalStep");
    expect(await prisma.caseTransition.count({ where: { caseId, toState: { not: "filed" } } })).toBe(0);
    expect(await version()).toBe(v);
  });

  test("a step without approval moves the case (filed → investigating) with its reason and audit event", async () => {
    const res = await post(overviewAction, path(), caseId, prosecutor, { intent: "step", to: "investigating", reason: "制定调查方案，开展调查", version: await version() });
    expect(res.status).toBe(302);
    const kase = await prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(kase.state).toBe("investigating");
    const move = await prisma.caseTransition.findFirstOrThrow({ where: { caseId, toState: "investigating" } });
    expect(move.reason).toBe("制定调查方案，开展调查");
    expect(await prisma.auditEvent.count({ where: { caseId, action: "case.transition" } })).toBeGreaterThan(0);
  });

  test("an edge that needs an approval is requested: closure needs its Art 74 ground, then shows as awaiting", async () => {
    const v = await version();
    const noGround = await post(overviewAction, path(), caseId, prosecutor, { intent: "step", to: "closed", reason: "已整改", version: v });
    expect(noGround.status).toBe(400);
    expect(messageOf(noGround)).toContain("casepage.validation.closureGround");
    const badGround = await post(overviewAction, path(), caseId, prosecutor, { intent: "step", to: "closed", reason: "已整改", ground: "invented", version: v });
    expect(badGround.status).toBe(400);
    const ok = await post(overviewAction, path(), caseId, prosecutor, { intent: "step", to: "closed", reason: "已全面整改", ground: "fully_rectified", version: v });
    expect(ok.status).toBe(302);
    const approval = await prisma.approval.findFirstOrThrow({ where: { caseId, kind: "closure", decision: "pending" } });
    expect(JSON.parse(approval.payload!)).toEqual({ ground: "fully_rectified", reason: "已全面整改" });
    expect(approval.caseVersion).toBe(Number(v));
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("investigating");
    const page = await callLoader(overviewLoader, request(path(), { cookie: prosecutor }), { caseId });
    const steps = (page as { data: { nextSteps: { pending: { kind: string }[] } } }).data.nextSteps;
    expect(steps.pending.map((a) => a.kind)).toContain("closure");
    // A second request of the kind while one is pending: 409.
    const again = await post(overviewAction, path(), caseId, prosecutor, { intent: "step", to: "closed", reason: "再次", ground: "other", version: v });
    expect(again.status).toBe(409);
    // A rejection shows with its reason.
    await prisma.approval.update({ where: { id: approval.id }, data: { decision: "rejected", comment: "整改尚未完成", decidedAt: new Date() } });
    const after = await callLoader(overviewLoader, request(path(), { cookie: prosecutor }), { caseId });
    const rejected = (after as { data: { nextSteps: { rejected: { comment: string }[] } } }).data.nextSteps.rejected;
    expect(rejected.map((a) => a.comment)).toContain("整改尚未完成");
  });

  test("investigating → recommending passes the evidence guard (规则 Arts 71, 75)", async () => {
    const res = await post(overviewAction, path(), caseId, prosecutor, { intent: "step", to: "recommending", reason: "调查终结，拟制发检察建议", version: await version() });
    expect(res.status).toBe(302);
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("recommending");
  });
});

describe("consultation (规则 Art 70)", () => {
  const form = async (extra: Record<string, string> = {}) => ({
    method: "meeting",
    heldOn: "2026-11-28",
    place: "县市场监管局会议室",
    attendees: "检察官 林晓燕；县市场监管局副局长 龚建平",
    facts: "校园周边小卖部销售“三无”食品。",
    agencyPosition: "认可事实，愿意整改。",
    rectificationPlan: "一个月内开展专项检查。",
    minutes: "双方就整改方案达成一致。",
    version: await version(),
    ...extra,
  });
  const path = () => `/cases/${caseId}/consultations`;

  test("refusals: wrong role, other procuratorate, bad input, stale version", async () => {
    expect((await post(consultAction, path(), caseId, chief, await form())).status).toBe(403);
    expect((await post(consultAction, `/cases/${foreignId}/consultations`, foreignId, prosecutor, await form({ version: await version(foreignId) }))).status).toBe(404);
    const noMinutes = await post(consultAction, path(), caseId, prosecutor, await form({ minutes: "" }));
    expect(noMinutes.status).toBe(400);
    expect(messageOf(noMinutes)).toContain("casepage.validation.minutes");
    expect((await post(consultAction, path(), caseId, prosecutor, await form({ heldOn: "2026-13-40" }))).status).toBe(400);
    expect((await post(consultAction, path(), caseId, prosecutor, await form({ version: "999" }))).status).toBe(409);
    expect(await prisma.consultation.count({ where: { caseId } })).toBe(0);
  });

  test("records a consultation with its audit event", async () => {
    const res = await post(consultAction, path(), caseId, prosecutor, await form());
    expect(res.status).toBe(302);
    const row = await prisma.consultation.findFirstOrThrow({ where: { caseId } });
    expect(row).toMatchObject({ method: "meeting", heldOn: "2026-11-28", minutes: "双方就整改方案达成一致。" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "consultation.record" } });
    expect(JSON.parse(event.data!).after.facts).toBe("校园周边小卖部销售“三无”食品。");
  });
});

describe("the recommendation draft", () => {
  const path = () => `/cases/${caseId}/recommendation`;
  const fields = async (extra: Record<string, string> = {}) => ({
    intent: "create",
    facts: "县城多所学校周边小卖部销售“三无”食品。",
    reasons: "县市场监管局未依法查处。",
    legalBasis: "《中华人民共和国食品安全法》第一百二十四条",
    replyPeriod: "fifteen_days",
    objectionDays: "10",
    ccList: "县人民政府",
    version: await version(),
    ...extra,
  });
  let recId: string;
  const points = async () =>
    (await prisma.recommendationPoint.findMany({ where: { recommendationId: recId }, orderBy: { ordinal: "asc" } })).map((p) => p.text);

  test("refusals on creating: wrong role, other procuratorate, bad input, stale version", async () => {
    expect((await post(recAction, path(), caseId, chief, await fields())).status).toBe(403);
    expect((await post(recAction, `/cases/${foreignId}/recommendation`, foreignId, prosecutor, await fields({ version: await version(foreignId) }))).status).toBe(404);
    expect((await post(recAction, path(), caseId, prosecutor, await fields({ facts: "" }))).status).toBe(400);
    expect((await post(recAction, path(), caseId, prosecutor, await fields({ replyPeriod: "three_days" }))).status).toBe(400);
    expect((await post(recAction, path(), caseId, prosecutor, await fields({ objectionDays: "0" }))).status).toBe(400);
    expect((await post(recAction, path(), caseId, prosecutor, await fields({ version: "999" }))).status).toBe(409);
    expect(await prisma.recommendation.count({ where: { caseId } })).toBe(0);
  });

  test("drafts, adds three points, edits and reorders them; submitting without points is refused", async () => {
    expect((await post(recAction, path(), caseId, prosecutor, await fields())).status).toBe(302);
    const rec = await prisma.recommendation.findFirstOrThrow({ where: { caseId } });
    recId = rec.id;
    expect(rec).toMatchObject({ status: "draft", replyPeriod: "fifteen_days", objectionDays: 10, ccList: "县人民政府" });
    // A second open draft is refused.
    expect((await post(recAction, path(), caseId, prosecutor, await fields())).status).toBe(409);

    const noPoints = await post(recAction, path(), caseId, prosecutor, { intent: "submit", recommendationId: recId, version: await version() });
    expect(noPoints.status).toBe(409);
    expect(messageOf(noPoints)).toContain("casepage.guard.points");

    for (const text of ["开展专项检查", "依法查处违法经营者", "建立长效监管机制"]) {
      const res = await post(recAction, path(), caseId, prosecutor, { intent: "addPoint", recommendationId: recId, text, version: await version() });
      expect(res.status).toBe(302);
    }
    expect((await post(recAction, path(), caseId, prosecutor, { intent: "addPoint", recommendationId: recId, text: " ", version: await version() })).status).toBe(400);
    expect(await points()).toEqual(["开展专项检查", "依法查处违法经营者", "建立长效监管机制"]);

    const third = await prisma.recommendationPoint.findFirstOrThrow({ where: { recommendationId: recId, ordinal: 3 } });
    expect((await post(recAction, path(), caseId, prosecutor, { intent: "moveUp", recommendationId: recId, pointId: third.id, version: await version() })).status).toBe(302);
    expect(await points()).toEqual(["开展专项检查", "建立长效监管机制", "依法查处违法经营者"]);
    expect((await post(recAction, path(), caseId, prosecutor, { intent: "editPoint", recommendationId: recId, pointId: third.id, text: "建立校园周边食品安全长效监管机制", version: await version() })).status).toBe(302);
    expect(await points()).toEqual(["开展专项检查", "建立校园周边食品安全长效监管机制", "依法查处违法经营者"]);
    // A point of another recommendation is not found.
    const foreignPoint = await prisma.recommendationPoint.findFirstOrThrow({ where: { recommendationId: { not: recId } } });
    expect((await post(recAction, path(), caseId, prosecutor, { intent: "deletePoint", recommendationId: recId, pointId: foreignPoint.id, version: await version() })).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { caseId, action: { startsWith: "recommendation.point." } } })).toBe(5);
  });

  test("submitting asks for the recommendation approval; the draft is then read-only (409)", async () => {
    expect((await post(recAction, path(), caseId, chief, { intent: "submit", recommendationId: recId, version: await version() })).status).toBe(403);
    expect((await post(recAction, path(), caseId, prosecutor, { intent: "submit", recommendationId: recId, version: "999" })).status).toBe(409);
    const res = await post(recAction, path(), caseId, prosecutor, { intent: "submit", recommendationId: recId, version: await version() });
    expect(res.status).toBe(302);
    const approval = await prisma.approval.findFirstOrThrow({ where: { caseId, kind: "recommendation", decision: "pending" } });
    expect(JSON.parse(approval.payload!)).toEqual({ recommendationId: recId });
    const rec = await prisma.recommendation.findUniqueOrThrow({ where: { id: recId } });
    expect(rec.status).toBe("pending_approval");
    expect(rec.submittedAt).not.toBeNull();

    const first = await prisma.recommendationPoint.findFirstOrThrow({ where: { recommendationId: recId, ordinal: 1 } });
    const edit = await post(recAction, path(), caseId, prosecutor, { intent: "editPoint", recommendationId: recId, pointId: first.id, text: "改", version: await version() });
    expect(edit.status).toBe(409);
    expect(messageOf(edit)).toContain("casepage.rec.error.readOnly");
    expect((await post(recAction, path(), caseId, prosecutor, { ...(await fields()), intent: "update", recommendationId: recId })).status).toBe(409);

    const page = await callLoader(recLoader, request(path(), { cookie: prosecutor }), { caseId });
    const states = (page as { data: { states: Record<string, { editable: boolean; decision: string }> } }).data.states;
    expect(states[recId]).toMatchObject({ editable: false, decision: "pending" });
  });
});
