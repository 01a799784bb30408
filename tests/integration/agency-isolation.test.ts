import { beforeAll, describe, expect, test } from "vitest";
import { newRecommendation } from "#tests/authz/agency-reply";
import { callAction, callLoader, cookieForUserId, createUser, request } from "#tests/factories";
import { documentServiceFieldsSchema, serviceFieldsSchema } from "~/domain/recommendation/service-schemas";
import { issueDocument } from "~/models/document.server";
import { addReplyAttachments, saveReply } from "~/models/reply.server";
import { recordDocumentService, recordRecommendationService } from "~/models/service.server";
import * as documentRoute from "~/routes/documents.$documentId";
import * as receiptRoute from "~/routes/agency.recommendations.$recommendationId_.receipt";
import * as replyRoute from "~/routes/agency.recommendations.$recommendationId_.reply";
import * as recRoute from "~/routes/agency.recommendations.$recommendationId";
import * as fileRoute from "~/routes/reply-files.$attachmentId";
import { storeBuffer } from "~/storage/file-store.server";
import { prisma } from "~/utils/db.server";

// Issue 11 item 3 and "Done when": a liaison of agency A gets 404 for each resource of agency B in
// the same series (recommendation, reply, receipt, attachment, the generated 检察建议书), for A's own
// document until it is served (200 after), and for internal kinds even of A's own case.

let gui: string;
let prosecutorId: string;

