import { describe, expect, test } from "vitest";
import { newRecommendation } from "#tests/authz/agency-reply";
import { callAction, callLoader, cookieForUserId, createUser, request } from "#tests/factories";
import { serviceFieldsSchema } from "~/domain/recommendation/service-schemas";
import { addReplyAttachments, findReadableAttachment, saveReply } from "~/models/reply.server";
import { recordRecommendationService } from "~/models/service.server";
import * as receiptRoute from "~/routes/agency.recommendations.$recommendationId_.receipt";
import * as replyRoute from "~/routes/agency.recommendations.$recommendationId_.reply";
import * as recRoute from "~/routes/agency.recommendations.$recommendationId";
import * as fileRoute from "~/routes/reply-files.$attachmentId";
import { storeBuffer } from "~/storage/file-store.server";
import { prisma } from "~/utils/db.server";

// Issue 11 items 1–3: service starts the clock and is recorded once; a reply is saved as a draft,
// submitted once (receipt, late flag, notifications) and then read-only; a liaison of agency A
// gets 404 for every resource of agency B.

async function gui() {
  return prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" }, select: { id: true } });
}

async function liaison(procuratorateId: string) {
  const user = await createUser({ role: "agency", procuratorateId });
  return { user, scope: { procuratorateId, agencyId: user.agencyId! }, cookie: await cookieForUserId(user.id) };
}

const serve = (recommendationId: string, servedOn: string) =>
  serviceFieldsSchema("2099-12-31").parse({
    intent: "serve",
    recommendationId,
    method: "direct",
    servedOn,
    place: "县政府",
    recipient: "测试机关",
    signedBy: "王某",
    serverName: "李检察官",
  });

describe("service (送达)", () => {
  test("serving an approved recommendation moves it to served and stores the reply deadline; a second service is refused", async () => {
    const p = await gui();
    const prosecutor = await prisma.user.findFirstOrThrow({ where: { procuratorateId: p.id, role: "prosecutor" } });
    const r = await newRecommendation(prisma, p.id, { leadId: prosecutor.id });
    const out = await recordRecommendationService(p.id, prosecutor.id, r.caseId, serve(r.recommendationId, "2026-11-02"));
    expect(out.hasLiaison).toBe(false);
    expect(out.dueOn).toBe("2027-01-04"); // two months end on Saturday 2027-01-02: the next working day (民诉法 Art 85)
    const rec = await prisma.recommendation.findUniqueOrThrow({ where: { id: r.recommendationId } });
    expect(rec.status).toBe("served");
    expect(await prisma.auditEvent.count({ where: { action: "recommendation.serve", entityId: r.recommendationId } })).toBe(1);
    await expect(recordRecommendationService(p.id, prosecutor.id, r.caseId, serve(r.recommendationId, "2026-11-03"))).rejects.toMatchObject({
      status: 409,
      messageKey: "agencyReply.service.alreadyServed",
    });
    expect(await prisma.service.count({ where: { recommendationId: r.recommendationId } })).toBe(1);
  });

  test("a service date before the letter's issue is refused (400) and writes nothing", async () => {
    const p = await gui();
    const prosecutor = await prisma.user.findFirstOrThrow({ where: { procuratorateId: p.id, role: "prosecutor" } });
    const r = await newRecommendation(prisma, p.id, { leadId: prosecutor.id });
    await prisma.recommendation.update({ where: { id: r.recommendationId }, data: { issuedOn: "2026-11-20" } });
    await expect(recordRecommendationService(p.id, prosecutor.id, r.caseId, serve(r.recommendationId, "2025-11-21"))).rejects.toMatchObject({
      status: 400,
      messageKey: "agencyReply.service.beforeIssue",
    });
    expect(await prisma.service.count({ where: { recommendationId: r.recommendationId } })).toBe(0);
    expect((await prisma.recommendation.findUniqueOrThrow({ where: { id: r.recommendationId } })).status).toBe("approved");
    await recordRecommendationService(p.id, prosecutor.id, r.caseId, serve(r.recommendationId, "2026-11-20"));
  });

  test("the method rules: 留置 needs a witness, 宣告 needs attendees, no date in the future", () => {
    const base = { intent: "serve", recommendationId: "x", place: "p", recipient: "r", serverName: "s", servedOn: "2026-11-02" };
    expect(serviceFieldsSchema("2026-12-01").safeParse({ ...base, method: "leaving", refusalReason: "拒收" }).success).toBe(false);
    expect(serviceFieldsSchema("2026-12-01").safeParse({ ...base, method: "leaving", refusalReason: "拒收", witness: "张某" }).success).toBe(true);
    expect(serviceFieldsSchema("2026-12-01").safeParse({ ...base, method: "announcement", signedBy: "王" }).success).toBe(false);
    expect(serviceFieldsSchema("2026-12-01").safeParse({ ...base, method: "direct", signedBy: "王", servedOn: "2026-12-02" }).success).toBe(false);
  });
});

