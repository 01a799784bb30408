import { beforeAll, describe, expect, test } from "vitest";
import type { RouteResult } from "#tests/factories";
import { callAction, callLoader, cookieForUserId, createCase, createProcuratorate, createUser, request } from "#tests/factories";
import { getHearingRecord } from "~/models/hearing-record.server";
import { action as dayAction, loader as dayLoader } from "~/routes/_staff.hearings.$hearingId.day";
import { loader as recordLoader } from "~/routes/_staff.hearings.$hearingId.record";
import { prisma } from "~/utils/db.server";

// The hearing day (听证规定 Arts 14–15) through the tab's action: the host opens and runs the order
// of business strictly in order, the clerk records minutes and attendance, deliberation is closed
// at the opinions stage and the hearing concludes only after; another procuratorate's hearing is 404.

const DAY = 86_400_000;
let P: string;
let hearingId: string;
let foreignId: string;
let caseId: string;
const cookies: Record<"host" | "clerk" | "colleague" | "approver", string> = { host: "", clerk: "", colleague: "", approver: "" };
const seat: Record<string, string> = {};
let participantId: string;

beforeAll(async () => {
  P = (await createProcuratorate({ name: "听证日测试院", shortName: "日" })).id;
  const Q = (await createProcuratorate({ name: "听证日他院", shortName: "他" })).id;
  const host = await createUser({ role: "prosecutor", procuratorateId: P, displayName: "王主持" });
  const clerk = await createUser({ role: "prosecutor", procuratorateId: P, displayName: "李书记" });
  const colleague = await createUser({ role: "prosecutor", procuratorateId: P });
  const approver = await createUser({ role: "approver", procuratorateId: P });
  const qHost = await createUser({ role: "prosecutor", procuratorateId: Q });
  for (const [k, u] of Object.entries({ host, clerk, colleague, approver })) cookies[k as keyof typeof cookies] = await cookieForUserId(u.id);
  caseId = (await createCase({ procuratorateId: P, leadProsecutorId: host.id, title: "口罩质量案" })).id;
  const panelists = await Promise.all(
    ["甲听证员", "乙听证员"].map((name) => prisma.panelist.create({ data: { procuratorateId: P, name, category: "expert", birthOn: "1980-01-01" } })),
  );
  seat.a = panelists[0]!.id;
  seat.b = panelists[1]!.id;
  const hearing = await prisma.hearing.create({
    data: {
      procuratorateId: P,
      title: "听证日测试听证",
      venue: "检察听证室",
      startsAt: new Date(Date.now() + DAY),
      status: "notified",
      hostId: host.id,
      clerkId: clerk.id,
      cases: { create: [{ caseId, ordinal: 1 }] },
      panelists: { create: panelists.map((p) => ({ panelistId: p.id, declaredAt: new Date(), notifiedAt: new Date(Date.now() - 5 * DAY) })) },
      participants: {
        create: [{ kind: "agency_representative", organisation: "县市场监管局", name: "钱代表", post: "副局长", notifiedAt: new Date(Date.now() - 5 * DAY) }],
      },
    },
    include: { participants: true },
  });
  hearingId = hearing.id;
  participantId = hearing.participants[0]!.id;
  foreignId = (
    await prisma.hearing.create({
      data: { procuratorateId: Q, title: "他院听证", venue: "他院", startsAt: new Date(Date.now() + DAY), status: "notified", hostId: qHost.id },
    })
  ).id;
});

const post = (who: keyof typeof cookies, form: Record<string, string> | FormData, id = hearingId) =>
  callAction(dayAction, request(`/hearings/${id}/day`, { cookie: cookies[who], form }), { hearingId: id });
const state = () =>
  prisma.hearing.findUniqueOrThrow({
    where: { id: hearingId },
    select: { status: true, stage: true, deliberationClosedAt: true, deliberationClosedById: true, hostSummary: true, concludedAt: true },
  });
const messageOf = (res: RouteResult) => JSON.stringify(res.kind === "data" ? res.data : null);