beforeAll(async () => {
  gui = (await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" }, select: { id: true } })).id;
  prosecutorId = (await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" } })).id;
});

async function liaison() {
  const user = await createUser({ role: "agency", procuratorateId: gui });
  return { user, scope: { procuratorateId: gui, agencyId: user.agencyId! }, cookie: await cookieForUserId(user.id) };
}

const details = { method: "direct", servedOn: "2026-11-20", place: "县政府", recipient: "测试机关", signedBy: "王某", serverName: "李检察官" };

/** An approved recommendation against `agencyId` in a case of one series, its letter issued. */
async function recommendationWithLetter(agencyId: string, seriesId: string) {
  const r = await newRecommendation(prisma, gui, { agencyId, leadId: prosecutorId });
  await prisma.case.update({ where: { id: r.caseId }, data: { seriesId } });
  const letter = await issueDocument({ procuratorateId: gui, actorId: prosecutorId, kind: "recommendation", subjectId: r.recommendationId, issuedOn: "2026-11-10" });
  return { ...r, letter };
}

const download = (cookie: string, id: string) => callLoader(documentRoute.loader, request(`/documents/${id}`, { cookie }), { documentId: id });

describe("isolation between the agencies of one series", () => {
  test("A gets 404 for B's recommendation, reply form, receipt, attachment and letter; B gets them", async () => {
    const [a, b] = await Promise.all([liaison(), liaison()]);
    const series = await prisma.caseSeries.create({ data: { procuratorateId: gui, name: `隔离测试系列 ${a.user.id.slice(-6)}` } });
    const rb = await recommendationWithLetter(b.scope.agencyId, series.id);
    await recordRecommendationService(gui, prosecutorId, rb.caseId, serviceFieldsSchema("2099-12-31").parse({ intent: "serve", recommendationId: rb.recommendationId, ...details }));
    const answers = rb.pointIds.map((pointId) => ({ pointId, status: "done" as const, text: "已整改" }));
    const draft = await saveReply(b.scope, b.user.id, rb.recommendationId, { intent: "save", answers });
    const stored = await storeBuffer(new TextEncoder().encode("%PDF-1.4 isolation"));
    const [att] = await addReplyAttachments(b.scope, b.user.id, rb.recommendationId, { pointId: rb.pointIds[0]! }, [{ ...stored, mimeType: "application/pdf", fileName: "b.pdf" }]);
    const v = String((await prisma.reply.findUniqueOrThrow({ where: { id: draft.replyId } })).updatedAt.getTime());
    await saveReply(b.scope, b.user.id, rb.recommendationId, { intent: "submit", version: v, summary: "B", answers });

    const params = { recommendationId: rb.recommendationId };
    const path = `/agency/recommendations/${rb.recommendationId}`;
    for (const [who, want] of [[a, 404], [b, 200]] as const) {
      expect((await callLoader(recRoute.loader, request(path, { cookie: who.cookie }), params)).status).toBe(want);
      expect((await callLoader(receiptRoute.loader, request(`${path}/receipt`, { cookie: who.cookie }), params)).status).toBe(want);
      expect((await callLoader(fileRoute.loader, request(`/reply-files/${att!.id}`, { cookie: who.cookie }), { attachmentId: att!.id })).status).toBe(want);
      expect((await download(who.cookie, rb.letter.id)).status).toBe(want);
    }
    expect((await callLoader(replyRoute.loader, request(`${path}/reply`, { cookie: a.cookie }), params)).status).toBe(404);
    const form = { intent: "save", version: "", "answers[0].pointId": rb.pointIds[0]!, "answers[0].status": "not_done", "answers[0].text": "x" };
    expect((await callAction(replyRoute.action, request(`${path}/reply`, { cookie: a.cookie, form }), params)).status).toBe(404);
    // A guessed document id answers like another agency's.
    expect((await download(a.cookie, "cl0000000000000000000000")).status).toBe(404);
  });

  test("A's own letter is 404 until its recommendation is served, 200 after; another agency's liaison stays 404", async () => {
    const [a, b] = await Promise.all([liaison(), liaison()]);
    const series = await prisma.caseSeries.create({ data: { procuratorateId: gui, name: `隔离测试系列 ${a.user.id.slice(-6)}` } });
    const ra = await recommendationWithLetter(a.scope.agencyId, series.id);
    expect((await download(a.cookie, ra.letter.id)).status).toBe(404);
    await recordRecommendationService(gui, prosecutorId, ra.caseId, serviceFieldsSchema("2099-12-31").parse({ intent: "serve", recommendationId: ra.recommendationId, ...details }));
    expect((await download(a.cookie, ra.letter.id)).status).toBe(200);
    expect((await download(b.cookie, ra.letter.id)).status).toBe(404);
  });

  test("A's other served document (a 立案决定书) likewise: 404 before its service, 200 after", async () => {
    const a = await liaison();
    const ra = await newRecommendation(prisma, gui, { agencyId: a.scope.agencyId, leadId: prosecutorId });
    await prisma.case.update({ where: { id: ra.caseId }, data: { number: `隔离-${ra.caseId.slice(-8)}`, filedOn: "2026-11-02" } });
    await prisma.caseTransition.create({ data: { caseId: ra.caseId, fromState: "clue", toState: "filed", actorId: prosecutorId, reason: "立案" } });
    const doc = await issueDocument({ procuratorateId: gui, actorId: prosecutorId, kind: "filing_decision", subjectId: ra.caseId, issuedOn: "2026-11-03" });
    expect((await download(a.cookie, doc.id)).status).toBe(404);
    await recordDocumentService(gui, prosecutorId, ra.caseId, documentServiceFieldsSchema("2099-12-31").parse({ intent: "serveDocument", documentId: doc.id, ...details }));
    expect((await download(a.cookie, doc.id)).status).toBe(200);
  });

  test("internal kinds are 404 for the liaison even of its own case, even if a row were marked visible for it", async () => {
    const a = await liaison();
    const ra = await newRecommendation(prisma, gui, { agencyId: a.scope.agencyId, servedOnAgencyId: a.scope.agencyId, leadId: prosecutorId });
    const letter = await issueDocument({ procuratorateId: gui, actorId: prosecutorId, kind: "recommendation", subjectId: ra.recommendationId });
    const sha256 = letter.sha256;
    for (const kind of ["evidence_list", "hearing_record", "suspension_decision", "not_filing_decision", "panel_opinion_form"]) {
      const internal = await prisma.generatedDocument.create({
        data: { procuratorateId: gui, caseId: ra.caseId, kind, title: `内部文书 ${kind}`, sha256, size: 1n, agencyId: a.scope.agencyId, agencyVisible: true, createdById: prosecutorId },
      });
      expect((await download(a.cookie, internal.id)).status, kind).toBe(404);
    }
  });
});
