import { Readable } from "node:stream";
import { zipSync } from "fflate";
import type { Zippable } from "fflate";
import type { BatchFailure } from "~/domain/documents/schemas";
import { BATCH_STALE_AFTER_MS, batchViewOf, compareDocumentNumbers, safeFileName } from "~/domain/documents/schemas";
import type { DocumentKind } from "~/domain/documents/kinds";
import { zhCN } from "~/i18n/zh-CN";
import { recordAudit } from "~/models/audit.server";
import { issueDocument, readStoredBytes } from "~/models/document.server";
import { placeStaged, stageStream } from "~/storage/file-store.server";
import { prisma } from "~/utils/db.server";
import { DomainError, isAppError, orNotFound } from "~/utils/errors";

// The series batch (issue 10 item 7): one action generates the recommendation letter (检察建议书)
// and its proof of service (送达回证) for every case of a series with an approved recommendation.
// The work runs in the server process after the response; the page polls the DocumentBatch row
// (done / total). A document that fails is reported by name and the others are kept; the result
// is one .zip in the content-addressed store. Decision record: docs/decisions/0020-generated-documents.md.

export const BATCH_KINDS = ["recommendation", "proof_of_service"] as const satisfies readonly DocumentKind[];

/** A recommendation counts once it is approved (numbered on approval, 建议规定 Art 7): approved, served, replied or closed. */
const APPROVED_OR_LATER = ["approved", "served", "replied", "closed"];

type BatchItem = { kind: DocumentKind; subjectId: string; name: string; folder: string };

/** What a batch of this series would make: two documents per case with an approved recommendation. */
async function batchItems(procuratorateId: string, seriesId: string): Promise<BatchItem[]> {
  const recommendations = await prisma.recommendation.findMany({
    where: { procuratorateId, status: { in: APPROVED_OR_LATER }, case: { seriesId, procuratorateId } },
    orderBy: [{ number: "asc" }, { id: "asc" }],
    take: 500,
    select: { id: true, number: true, case: { select: { number: true, title: true, respondentAgency: { select: { name: true } } } } },
  });
  // By the 文号's numeric sequence (10号 after 2号): the zip's folders follow it.
  recommendations.sort((a, b) => compareDocumentNumbers(a.number, b.number) || a.id.localeCompare(b.id));
  return recommendations.flatMap((r) => {
    const folder = safeFileName(r.case.number ?? r.id);
    const who = r.case.respondentAgency?.name ?? r.case.title;
    return BATCH_KINDS.map((kind) => ({
      kind,
      subjectId: r.id,
      folder,
      name: `${zhCN[`documentKind.${kind}`]}（${r.case.number ?? r.number ?? r.id}，${who}）`,
    }));
  });
}

/** How many documents a batch of this series would make now (the page's button). */
export async function countBatchItems(procuratorateId: string, seriesId: string): Promise<number> {
  return (await batchItems(procuratorateId, seriesId)).length;
}

/**
 * Starts a batch: refuses (409) while another batch of the series runs; a batch still "running"
 * past BATCH_STALE_AFTER_MS belongs to a process that died, and is marked failed first. Returns the
 * batch and its work, which the caller runs after answering (runs in this server process).
 */
export async function startSeriesBatch(input: { procuratorateId: string; actorId: string; seriesId: string; now?: Date }) {
  const { procuratorateId, actorId, seriesId } = input;
  const now = input.now ?? new Date();
  orNotFound(await prisma.caseSeries.findFirst({ where: { id: seriesId, procuratorateId }, select: { id: true } }));
  const items = await batchItems(procuratorateId, seriesId);
  if (items.length === 0) throw new DomainError("documents.batch.error.nothing", 409);
  const batch = await prisma.$transaction(async (tx) => {
    const running = await tx.documentBatch.findMany({
      where: { procuratorateId, seriesId, status: "running" },
      select: { id: true, createdAt: true, status: true, failures: true },
    });
    for (const r of running) {
      if (batchViewOf(r, now) === "running") throw new DomainError("documents.batch.error.running", 409);
      const failures = [...(JSON.parse(r.failures) as BatchFailure[]), { name: "—", error: "documents.batch.interrupted" }];
      await tx.documentBatch.update({ where: { id: r.id }, data: { status: "failed", finishedAt: now, failures: JSON.stringify(failures) } });
      await recordAudit(tx, {
        procuratorateId,
        actorId,
        action: "document.batch.interrupted",
        entityType: "DocumentBatch",
        entityId: r.id,
        data: { seriesId, staleAfterMs: BATCH_STALE_AFTER_MS },
      });
    }
    const created = await tx.documentBatch.create({
      data: { procuratorateId, seriesId, kinds: JSON.stringify(BATCH_KINDS), status: "running", total: items.length, createdById: actorId },
      select: { id: true, total: true },
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "document.batch.start",
      entityType: "DocumentBatch",
      entityId: created.id,
      data: { seriesId, kinds: BATCH_KINDS, total: items.length },
    });
    return created;
  });
  return { batch, run: () => runBatch(procuratorateId, actorId, batch.id, items) };
}