describe("the reply", () => {
  test("draft, stale draft refused, submit with receipt and notifications, then read-only in the model and the route", async () => {
    const p = await gui();
    const a = await liaison(p.id);
    const r = await newRecommendation(prisma, p.id, { agencyId: a.scope.agencyId, servedOnAgencyId: a.scope.agencyId });
    const answers = r.pointIds.map((pointId) => ({ pointId, status: "done" as const, text: "已整改" }));
    await saveReply(a.scope, a.user.id, r.recommendationId, { intent: "save", answers: [answers[0]!] });
    await expect(saveReply(a.scope, a.user.id, r.recommendationId, { intent: "save", answers })).rejects.toMatchObject({ status: 409, messageKey: "agencyReply.reply.stale" });
    const draft = await prisma.reply.findFirstOrThrow({ where: { recommendationId: r.recommendationId } });
    const version = String(draft.updatedAt.getTime());
    await expect(saveReply(a.scope, a.user.id, r.recommendationId, { intent: "submit", version, summary: "概述", answers: [answers[0]!] })).rejects.toMatchObject({ status: 400 });
    const now = new Date("2026-12-01T03:00:00Z");
    const saved = await saveReply(a.scope, a.user.id, r.recommendationId, { intent: "submit", version, summary: "概述", answers }, now);
    expect(saved.receiptNumber).toMatch(/^桂回执〔2026〕\d+号$/);
    expect(saved.late).toBe(false); // served 2026-11-20, due 2027-01-20
    const reply = await prisma.reply.findUniqueOrThrow({ where: { id: saved.replyId } });
    expect(reply.status).toBe("submitted");
    expect((await prisma.recommendation.findUniqueOrThrow({ where: { id: r.recommendationId } })).status).toBe("replied");
    const lead = await prisma.case.findUniqueOrThrow({ where: { id: r.caseId }, select: { leadProsecutorId: true } });
    expect(await prisma.notification.count({ where: { dedupeKey: `reply_arrived:${saved.replyId}:${lead.leadProsecutorId}` } })).toBe(1);

    // Read-only: the model refuses edits and uploads (409), and so does the route.
    await expect(saveReply(a.scope, a.user.id, r.recommendationId, { intent: "save", version: String(reply.updatedAt.getTime()), answers })).rejects.toMatchObject({ status: 409 });
    await expect(
      addReplyAttachments(a.scope, a.user.id, r.recommendationId, { pointId: r.pointIds[0]! }, [{ sha256: "0".repeat(64), size: 1, mimeType: "image/png", fileName: "x.png" }])
    ).rejects.toMatchObject({ status: 409 });
    const res = await callAction(replyRoute.action, request(`/agency/recommendations/${r.recommendationId}/reply`, {
      cookie: a.cookie,
      form: { intent: "save", version: String(reply.updatedAt.getTime()), "answers[0].pointId": r.pointIds[0]!, "answers[0].status": "not_done", "answers[0].text": "改" },
    }), { recommendationId: r.recommendationId });
    expect(res.status).toBe(409);
    expect((await prisma.replyAnswer.findFirstOrThrow({ where: { replyId: saved.replyId, pointId: r.pointIds[0]! } })).status).toBe("done");
  });

  test("a reply after the due date is accepted and marked late", async () => {
    const p = await gui();
    const a = await liaison(p.id);
    const r = await newRecommendation(prisma, p.id, { agencyId: a.scope.agencyId, servedOnAgencyId: a.scope.agencyId });
    const answers = r.pointIds.map((pointId) => ({ pointId, status: "done" as const, text: "已整改" }));
    const onTime = await saveReply(a.scope, a.user.id, r.recommendationId, { intent: "save", answers });
    expect(onTime.status).toBe("draft");
    const draft = await prisma.reply.findUniqueOrThrow({ where: { id: onTime.replyId } });
    const saved = await saveReply(a.scope, a.user.id, r.recommendationId, { intent: "submit", version: String(draft.updatedAt.getTime()), summary: "迟到的回复", answers }, new Date("2027-03-01T02:00:00Z"));
    expect(saved.late).toBe(true);
    const row = await prisma.reply.findUniqueOrThrow({ where: { id: saved.replyId } });
    expect(row.late).toBe(true);
    expect(row.dueOn).toBe("2027-01-20");
  });

  test("an objection after the objection period is refused with the date", async () => {
    const p = await gui();
    const a = await liaison(p.id);
    const r = await newRecommendation(prisma, p.id, { agencyId: a.scope.agencyId, servedOnAgencyId: a.scope.agencyId });
    await expect(
      saveReply(a.scope, a.user.id, r.recommendationId, { intent: "save", answers: [{ pointId: r.pointIds[0]!, status: "objection", text: "异议" }] }, new Date("2026-12-05T02:00:00Z"))
    ).rejects.toMatchObject({ status: 409, lastDay: "2026-11-30" });
  });
});

