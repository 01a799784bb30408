import { beforeAll, describe, expect, test } from "vitest";
import { callAction, callLoader, cookieForUserId, createProcuratorate, createUser, request } from "#tests/factories";
import { decideApproval, getApproval, listApprovals } from "~/models/approval.server";
import { action, loader } from "~/routes/_staff.approvals.$approvalId";
import { loader as listLoader } from "~/routes/_staff.approvals._index";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";

// Approvals on a copy of the seeded database, in a procuratorate of the test's own.

let P: string;
let Q: string;
let prosecutor: { id: string };
let prosecutor2: { id: string };
let chief: { id: string };
let chief2: { id: string };
let otherChief: { id: string };

// Each request gets a case of its own in evaluation: approving a filing request files its case.
const create = async (data: {
  requestedById: string;
  subject: string;
  requestedAt?: string;
  decision?: string;
  decidedAt?: string;
  procuratorateId?: string;
}) =>
  prisma.approval.create({
    data: {
      procuratorateId: data.procuratorateId ?? P,
      caseId:
        data.procuratorateId && data.procuratorateId !== P
          ? null
          : (
              await prisma.case.create({
                data: { procuratorateId: P, title: `审批测试案件：${data.subject}`, field: "ecology", leadProsecutorId: prosecutor.id },
              })
            ).id,
      kind: "filing",
      subject: data.subject,
      payload: JSON.stringify({ to: "filed" }),
      requestedById: data.requestedById,
      requestedAt: new Date(data.requestedAt ?? "2026-11-01T02:00:00Z"),
      decision: data.decision ?? "pending",
      decidedById: data.decision && data.decision !== "pending" ? chief.id : null,
      decidedAt: data.decidedAt ? new Date(data.decidedAt) : null,
    },
  });

beforeAll(async () => {
  P = (await createProcuratorate({ name: "审批测试县人民检察院", shortName: "审" })).id;
  Q = (await createProcuratorate({ name: "审批测试另一县人民检察院", shortName: "另" })).id;
  prosecutor = await createUser({ role: "prosecutor", procuratorateId: P });
  prosecutor2 = await createUser({ role: "prosecutor", procuratorateId: P });
  chief = await createUser({ role: "approver", procuratorateId: P });
  chief2 = await createUser({ role: "approver", procuratorateId: P });
  otherChief = await createUser({ role: "approver", procuratorateId: Q });
});

describe("listApprovals", () => {
  test("approvers see the pending queue (oldest first), then decided ones (latest decision first)", async () => {
    const newer = await create({
      requestedById: prosecutor.id,
      subject: "较新的申请",
      requestedAt: "2026-11-10T02:00:00Z",
    });
    const older = await create({
      requestedById: prosecutor2.id,
      subject: "较早的申请",
      requestedAt: "2026-11-02T02:00:00Z",
    });
    const d1 = await create({
      requestedById: prosecutor.id,
      subject: "已批准",
      decision: "approved",
      decidedAt: "2026-11-05T02:00:00Z",
    });
    const d2 = await create({
      requestedById: prosecutor2.id,
      subject: "未批准",
      decision: "rejected",
      decidedAt: "2026-11-06T02:00:00Z",
    });
    await create({ requestedById: otherChief.id, subject: "他院申请", procuratorateId: Q });

    const a = await listApprovals(P, { userId: chief.id, role: "approver" });
    expect(a.pending.map((x) => x.id)).toEqual([older.id, newer.id]);
    expect(a.decided.map((x) => x.id)).toEqual([d2.id, d1.id]);
    expect(a.decidedTotal).toBe(2);

    // A prosecutor sees only the requests they made.
    const p = await listApprovals(P, { userId: prosecutor.id, role: "prosecutor" });
    expect(p.pending.map((x) => x.id)).toEqual([newer.id]);
    expect(p.decided.map((x) => x.id)).toEqual([d1.id]);
  });
});