describe("scope and roles", () => {
  test("another procuratorate's hearing answers 404 to the loader and the action, and is not changed", async () => {
    expect((await callLoader(dayLoader, request(`/hearings/${foreignId}/day`, { cookie: cookies.host }), { hearingId: foreignId })).status).toBe(404);
    expect((await post("host", { intent: "open" }, foreignId)).status).toBe(404);
    expect((await prisma.hearing.findUniqueOrThrow({ where: { id: foreignId } })).status).toBe("notified");
  });

  test("an approver who does not host reads the tab but may not act (403, not the host)", async () => {
    expect((await callLoader(dayLoader, request(`/hearings/${hearingId}/day`, { cookie: cookies.approver }), { hearingId })).status).toBe(200);
    const res = await post("approver", { intent: "open" });
    expect(res.status).toBe(403);
    expect(messageOf(res)).toContain("hearingDay.refusal.notHost");
    expect((await state()).status).toBe("notified");
  });

  test("an approver chosen as host (听证规定 Art 13) is offered the opening and opens the hearing", async () => {
    const approver = await prisma.user.findFirstOrThrow({ where: { procuratorateId: P, role: "approver" } });
    const h = await prisma.hearing.create({
      data: { procuratorateId: P, title: "检察长主持听证", venue: "检察听证室", startsAt: new Date(Date.now() + DAY), status: "notified", hostId: approver.id },
    });
    const loaded = await callLoader(dayLoader, request(`/hearings/${h.id}/day`, { cookie: cookies.approver }), { hearingId: h.id });
    expect(loaded.status).toBe(200);
    expect(JSON.stringify(loaded.kind === "data" ? loaded.data : null)).toContain('"open":true');
    const res = await post("approver", { intent: "open" }, h.id);
    expect(res.status).toBe(200);
    expect(await prisma.hearing.findUniqueOrThrow({ where: { id: h.id }, select: { status: true, stage: true } })).toEqual({
      status: "in_progress",
      stage: "attendance",
    });
  });

  test("the host may not open while someone added after the notices has none (听证规定 Art 10): 409, then opens once notified", async () => {
    const host = await prisma.user.findFirstOrThrow({ where: { procuratorateId: P, displayName: "王主持" } });
    const h = await prisma.hearing.create({
      data: {
        procuratorateId: P,
        title: "补充参加人听证",
        venue: "检察听证室",
        startsAt: new Date(Date.now() + DAY),
        status: "notified",
        hostId: host.id,
        panelists: { create: [{ panelistId: seat.a!, notifiedAt: new Date(Date.now() - 5 * DAY) }] },
        participants: { create: [{ kind: "other", organisation: "疫情防控指挥部", name: "孙后加" }] },
      },
      include: { participants: true },
    });
    const loaded = await callLoader(dayLoader, request(`/hearings/${h.id}/day`, { cookie: cookies.host }), { hearingId: h.id });
    expect(JSON.stringify(loaded.kind === "data" ? loaded.data : null)).toContain('"open":false');
    const res = await post("host", { intent: "open" }, h.id);
    expect(res.status).toBe(409);
    expect(messageOf(res)).toContain("hearingDay.refusal.noticesMissing");
    expect((await prisma.hearing.findUniqueOrThrow({ where: { id: h.id } })).status).toBe("notified");
    await prisma.hearingParticipant.update({ where: { id: h.participants[0]!.id }, data: { notifiedAt: new Date(), noticeMethod: "phone" } });
    expect((await post("host", { intent: "open" }, h.id)).status).toBe(200);
  });

  test("only the host opens the hearing: the clerk and a colleague are refused with 403", async () => {
    for (const who of ["clerk", "colleague"] as const) {
      const res = await post(who, { intent: "open" });
      expect(res.status).toBe(403);
      expect(messageOf(res)).toContain("hearingDay.refusal.notHost");
    }
    expect((await state()).status).toBe("notified");
  });
});