describe("the reply: review findings", () => {
  test("an objection saved in a draft within the period is refused at submission after it, even when the form leaves the status out", async () => {
    const p = await gui();
    const a = await liaison(p.id);
    const r = await newRecommendation(prisma, p.id, { agencyId: a.scope.agencyId, servedOnAgencyId: a.scope.agencyId });
    const served = (await prisma.service.findFirstOrThrow({ where: { recommendationId: r.recommendationId } })).servedOn;
    const within = new Date(`${served}T02:00:00Z`);
    const draft = await saveReply(a.scope, a.user.id, r.recommendationId, {
      intent: "save",
      answers: [
        { pointId: r.pointIds[0]!, status: "objection", text: "不属于本单位职责" },
        { pointId: r.pointIds[1]!, status: "done", text: "已整改" },
      ],
    }, within);
    const v = String((await prisma.reply.findUniqueOrThrow({ where: { id: draft.replyId } })).updatedAt.getTime());
    // The browser does not send a disabled option: the answers come without a status.
    await expect(
      saveReply(a.scope, a.user.id, r.recommendationId, { intent: "submit", version: v, summary: "回复", answers: r.pointIds.map((pointId) => ({ pointId })) }, new Date("2027-02-01T02:00:00Z"))
    ).rejects.toMatchObject({ status: 409 });
    expect((await prisma.reply.findUniqueOrThrow({ where: { id: draft.replyId } })).status).toBe("draft");
  });

  test("a reply while the reply clock is paused by a suspension is not late (规则 Art 78)", async () => {
    const p = await gui();
    const a = await liaison(p.id);
    const r = await newRecommendation(prisma, p.id, { agencyId: a.scope.agencyId, servedOnAgencyId: a.scope.agencyId });
    await prisma.deadline.create({
      data: {
        procuratorateId: p.id,
        key: `agency_reply:${r.recommendationId}`,
        kind: "agency_reply",
        ruleId: "agency_reply",
        party: "agency",
        triggerOn: "2026-11-20",
        dueOn: "2027-01-20",
        periodEndOn: "2027-01-20",
        pausedSince: "2027-01-05",
        pausedDaysLeft: 15,
        steps: "[]",
        basis: "两高解释 Art 21",
        recommendationId: r.recommendationId,
      },
    });
    const answers = r.pointIds.map((pointId) => ({ pointId, status: "done" as const, text: "已整改" }));
    const draft = await saveReply(a.scope, a.user.id, r.recommendationId, { intent: "save", answers });
    const v = String((await prisma.reply.findUniqueOrThrow({ where: { id: draft.replyId } })).updatedAt.getTime());
    const saved = await saveReply(a.scope, a.user.id, r.recommendationId, { intent: "submit", version: v, summary: "中止期间的回复", answers }, new Date("2027-03-01T02:00:00Z"));
    expect(saved.late).toBe(false);
  });

  test("a closed case takes no reply or file; staff cannot open a draft's attachment until it is submitted", async () => {
    const p = await gui();
    const a = await liaison(p.id);
    const r = await newRecommendation(prisma, p.id, { agencyId: a.scope.agencyId, servedOnAgencyId: a.scope.agencyId });
    const answers = r.pointIds.map((pointId) => ({ pointId, status: "done" as const, text: "已整改" }));
    const draft = await saveReply(a.scope, a.user.id, r.recommendationId, { intent: "save", answers });
    const stored = await storeBuffer(new TextEncoder().encode("%PDF-1.4 draft"));
    const [att] = await addReplyAttachments(a.scope, a.user.id, r.recommendationId, { pointId: r.pointIds[0]! }, [{ ...stored, mimeType: "application/pdf", fileName: "d.pdf" }]);
    const staff = { role: "prosecutor" as const };
    const staffScope = { kind: "procuratorate" as const, procuratorateId: p.id };
    expect(await findReadableAttachment(staff, staffScope, att!.id)).toBeNull();
    expect(await findReadableAttachment({ role: "agency" }, { kind: "agency", ...a.scope }, att!.id)).not.toBeNull();

    const caseId = (await prisma.recommendation.findUniqueOrThrow({ where: { id: r.recommendationId } })).caseId;
    await prisma.case.update({ where: { id: caseId }, data: { state: "closed", closedOn: "2026-12-01" } });
    const v = String((await prisma.reply.findUniqueOrThrow({ where: { id: draft.replyId } })).updatedAt.getTime());
    await expect(saveReply(a.scope, a.user.id, r.recommendationId, { intent: "submit", version: v, summary: "晚了", answers })).rejects.toMatchObject({ status: 409, message: "agencyReply.reply.caseClosed" });
    await expect(
      addReplyAttachments(a.scope, a.user.id, r.recommendationId, { pointId: r.pointIds[0]! }, [{ ...stored, mimeType: "application/pdf", fileName: "e.pdf" }])
    ).rejects.toMatchObject({ status: 409 });
    expect(await prisma.replyAttachment.count({ where: { replyId: draft.replyId } })).toBe(1);
  });
});