function failureMessage(error: unknown): string {
  if (isAppError(error)) return error.messageKey;
  if (error instanceof Response) return `error.${error.status}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Makes the batch's documents one by one (an already issued letter or proof of the same
 * recommendation is reused, so a second batch issues nothing twice), records the progress after
 * each, then stores the .zip of all that succeeded. A failing document is recorded by name and
 * the rest go on; the batch fails only when nothing could be made or the zip could not be stored.
 */
export async function runBatch(procuratorateId: string, actorId: string, batchId: string, items: BatchItem[]) {
  const failures: BatchFailure[] = [];
  const files: { path: string; sha256: string }[] = [];
  let done = 0;
  try {
    for (const item of items) {
      try {
        const existing = await prisma.generatedDocument.findFirst({
          where: { procuratorateId, kind: item.kind, subjectType: "recommendation", subjectId: item.subjectId },
          orderBy: { createdAt: "desc" },
          select: { fileName: true, title: true, sha256: true },
        });
        const doc =
          existing ?? (await issueDocument({ procuratorateId, actorId, kind: item.kind, subjectId: item.subjectId, batchId }));
        files.push({ path: `${item.folder}/${safeFileName(doc.fileName ?? `${doc.title}.docx`)}`, sha256: doc.sha256 });
      } catch (error) {
        failures.push({ name: item.name, error: failureMessage(error) });
      }
      done += 1;
      // Only while still running: a batch marked failed meanwhile (stale, by a later start) stays so.
      const progressed = await prisma.documentBatch.updateMany({ where: { id: batchId, status: "running" }, data: { done, failures: JSON.stringify(failures) } });
      if (progressed.count === 0) return;
    }
    let zip: { sha256: string; size: number } | null = null;
    if (files.length) {
      const entries: Zippable = {};
      for (const f of files) {
        let name = f.path;
        for (let i = 2; entries[name]; i += 1) name = f.path.replace(/\.docx$/, `_${i}.docx`);
        // .docx is already deflated: stored as is.
        entries[name] = [await readStoredBytes(f.sha256), { level: 0 }];
      }
      const bytes = zipSync(entries);
      const placed = await placeStaged(await stageStream(Readable.from([Buffer.from(bytes)])));
      zip = { sha256: placed.sha256, size: Number(placed.size) };
    }
    await prisma.$transaction(async (tx) => {
      const finished = await tx.documentBatch.updateMany({
        where: { id: batchId, status: "running" },
        data: {
          status: zip ? "done" : "failed",
          done,
          failures: JSON.stringify(failures),
          zipSha256: zip?.sha256 ?? null,
          zipSize: zip?.size ?? null,
          finishedAt: new Date(),
        },
      });
      if (finished.count === 0) return;
      await recordAudit(tx, {
        procuratorateId,
        actorId,
        action: "document.batch.finish",
        entityType: "DocumentBatch",
        entityId: batchId,
        data: { documents: files.length, failures: failures.length, zipSha256: zip?.sha256 ?? null },
      });
    });
  } catch (error) {
    console.error(`document batch ${batchId} failed`, error);
    failures.push({ name: "—", error: failureMessage(error) });
    await prisma.documentBatch
      .updateMany({ where: { id: batchId, status: "running" }, data: { status: "failed", failures: JSON.stringify(failures), finishedAt: new Date() } })
      .catch(() => undefined);
  }
}

/** Runs a started batch after the response: errors are logged, never thrown at the request. */
export function runInBackground(run: () => Promise<void>): void {
  setImmediate(() => {
    run().catch((error: unknown) => console.error("document batch", error));
  });
}

/** The series page's batch card: the latest batch and how many documents a batch would make (404 out of scope). */
export async function seriesBatchPanel(procuratorateId: string, seriesId: string) {
  orNotFound(await prisma.caseSeries.findFirst({ where: { id: seriesId, procuratorateId }, select: { id: true } }));
  const [batch, eligible] = await Promise.all([latestSeriesBatch(procuratorateId, seriesId), countBatchItems(procuratorateId, seriesId)]);
  return { batch, eligible };
}

/** The series page's view of its latest batch, polled while it runs. */
export async function latestSeriesBatch(procuratorateId: string, seriesId: string) {
  const batch = await prisma.documentBatch.findFirst({
    where: { procuratorateId, seriesId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, status: true, total: true, done: true, failures: true, zipSize: true, zipSha256: true, createdAt: true, finishedAt: true },
  });
  if (!batch) return null;
  return {
    id: batch.id,
    view: batchViewOf(batch),
    total: batch.total,
    done: batch.done,
    failures: JSON.parse(batch.failures) as BatchFailure[],
    zip: batch.zipSha256 ? { size: batch.zipSize ?? 0 } : null,
    createdAt: batch.createdAt,
    finishedAt: batch.finishedAt,
  };
}

/** A batch's zip, for staff of its procuratorate who read series (the route answers 404 otherwise). */
export async function findBatchZip(procuratorateId: string, batchId: string) {
  const batch = await prisma.documentBatch.findFirst({
    where: { id: batchId, procuratorateId, zipSha256: { not: null } },
    select: { id: true, zipSha256: true, createdAt: true, series: { select: { name: true } } },
  });
  return batch?.zipSha256 ? { id: batch.id, sha256: batch.zipSha256, seriesName: batch.series.name, createdAt: batch.createdAt } : null;
}
