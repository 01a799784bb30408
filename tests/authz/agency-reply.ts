import type { PrismaClient } from "~/generated/prisma/client";
import { storeBuffer } from "~/storage/file-store.server";
import type { Expectations, ParamContext, ParamSets, WriteRow } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { newAgency, newCase, procuratorates, someUser, tag } from "#tests/authz/write-fixtures";

// Authorization matrix entries of issue 11 items 1–3: the service form (/cases/:caseId/serve,
// service:record), the portal reply form, its uploads and receipt (agency:reply), and the reply
// attachment route (/reply-files/:attachmentId: the case's staff and the replying agency; everyone
// else 404). Out of scope: a case of 郴; a recommendation served on another agency of 桂.

/** A recommendation of a fresh case, approved (or served on `servedOn` agency), with two points. */
export async function newRecommendation(
  db: PrismaClient,
  procuratorateId: string,
  opts: { agencyId?: string; servedOnAgencyId?: string | null; leadId?: string } = {}
) {
  const agencyId = opts.agencyId ?? (await newAgency(db, procuratorateId)).id;
  const kase = await newCase(db, procuratorateId, "rectification", { leadId: opts.leadId });
  await db.case.update({ where: { id: kase.id }, data: { respondentAgencyId: agencyId } });
  const createdById = opts.leadId ?? (await someUser(db, procuratorateId));
  const served = opts.servedOnAgencyId !== undefined && opts.servedOnAgencyId !== null;
  const rec = await db.recommendation.create({
    data: {
      caseId: kase.id,
      procuratorateId,
      number: `矩阵建〔2026〕${tag()}号`,
      status: served ? "served" : "approved",
      facts: "事实",
      reasons: "理由",
      legalBasis: "依据",
      objectionDays: 10,
      createdById,
      points: { create: [{ ordinal: 1, text: "第一项" }, { ordinal: 2, text: "第二项" }] },
    },
    select: { id: true, points: { orderBy: { ordinal: "asc" }, select: { id: true } } },
  });
  if (served) {
    await db.service.create({
      data: {
        caseId: kase.id,
        documentKind: "recommendation",
        recommendationId: rec.id,
        agencyId: opts.servedOnAgencyId!,
        recipient: "矩阵测试",
        method: "direct",
        servedOn: "2026-11-20",
        signedBy: "矩阵测试",
        serverName: "矩阵测试",
        createdById,
      },
    });
  }
  return { caseId: kase.id, recommendationId: rec.id, pointIds: rec.points.map((p) => p.id), agencyId };
}

async function demoAgencyId(db: PrismaClient) {
  const u = await db.user.findUniqueOrThrow({ where: { username: "agency" }, select: { agencyId: true } });
  return u.agencyId!;
}

async function serveParams({ db }: ParamContext): Promise<ParamSets> {
  const { inScope, outOfScope } = await procuratorates(db);
  const [mine, theirs] = await Promise.all([newRecommendation(db, inScope), newRecommendation(db, outOfScope)]);
  return { inScope: { caseId: mine.caseId }, outOfScope: { caseId: theirs.caseId } };
}

/** In scope: a recommendation served on the demo agency; out of scope: one served on another agency of 桂. */
async function replyParams({ db }: ParamContext): Promise<ParamSets> {
  const { inScope } = await procuratorates(db);
  const agencyId = await demoAgencyId(db);
  const other = (await newAgency(db, inScope)).id;
  const [mine, theirs] = await Promise.all([
    newRecommendation(db, inScope, { agencyId, servedOnAgencyId: agencyId }),
    newRecommendation(db, inScope, { agencyId: other, servedOnAgencyId: other }),
  ]);
  return { inScope: { recommendationId: mine.recommendationId }, outOfScope: { recommendationId: theirs.recommendationId } };
}

/** A submitted reply (with a receipt) of `agencyId` to a fresh recommendation, and one attachment. */
async function submittedReply(db: PrismaClient, procuratorateId: string, agencyId: string) {
  const rec = await newRecommendation(db, procuratorateId, { agencyId, servedOnAgencyId: agencyId });
  const stored = await storeBuffer(new TextEncoder().encode(`%PDF-1.4 matrix ${tag()}`));
  const reply = await db.reply.create({
    data: {
      recommendationId: rec.recommendationId,
      agencyId,
      summary: "矩阵测试回复",
      status: "submitted",
      submittedAt: new Date(),
      receiptNumber: `矩阵回执-${tag()}`,
      dueOn: "2027-01-20",
      answers: { create: rec.pointIds.map((pointId) => ({ pointId, status: "done", text: "已整改" })) },
    },
    select: { id: true, answers: { select: { id: true } } },
  });
  const attachment = await db.replyAttachment.create({
    data: { replyId: reply.id, answerId: reply.answers[0]!.id, sha256: stored.sha256, size: BigInt(stored.size), mimeType: "application/pdf", originalName: "整改.pdf" },
    select: { id: true },
  });
  return { recommendationId: rec.recommendationId, attachmentId: attachment.id };
}

async function receiptParams({ db }: ParamContext): Promise<ParamSets> {
  const { inScope } = await procuratorates(db);
  const [mine, theirs] = await Promise.all([
    submittedReply(db, inScope, await demoAgencyId(db)),
    submittedReply(db, inScope, (await newAgency(db, inScope)).id),
  ]);
  return { inScope: { recommendationId: mine.recommendationId }, outOfScope: { recommendationId: theirs.recommendationId } };
}

