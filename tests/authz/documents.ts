import { zipSync } from "fflate";
import { hearingParams } from "#tests/authz/hearings";
import type { Expectations, ParamContext, ParamSets, WriteRow } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { newCase, procuratorates, someUser, tag } from "#tests/authz/write-fixtures";
import type { PrismaClient } from "~/generated/prisma/client";
import { issueDocument } from "~/models/document.server";
import { storeBuffer } from "~/storage/file-store.server";

// Authorization matrix entries of generated documents (issue 10): the download of a document (its
// procuratorate's staff who read what it belongs to; the liaison of the agency it is addressed to
// and marked visible for; everyone else 404), regenerate and verify, preview (HTML, PDF), issue,
// the hearing's documents tab, the series batch and its zip.

const staffRead = only({ prosecutor: 200, approver: 200 });

/** A served recommendation of the procuratorate (the demo seed has numbered ones in 桂 and 郴). */
async function servedRecommendation(db: PrismaClient, shortName: string, caseNumber?: string) {
  return db.recommendation.findFirstOrThrow({
    where: { case: { procuratorate: { shortName }, ...(caseNumber ? { number: caseNumber } : {}) }, number: { not: null }, services: { some: {} } },
    orderBy: { number: "asc" },
    select: { id: true, procuratorateId: true },
  });
}

let documents: Promise<ParamSets> | null = null;

/**
 * In scope: the proof of service (送达回证) of 2022-行公-003's recommendation, addressed to the demo
 * liaison's agency (桂阳县城市管理和综合执法局) and visible to it at issue (its kind's release rule:
 * a letter would wait for its service); out of scope: a proof of service of 郴. Issued once for the run.
 */
function documentParams({ db }: ParamContext): Promise<ParamSets> {
  documents ??= (async () => {
    const mine = await servedRecommendation(db, "桂", "2022-行公-003");
    const theirs = await servedRecommendation(db, "郴");
    const issue = async (rec: { id: string; procuratorateId: string }, kind: "recommendation" | "proof_of_service") => {
      const existing = await db.generatedDocument.findFirst({ where: { kind, subjectId: rec.id }, select: { id: true } });
      if (existing) return existing.id;
      const actorId = await someUser(db, rec.procuratorateId);
      return (await issueDocument({ procuratorateId: rec.procuratorateId, actorId, kind, subjectId: rec.id })).id;
    };
    return { inScope: { documentId: await issue(mine, "proof_of_service") }, outOfScope: { documentId: await issue(theirs, "proof_of_service") } };
  })();
  return documents;
}

/** A finished batch with a stored zip, in 桂 and in 郴. */
async function batchParams({ db }: ParamContext): Promise<ParamSets> {
  const p = await procuratorates(db);
  const make = async (procuratorateId: string) => {
    const series = await db.caseSeries.findFirstOrThrow({ where: { procuratorateId }, select: { id: true } });
    const zip = await storeBuffer(zipSync({ [`矩阵测试 ${tag()}.txt`]: new TextEncoder().encode("矩阵测试") }));
    const batch = await db.documentBatch.create({
      data: {
        procuratorateId,
        seriesId: series.id,
        kinds: "[]",
        status: "done",
        zipSha256: zip.sha256,
        zipSize: Number(zip.size),
        createdById: await someUser(db, procuratorateId),
        finishedAt: new Date(),
      },
      select: { id: true },
    });
    return batch.id;
  };
  return { inScope: { batchId: await make(p.inScope) }, outOfScope: { batchId: await make(p.outOfScope) } };
}

const seriesParams = async ({ db }: ParamContext): Promise<ParamSets> => {
  const [mine, theirs] = await Promise.all(
    ["桂", "郴"].map((shortName) => db.caseSeries.findFirst({ where: { procuratorate: { shortName } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true } })),
  );
  if (!mine || !theirs) throw new Error("the demo seed has no case series of 桂 and of 郴");
  return { inScope: { seriesId: mine.id }, outOfScope: { seriesId: theirs.id } };
};