describe("isolation: a liaison of agency A gets 404 for each resource of agency B", () => {
  test("recommendation, reply form, receipt, attachment", async () => {
    const p = await gui();
    const [a, b] = await Promise.all([liaison(p.id), liaison(p.id)]);
    const rb = await newRecommendation(prisma, p.id, { agencyId: b.scope.agencyId, servedOnAgencyId: b.scope.agencyId });
    const answers = rb.pointIds.map((pointId) => ({ pointId, status: "done" as const, text: "已整改" }));
    const draft = await saveReply(b.scope, b.user.id, rb.recommendationId, { intent: "save", answers });
    const stored = await storeBuffer(new TextEncoder().encode("%PDF-1.4 isolation"));
    const [att] = await addReplyAttachments(b.scope, b.user.id, rb.recommendationId, { pointId: rb.pointIds[0]! }, [{ ...stored, mimeType: "application/pdf", fileName: "b.pdf" }]);
    const v = String((await prisma.reply.findUniqueOrThrow({ where: { id: draft.replyId } })).updatedAt.getTime());
    await saveReply(b.scope, b.user.id, rb.recommendationId, { intent: "submit", version: v, summary: "B", answers });
    const params = { recommendationId: rb.recommendationId };
    const path = `/agency/recommendations/${rb.recommendationId}`;
    expect((await callLoader(recRoute.loader, request(path, { cookie: a.cookie }), params)).status).toBe(404);
    expect((await callLoader(replyRoute.loader, request(`${path}/reply`, { cookie: a.cookie }), params)).status).toBe(404);
    expect((await callLoader(receiptRoute.loader, request(`${path}/receipt`, { cookie: a.cookie }), params)).status).toBe(404);
    expect((await callLoader(fileRoute.loader, request(`/reply-files/${att!.id}`, { cookie: a.cookie }), { attachmentId: att!.id })).status).toBe(404);
    expect((await callLoader(fileRoute.loader, request(`/reply-files/${att!.id}`, { cookie: b.cookie }), { attachmentId: att!.id })).status).toBe(200);
    const form = { intent: "save", version: "", "answers[0].pointId": rb.pointIds[0]!, "answers[0].status": "not_done", "answers[0].text": "x" };
    expect((await callAction(replyRoute.action, request(`${path}/reply`, { cookie: a.cookie, form }), params)).status).toBe(404);
    // The generated documents (/documents/:id) and the release on service: tests/integration/agency-isolation.test.ts.
  });
});