/** Staff: an attachment of 桂 (out: one of 郴). The liaison: one of the demo agency (out: another agency of 桂). */
async function fileParams({ db, who }: ParamContext): Promise<ParamSets> {
  const { inScope, outOfScope } = await procuratorates(db);
  const agencyId = await demoAgencyId(db);
  const mine = await submittedReply(db, inScope, agencyId);
  const theirs =
    who === "agency"
      ? await submittedReply(db, inScope, (await newAgency(db, inScope)).id)
      : await submittedReply(db, outOfScope, (await newAgency(db, outOfScope)).id);
  return { inScope: { attachmentId: mine.attachmentId }, outOfScope: { attachmentId: theirs.attachmentId } };
}

const serveWrites: WriteRow[] = [
  {
    name: "serve a recommendation of another procuratorate",
    as: "prosecutor",
    inScopeExpected: 200,
    targets: async ({ db, userId }) => {
      const { inScope, outOfScope } = await procuratorates(db);
      const [mine, theirs] = await Promise.all([
        newRecommendation(db, inScope, { leadId: userId ?? undefined }),
        newRecommendation(db, outOfScope),
      ]);
      const target = (r: { caseId: string; recommendationId: string }) => ({
        params: { caseId: r.caseId },
        form: { intent: "serve", recommendationId: r.recommendationId, method: "direct", servedOn: "2026-11-25", place: "矩阵测试地点", recipient: "矩阵测试机关", signedBy: "矩阵测试签收人", serverName: "矩阵测试送达人" },
        state: () => db.service.count({ where: { recommendationId: r.recommendationId } }),
      });
      return { inScope: target(mine), outOfScope: target(theirs) };
    },
  },
  {
    name: "serve a document issued in a case of another procuratorate, posted to a case of mine",
    as: "prosecutor",
    inScopeExpected: 200,
    targets: async ({ db, userId }) => {
      const { inScope, outOfScope } = await procuratorates(db);
      const [mine, theirs] = await Promise.all([
        newRecommendation(db, inScope, { leadId: userId ?? undefined }),
        newRecommendation(db, outOfScope),
      ]);
      // An issued 立案决定书 addressed to the case's agency, not yet served (the row as issueDocument writes it).
      const issued = (r: { caseId: string; agencyId: string }, procuratorateId: string, createdById: string) =>
        db.generatedDocument.create({
          data: { procuratorateId, caseId: r.caseId, kind: "filing_decision", title: `矩阵测试立案决定书 ${tag()}`, sha256: "0".repeat(64), size: 1n, agencyId: r.agencyId, agencyVisible: false, createdById },
          select: { id: true },
        });
      const [myDoc, theirDoc] = await Promise.all([
        issued(mine, inScope, userId ?? (await someUser(db, inScope))),
        issued(theirs, outOfScope, await someUser(db, outOfScope)),
      ]);
      const target = (documentId: string) => ({
        params: { caseId: mine.caseId },
        form: { intent: "serveDocument", documentId, method: "direct", servedOn: "2026-11-25", place: "矩阵测试地点", recipient: "矩阵测试机关", signedBy: "矩阵测试签收人", serverName: "矩阵测试送达人" },
        state: () => db.service.count({ where: { documentId } }),
      });
      return { inScope: target(myDoc.id), outOfScope: target(theirDoc.id) };
    },
  },
];

const replyWrites: WriteRow[] = [
  {
    name: "answer a recommendation served on another agency",
    as: "agency",
    targets: async ({ db }) => {
      const { inScope } = await procuratorates(db);
      const agencyId = await demoAgencyId(db);
      const other = (await newAgency(db, inScope)).id;
      const [mine, theirs] = await Promise.all([
        newRecommendation(db, inScope, { agencyId, servedOnAgencyId: agencyId }),
        newRecommendation(db, inScope, { agencyId: other, servedOnAgencyId: other }),
      ]);
      const target = (r: { recommendationId: string; pointIds: string[] }) => ({
        params: { recommendationId: r.recommendationId },
        form: { intent: "save", version: "", "answers[0].pointId": r.pointIds[0]!, "answers[0].status": "done", "answers[0].text": "矩阵测试" },
        state: () => db.reply.findMany({ where: { recommendationId: r.recommendationId }, select: { id: true, summary: true } }),
      });
      return { inScope: target(mine), outOfScope: target(theirs) };
    },
  },
];

export const expectations: Expectations = {
  "routes/_staff.cases.$caseId.serve": {
    params: serveParams,
    loader: only({ prosecutor: 200 }),
    action: only({ prosecutor: 400 }),
    writes: serveWrites,
  },
  "routes/agency.recommendations.$recommendationId_.reply": {
    params: replyParams,
    loader: only({ agency: 200 }),
    action: only({ agency: 400 }),
    writes: replyWrites,
  },
  "routes/agency.recommendations.$recommendationId_.attachments": {
    params: replyParams,
    // An empty POST is not multipart: sent back to the form with the message (303).
    action: only({ agency: "redirect" }),
    writes: { none: "a multipart upload (the matrix posts url-encoded forms); out-of-scope uploads answer 404 in tests/integration/agency-reply.test.ts" },
  },
  "routes/agency.recommendations.$recommendationId_.receipt": { params: receiptParams, loader: only({ agency: 200 }) },
  "routes/reply-files.$attachmentId": {
    params: fileParams,
    loader: { anonymous: "login", prosecutor: 200, approver: 200, admin: 404, panelist: 404, agency: 200 },
  },
};