describe("the hearing day, start to end", () => {
  test("the host opens: in progress at the attendance stage, with its stage record and audit event", async () => {
    const res = await post("host", { intent: "open" });
    expect(res.status).toBe(200);
    expect(await state()).toMatchObject({ status: "in_progress", stage: "attendance" });
    const record = await prisma.hearingStageRecord.findUnique({ where: { hearingId_stage: { hearingId, stage: "attendance" } } });
    expect(record?.startedAt).toBeInstanceOf(Date);
    expect(await prisma.auditEvent.count({ where: { entityId: hearingId, action: "hearing.status" } })).toBe(1);
    // Opening twice is refused.
    expect((await post("host", { intent: "open" })).status).toBe(409);
  });

  test("two concurrent moves from the same stage: one wins, the other answers 409", async () => {
    const [a, b] = await Promise.all([
      post("host", { intent: "advance", from: "attendance", to: "presentation" }),
      post("host", { intent: "advance", from: "attendance", to: "presentation" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await state()).stage).toBe("presentation");
    expect(await prisma.hearingStageRecord.count({ where: { hearingId, stage: "presentation" } })).toBe(1);
    // Back to the attendance stage for the next tests (a test-only reset, not a workflow).
    await prisma.hearingStageRecord.delete({ where: { hearingId_stage: { hearingId, stage: "presentation" } } });
    await prisma.hearingStageRecord.update({ where: { hearingId_stage: { hearingId, stage: "attendance" } }, data: { endedAt: null } });
    await prisma.hearing.update({ where: { id: hearingId }, data: { stage: "attendance" } });
  });

  test("a stage out of order is refused with 409 and nothing changes", async () => {
    const skip = await post("host", { intent: "advance", from: "attendance", to: "statements" });
    expect(skip.status).toBe(409);
    expect(messageOf(skip)).toContain("hearingDay.refusal.stageOrder");
    const stale = await post("host", { intent: "advance", from: "presentation", to: "statements" });
    expect(stale.status).toBe(409);
    expect((await state()).stage).toBe("attendance");
    expect(await prisma.hearingStageRecord.count({ where: { hearingId } })).toBe(1);
  });

  test("the clerk records minutes of a started stage, not of one to come", async () => {
    const res = await post("clerk", { intent: "minutes", stage: "attendance", minutes: "核实到场情况，宣布听证纪律。" });
    expect(res.status).toBe(200);
    const record = await prisma.hearingStageRecord.findUniqueOrThrow({ where: { hearingId_stage: { hearingId, stage: "attendance" } } });
    expect(record.minutes).toBe("核实到场情况，宣布听证纪律。");
    const clerk = await prisma.user.findFirstOrThrow({ where: { procuratorateId: P, displayName: "李书记" } });
    expect(record.recordedById).toBe(clerk.id);
    expect(await prisma.auditEvent.count({ where: { entityId: hearingId, action: "hearing.minutes" } })).toBe(1);
    const early = await post("clerk", { intent: "minutes", stage: "questions", minutes: "提前记录" });
    expect(early.status).toBe(409);
    expect((await post("colleague", { intent: "minutes", stage: "attendance", minutes: "旁人" })).status).toBe(403);
  });

  test("the clerk records attendance of panelists and participants", async () => {
    const form = new FormData();
    form.append("intent", "attendance");
    form.append("present", `panelist:${seat.a}`);
    form.append("present", `participant:${participantId}`);
    expect((await post("clerk", form)).status).toBe(200);
    const seats = await prisma.hearingPanelist.findMany({ where: { hearingId }, select: { panelistId: true, attended: true } });
    expect(Object.fromEntries(seats.map((s) => [s.panelistId, s.attended]))).toEqual({ [seat.a!]: true, [seat.b!]: false });
    expect((await prisma.hearingParticipant.findUniqueOrThrow({ where: { id: participantId } })).attended).toBe(true);
  });

  test("through the stages to the recess (status deliberating) and the opinions", async () => {
    const steps = [
      ["attendance", "presentation"],
      ["presentation", "statements"],
      ["statements", "questions"],
      ["questions", "deliberation"],
      ["deliberation", "opinions"],
    ] as const;
    for (const [from, to] of steps) expect((await post("host", { intent: "advance", from, to })).status).toBe(200);
    expect(await state()).toMatchObject({ status: "deliberating", stage: "opinions" });
    const records = await prisma.hearingStageRecord.findMany({ where: { hearingId }, select: { stage: true, endedAt: true } });
    expect(records).toHaveLength(6);
    expect(records.filter((r) => r.endedAt === null).map((r) => r.stage)).toEqual(["opinions"]);
  });

  test("concluding or moving to the final statements before deliberation is closed is refused", async () => {
    const conclude = await post("host", { intent: "conclude", deliberationSummary: "多数同意", hostSummary: "总结" });
    expect(conclude.status).toBe(409);
    expect(messageOf(conclude)).toContain("hearingDay.refusal.deliberationOpen");
    const final = await post("host", { intent: "advance", from: "opinions", to: "final_statements" });
    expect(final.status).toBe(409);
    expect(await state()).toMatchObject({ status: "deliberating", stage: "opinions", deliberationClosedAt: null, concludedAt: null });
  });

  test("the clerk may not close deliberation; the host does, once, with an audit event", async () => {
    expect((await post("clerk", { intent: "closeDeliberation" })).status).toBe(403);
    expect((await post("host", { intent: "closeDeliberation" })).status).toBe(200);
    const s = await state();
    expect(s.deliberationClosedAt).toBeInstanceOf(Date);
    expect(s.deliberationClosedById).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { entityId: hearingId, action: "hearing.deliberation_closed" } })).toBe(1);
    expect((await post("host", { intent: "closeDeliberation" })).status).toBe(409);
  });

  test("a conclusion without summaries is invalid input (400); at the summary the host concludes", async () => {
    expect((await post("host", { intent: "advance", from: "opinions", to: "final_statements" })).status).toBe(200);
    expect((await post("clerk", { intent: "minutes", stage: "final_statements", minutes: "市场监管局表示将继续整改。" })).status).toBe(200);
    // Concluding before the summary stage is refused.
    expect((await post("host", { intent: "conclude", deliberationSummary: "多数同意", hostSummary: "总结" })).status).toBe(409);
    expect((await post("host", { intent: "advance", from: "final_statements", to: "summary" })).status).toBe(200);
    expect((await post("host", { intent: "conclude", deliberationSummary: "", hostSummary: "" })).status).toBe(400);
    const res = await post("host", { intent: "conclude", deliberationSummary: "多数听证员同意制发检察建议。", hostSummary: "本次听证到此结束。" });
    expect(res.status).toBe(200);
    expect(await state()).toMatchObject({ status: "concluded", stage: "summary", hostSummary: "本次听证到此结束。" });
    expect(await prisma.hearingStageRecord.count({ where: { hearingId, endedAt: null } })).toBe(0);
  });

  test("after the conclusion the minutes are final", async () => {
    const res = await post("clerk", { intent: "minutes", stage: "attendance", minutes: "事后修改" });
    expect(res.status).toBe(409);
    const record = await prisma.hearingStageRecord.findUniqueOrThrow({ where: { hearingId_stage: { hearingId, stage: "attendance" } } });
    expect(record.minutes).toBe("核实到场情况，宣布听证纪律。");
  });

  test("the record holds every stage in order, the summaries and the signature lines", async () => {
    const record = await getHearingRecord(P, hearingId);
    expect(record.stages.map((s) => s.stage)).toEqual([
      "attendance",
      "presentation",
      "statements",
      "questions",
      "deliberation",
      "opinions",
      "final_statements",
      "summary",
    ]);
    expect(record.finalStatements).toBe("市场监管局表示将继续整改。");
    expect(record.deliberationSummary).toBe("多数听证员同意制发检察建议。");
    expect(record.opinions).not.toBeNull();
    expect(record.signatures.map((s) => s.role)).toEqual(["host", "handling_prosecutor", "clerk", "panelist", "participant"]);
    const page = await callLoader(recordLoader, request(`/hearings/${hearingId}/record`, { cookie: cookies.approver }), { hearingId });
    expect(page.status).toBe(200);
    expect((await callLoader(recordLoader, request(`/hearings/${foreignId}/record`, { cookie: cookies.host }), { hearingId: foreignId })).status).toBe(404);
  });
});