/** Issue a proof of service (unnumbered: it may be issued again) of a served recommendation of 桂 / 郴. */
const issueWrites: WriteRow[] = [
  {
    name: "issue a document from another procuratorate's recommendation",
    as: "prosecutor",
    inScopeExpected: 200,
    targets: async ({ db }) => {
      const [mine, theirs] = await Promise.all([servedRecommendation(db, "桂"), servedRecommendation(db, "郴")]);
      const target = (subjectId: string) => ({
        form: { kind: "proof_of_service", subjectId },
        state: () => db.generatedDocument.count({ where: { subjectId } }),
      });
      return { inScope: target(mine.id), outOfScope: target(theirs.id) };
    },
  },
];

/** Start the batch of a fresh series with one approved recommendation, of 桂 / 郴. */
const batchWrites: WriteRow[] = [
  {
    name: "start the document batch of another procuratorate's series",
    as: "prosecutor",
    inScopeExpected: 200,
    targets: async ({ db }) => {
      const p = await procuratorates(db);
      const target = async (procuratorateId: string) => {
        const series = await db.caseSeries.create({ data: { procuratorateId, name: `矩阵测试系列 ${tag()}` }, select: { id: true } });
        const kase = await newCase(db, procuratorateId, "recommending");
        await db.case.update({ where: { id: kase.id }, data: { seriesId: series.id } });
        await db.recommendation.create({
          data: {
            caseId: kase.id,
            procuratorateId,
            number: `矩阵检行公建〔2099〕${tag()}号`,
            status: "approved",
            facts: "矩阵测试事实",
            reasons: "矩阵测试理由",
            legalBasis: "矩阵测试依据",
            createdById: await someUser(db, procuratorateId),
          },
        });
        return {
          params: { seriesId: series.id },
          form: { intent: "startBatch" },
          state: () => db.documentBatch.count({ where: { seriesId: series.id } }),
        };
      };
      return { inScope: await target(p.inScope), outOfScope: await target(p.outOfScope) };
    },
  },
];

export const expectations: Expectations = {
  // GET /documents/:id: the liaison of the addressed agency is in scope; the administrator and
  // panelists get 404 like any out-of-scope reader (never 403: nothing to learn from the answer).
  "routes/documents.$documentId": {
    params: documentParams,
    loader: only({ prosecutor: 200, approver: 200, agency: 200 }, 404),
  },
  // Regenerate and verify: a staff tool (document:preview); GET gives the regenerated bytes, POST
  // the comparison (writes nothing).
  "routes/documents.$documentId_.verify": {
    params: documentParams,
    loader: staffRead,
    action: staffRead,
    writes: { none: "regenerates the document in memory and compares hashes; writes nothing" },
  },
  // Preview (?kind=&subject=): without a query the request is invalid (400) for those who may preview.
  "routes/_staff.documents.preview": { loader: only({ prosecutor: 400, approver: 400 }) },
  "routes/documents.preview[.]pdf": { loader: only({ prosecutor: 400, approver: 400 }) },
  // Issue (document:issue, prosecutors): an empty form is invalid input.
  "routes/documents.issue": { action: only({ prosecutor: 400 }), writes: issueWrites },
  "routes/_staff.hearings.$hearingId.documents": { params: hearingParams, loader: staffRead },
  // The series page's batch: staff read it; prosecutors start one (an empty form is 400).
  "routes/_staff.series.$seriesId._index": {
    params: seriesParams,
    loader: staffRead,
    action: only({ prosecutor: 400 }),
    writes: batchWrites,
  },
  // A batch's zip: staff of its procuratorate who read series; everyone else 404.
  "routes/documents.batches.$batchId": { params: batchParams, loader: only({ prosecutor: 200, approver: 200 }, 404) },
};