describe("getApproval", () => {
  test("is scoped: another procuratorate's, or a colleague's for a prosecutor, is not found", async () => {
    const mine = await create({ requestedById: prosecutor.id, subject: "本人申请" });
    const foreign = await create({ requestedById: otherChief.id, subject: "他院", procuratorateId: Q });
    expect((await getApproval(P, mine.id, { userId: prosecutor.id, role: "prosecutor" })).subject).toBe("本人申请");
    expect((await getApproval(P, mine.id, { userId: chief.id, role: "approver" })).case?.id).toBe(mine.caseId);
    await expect(getApproval(P, mine.id, { userId: prosecutor2.id, role: "prosecutor" })).rejects.toMatchObject({
      status: 404,
    });
    await expect(getApproval(P, foreign.id, { userId: chief.id, role: "approver" })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("decideApproval", () => {
  test("records the decision with its audit event, once", async () => {
    const a = await create({ requestedById: prosecutor.id, subject: "待审批" });
    const audits = await prisma.auditEvent.count();
    await decideApproval(P, a.id, chief.id, { decision: "rejected", comment: "证据不足" });
    const row = await prisma.approval.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ decision: "rejected", decidedById: chief.id, comment: "证据不足" });
    expect(row.decidedAt).toBeInstanceOf(Date);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: a.id, action: "approval.decide" } });
    expect(event).toMatchObject({ procuratorateId: P, actorId: chief.id, caseId: a.caseId });
    expect(await prisma.auditEvent.count()).toBe(audits + 1);
    // A second decision is refused and changes nothing.
    await expect(decideApproval(P, a.id, chief2.id, { decision: "approved" })).rejects.toMatchObject({
      messageKey: "approvals.error.alreadyDecided",
      status: 409,
    });
    expect((await prisma.approval.findUniqueOrThrow({ where: { id: a.id } })).decision).toBe("rejected");
  });

  test("the requester cannot decide their own request; another procuratorate's is not found", async () => {
    const own = await create({ requestedById: chief.id, subject: "检察长本人提请" });
    const err = await decideApproval(P, own.id, chief.id, { decision: "approved" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ status: 403, messageKey: "approvals.error.ownRequest" });
    await decideApproval(P, own.id, chief2.id, { decision: "approved" });
    const foreign = await create({ requestedById: otherChief.id, subject: "他院", procuratorateId: Q });
    await expect(decideApproval(P, foreign.id, chief.id, { decision: "approved" })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe("routes", () => {
  const post = async (userId: string, id: string, form: Record<string, string>) =>
    callAction(action, request(`/approvals/${id}`, { cookie: await cookieForUserId(userId), form }), {
      approvalId: id,
    });

  test("an approver decides with a comment and is sent back to the request", async () => {
    const a = await create({ requestedById: prosecutor.id, subject: "路由审批" });
    const r = await post(chief.id, a.id, { decision: "approved", comment: "同意立案。" });
    expect(r.status).toBe(302);
    expect(r.kind === "response" ? r.location : null).toBe(`/approvals/${a.id}?decided=approved`);
    expect(await prisma.approval.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      decision: "approved",
      comment: "同意立案。",
    });
    // The decision is final: 409 with the message as a form error.
    const again = await post(chief2.id, a.id, { decision: "rejected", comment: "改为不批准" });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.kind === "data" ? again.data : null)).toContain("approvals.error.alreadyDecided");
  });

  test("invalid input answers 400 and writes nothing", async () => {
    const a = await create({ requestedById: prosecutor.id, subject: "无效输入" });
    const audits = await prisma.auditEvent.count();
    expect((await post(chief.id, a.id, {})).status).toBe(400);
    const noReason = await post(chief.id, a.id, { decision: "rejected", comment: "  " });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.kind === "data" ? noReason.data : null)).toContain(
      "approvals.validation.commentRequired"
    );
    expect((await post(chief.id, a.id, { decision: "maybe" })).status).toBe(400);
    expect((await prisma.approval.findUniqueOrThrow({ where: { id: a.id } })).decision).toBe("pending");
    expect(await prisma.auditEvent.count()).toBe(audits);
  });

  test("a prosecutor may not decide (403); own request 403; another procuratorate's 404", async () => {
    const a = await create({ requestedById: prosecutor2.id, subject: "权限" });
    expect((await post(prosecutor.id, a.id, { decision: "approved" })).status).toBe(403);
    const own = await create({ requestedById: chief.id, subject: "本人" });
    expect((await post(chief.id, own.id, { decision: "approved" })).status).toBe(403);
    const foreign = await create({ requestedById: otherChief.id, subject: "他院", procuratorateId: Q });
    expect((await post(chief.id, foreign.id, { decision: "approved" })).status).toBe(404);
    expect((await prisma.approval.findUniqueOrThrow({ where: { id: foreign.id } })).decision).toBe("pending");
  });

  test("loaders: detail tells whether the viewer may decide; the list depends on the role", async () => {
    const a = await create({ requestedById: prosecutor.id, subject: "加载" });
    const get = async (userId: string) =>
      callLoader(loader, request(`/approvals/${a.id}`, { cookie: await cookieForUserId(userId) }), {
        approvalId: a.id,
      });
    const asChief = await get(chief.id);
    expect(asChief.kind === "data" ? asChief.data : null).toMatchObject({
      mayDecide: true,
      canDecideNow: true,
      ownRequest: false,
    });
    const asRequester = await get(prosecutor.id);
    expect(asRequester.kind === "data" ? asRequester.data : null).toMatchObject({
      mayDecide: false,
      canDecideNow: false,
      ownRequest: true,
    });
    expect((await get(prosecutor2.id)).status).toBe(404);
    const list = await callLoader(listLoader, request("/approvals", { cookie: await cookieForUserId(prosecutor2.id) }));
    const data =
      list.kind === "data" ? (list.data as { pending: { requestedBy: { id: string } }[]; isApprover: boolean }) : null;
    expect(data?.isApprover).toBe(false);
    expect(data?.pending.every((x) => x.requestedBy.id === prosecutor2.id)).toBe(true);
  });
});
