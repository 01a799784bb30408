import { beforeAll, describe, expect, test } from "vitest";
import { callAction, cookieForUserId, createProcuratorate, createUser, request } from "#tests/factories";
import { action } from "~/routes/_staff.approvals.$approvalId";
import { dateInShanghai, yearOf } from "~/domain/deadlines/dates";
import { formatDocumentNumber } from "~/domain/numbering/format";
import { requestApproval } from "~/models/approval-request.server";
import { decideApproval, listCaseApprovals } from "~/models/approval.server";
import { verifyAuditChain } from "~/models/audit.server";
import { prisma } from "~/utils/db.server";

// Deciding an approval applies what it asks for in the decision's transaction (issue 6 §1).

let gy: { id: string; shortName: string };
let chief: { id: string };

beforeAll(async () => {
  gy = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" } });
  chief = await prisma.user.findUniqueOrThrow({ where: { username: "chief" } });
});

const today = () => dateInShanghai(new Date());

describe("the seeded demo approvals", () => {
  test("approving the pending filing request files its case with the next register number", async () => {
    const pending = await prisma.approval.findFirstOrThrow({
      where: { procuratorateId: gy.id, kind: "filing", decision: "pending" },
    });
    const year = yearOf(today());
    const numbered = await prisma.case.findMany({
      where: { procuratorateId: gy.id, number: { startsWith: `${year}-行公-` } },
      select: { number: true },
    });
    const max = numbered.reduce((m, c) => Math.max(m, Number(c.number!.split("-").at(-1))), 0);
    const result = await decideApproval(gy.id, pending.id, chief.id, { decision: "approved", comment: "同意立案。" });
    const expected = `${year}-行公-${String(max + 1).padStart(3, "0")}`;
    expect(result.effect).toMatchObject({ kind: "filing", from: "evaluation", to: "filed", caseNumber: expected });
    const kase = await prisma.case.findUniqueOrThrow({ where: { id: pending.caseId! } });
    expect(kase).toMatchObject({ state: "filed", number: expected, filedOn: today() });
    const used = await prisma.approval.findUniqueOrThrow({ where: { id: pending.id } });
    expect(used.usedAt).toBeInstanceOf(Date);
    expect(await prisma.caseTransition.findFirst({ where: { caseId: kase.id, toState: "filed" } })).toMatchObject({
      approvalId: pending.id,
      actorId: chief.id,
    });
    const actions = (await prisma.auditEvent.findMany({ where: { caseId: kase.id }, select: { action: true } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["approval.decide", "case.transition", "case.number", "approval.apply"]));
    expect(await verifyAuditChain(prisma)).toBeNull();
  });

  test("approving the pending recommendation request gives the next 行公建 number and moves the case to rectification", async () => {
    const pending = await prisma.approval.findFirstOrThrow({
      where: { procuratorateId: gy.id, kind: "recommendation", decision: "pending" },
    });
    const year = yearOf(today());
    const counter = await prisma.documentNumberCounter.findUnique({
      where: { procuratorateId_code_year: { procuratorateId: gy.id, code: "行公建", year } },
    });
    const expected = formatDocumentNumber({ shortName: "桂", code: "行公建", year, seq: (counter?.last ?? 0) + 1 });
    // On the demo's year that is the fifth: 桂检行公建〔2026〕1–4号 were issued before.
    if (year === 2026) expect(expected).toBe("桂检行公建〔2026〕5号");
    const result = await decideApproval(gy.id, pending.id, chief.id, { decision: "approved" });
    expect(result.effect).toMatchObject({ kind: "recommendation", to: "rectification", recommendationNumber: expected });
    const kase = await prisma.case.findUniqueOrThrow({ where: { id: pending.caseId! } });
    expect(kase.state).toBe("rectification");
    const rec = await prisma.recommendation.findFirstOrThrow({ where: { caseId: kase.id, number: expected } });
    expect(rec).toMatchObject({ status: "approved", issuedOn: today() });
  });

  test("approving the pending extension adds a DeadlineExtension linked to the approval", async () => {
    const pending = await prisma.approval.findFirstOrThrow({
      where: { procuratorateId: gy.id, kind: "extension", decision: "pending" },
    });
    const result = await decideApproval(gy.id, pending.id, chief.id, { decision: "approved" });
    const ext = await prisma.deadlineExtension.findFirstOrThrow({ where: { approvalId: pending.id } });
    expect(ext).toMatchObject({ caseId: pending.caseId, deadline: "pre_suit_review", extraMonths: 1 });
    expect(result.effect).toMatchObject({ kind: "extension", extensionId: ext.id });
  });
});

describe("applying, refusing, returning", () => {
  let P: string;
  let prosecutor: { id: string };
  let approver: { id: string };
  const newCase = (state = "evaluation") =>
    prisma.case.create({
      data: { procuratorateId: P, title: `测试案件 ${state}`, field: "ecology", state, leadProsecutorId: prosecutor.id },
    });
  const ask = (caseId: string, kind: "filing" | "suspension" | "resumption" | "closure" | "not_filing", payload: object) =>
    requestApproval({ procuratorateId: P, requestedById: prosecutor.id, kind, subject: kind, caseId, payload } as never);

  beforeAll(async () => {
    P = (await createProcuratorate({ name: "审批执行测试院", shortName: "执" })).id;
    prosecutor = await createUser({ role: "prosecutor", procuratorateId: P });
    approver = await createUser({ role: "approver", procuratorateId: P });
  });

  test("a case that moved since the request answers 409, and nothing is decided or written", async () => {
    const kase = await newCase();
    const req = await ask(kase.id, "filing", {});
    await prisma.case.update({ where: { id: kase.id }, data: { version: { increment: 1 } } });
    const events = await prisma.auditEvent.count();
    await expect(decideApproval(P, req.id, approver.id, { decision: "approved" })).rejects.toMatchObject({
      status: 409,
      messageKey: "approvals.error.caseMoved",
    });
    expect(await prisma.approval.findUniqueOrThrow({ where: { id: req.id } })).toMatchObject({ decision: "pending", usedAt: null });
    expect(await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ state: "evaluation", number: null });
    expect(await prisma.auditEvent.count()).toBe(events);
    // Through the route: 409 with the reason as the form's message.
    const r = await callAction(
      action,
      request(`/approvals/${req.id}`, { cookie: await cookieForUserId(approver.id), form: { decision: "approved" } }),
      { approvalId: req.id },
    );
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.kind === "data" ? r.data : null)).toContain("approvals.error.caseMoved");
    // Rejecting the stale request is still possible.
    await decideApproval(P, req.id, approver.id, { decision: "rejected", comment: "案件已变化，请重新提请。" });
  });

  test("a rejection returns the request to its author with the reason, who may ask again", async () => {
    const kase = await newCase();
    const first = await ask(kase.id, "not_filing", { reason: "行政机关已依法履职。" });
    await decideApproval(P, first.id, approver.id, { decision: "rejected", comment: "履职情况需进一步核实。" });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).state).toBe("evaluation");
    const again = await ask(kase.id, "not_filing", { reason: "经核实，行政机关已依法全面履职。" });
    const listed = await listCaseApprovals(P, kase.id);
    expect(listed.map((a) => [a.id, a.decision, a.comment])).toEqual([
      [again.id, "pending", null],
      [first.id, "rejected", "履职情况需进一步核实。"],
    ]);
    expect(listed[1]?.requestedBy.id).toBe(prosecutor.id);
    await decideApproval(P, again.id, approver.id, { decision: "approved" });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).state).toBe("not_filed");
    // Another procuratorate's view of the case lists nothing.
    expect(await listCaseApprovals(gy.id, kase.id)).toEqual([]);
  });

  test("suspension, then resumption returns the case to the state it was suspended from", async () => {
    const kase = await newCase("rectification");
    const s = await ask(kase.id, "suspension", { reason: "行政机关因不可抗力暂时无法整改。" });
    expect((await decideApproval(P, s.id, approver.id, { decision: "approved" })).effect).toMatchObject({
      from: "rectification",
      to: "suspended",
    });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).suspendedOn).toBe(today());
    const r = await ask(kase.id, "resumption", { reason: "中止事由已消除。" });
    expect((await decideApproval(P, r.id, approver.id, { decision: "approved" })).effect).toMatchObject({
      from: "suspended",
      to: "rectification",
    });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).state).toBe("rectification");
  });

  test("an illegal move for the case's state answers 409 and leaves the request pending", async () => {
    const kase = await newCase("investigating");
    const c = await ask(kase.id, "suspension", { reason: "测试" });
    await expect(decideApproval(P, c.id, approver.id, { decision: "approved" })).rejects.toMatchObject({ status: 409 });
    expect((await prisma.approval.findUniqueOrThrow({ where: { id: c.id } })).decision).toBe("pending");
  });

  test("a recommendation without a configured code is issued without a number, and says so", async () => {
    const kase = await newCase("recommending");
    const rec = await prisma.recommendation.create({
      data: { caseId: kase.id, procuratorateId: P, status: "pending_approval", facts: "事实", reasons: "理由", legalBasis: "依据", createdById: prosecutor.id },
    });
    const req = await requestApproval({
      procuratorateId: P,
      requestedById: prosecutor.id,
      kind: "recommendation",
      subject: "提请制发检察建议",
      caseId: kase.id,
      payload: { recommendationId: rec.id, reason: undefined },
    });
    const result = await decideApproval(P, req.id, approver.id, { decision: "approved" });
    expect(result.effect).toMatchObject({ recommendationNumber: null, unnumbered: true, to: "rectification" });
    expect(await prisma.recommendation.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({ status: "approved", number: null });
    expect(await prisma.documentNumberCounter.count({ where: { procuratorateId: P } })).toBe(0);
  });

  test("a recommendation of another case is refused", async () => {
    const kase = await newCase("recommending");
    const other = await newCase("recommending");
    const rec = await prisma.recommendation.create({
      data: { caseId: other.id, procuratorateId: P, status: "pending_approval", facts: "事实", reasons: "理由", legalBasis: "依据", createdById: prosecutor.id },
    });
    const req = await requestApproval({
      procuratorateId: P,
      requestedById: prosecutor.id,
      kind: "recommendation",
      subject: "提请制发检察建议",
      caseId: kase.id,
      payload: { recommendationId: rec.id, reason: undefined },
    });
    await expect(decideApproval(P, req.id, approver.id, { decision: "approved" })).rejects.toMatchObject({
      status: 409,
      messageKey: "approvals.error.recommendationMissing",
    });
    expect((await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).state).toBe("recommending");
  });
});

describe("hearing approvals", () => {
  test("the seeded hearing approvals link to their hearing by Approval.hearingId, not through audit data", async () => {
    const approvals = await prisma.approval.findMany({
      where: { procuratorateId: gy.id, kind: "hearing" },
      select: { decision: true, hearing: { select: { id: true, procuratorateId: true } } },
    });
    expect(approvals.length).toBeGreaterThan(1);
    for (const a of approvals) expect(a.hearing?.procuratorateId).toBe(gy.id);
    const approvedHearings = approvals.filter((a) => a.decision === "approved").map((a) => a.hearing?.id);
    expect(new Set(approvedHearings).size).toBe(approvedHearings.length);
    const created = await prisma.auditEvent.findMany({ where: { action: "hearing.create" }, select: { data: true } });
    for (const e of created) expect(JSON.parse(e.data ?? "{}")).not.toHaveProperty("approvalId");
  });
});
