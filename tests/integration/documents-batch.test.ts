import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, test } from "vitest";
import type { RouteResult } from "#tests/factories";
import { callAction, callLoader, cookieFor, cookieForUserId, createUser, request } from "#tests/factories";
import { readDocx } from "#tests/support/docx";
import { runBatch, startSeriesBatch } from "~/documents/batch.server";
import { BATCH_STALE_AFTER_MS, batchViewOf } from "~/domain/documents/schemas";
import { issueDocument, readStoredBytes } from "~/models/document.server";
import { loader as zipLoader } from "~/routes/documents.batches.$batchId";
import { action as seriesAction, loader as seriesLoader } from "~/routes/_staff.series.$seriesId._index";
import { prisma } from "~/utils/db.server";

const headersOf = (r: RouteResult) => (r.kind === "error" ? new Headers() : r.headers);

// The series batch (issue 10 item 7) on the seeded 2022 mask series: nine approved
// recommendations give nine letters and nine proofs of service in one .zip; a document that fails
// is reported by name and the others are kept; one batch at a time per series; a batch left
// running by a dead process is shown as interrupted and does not block the next.

let gui: { id: string };
let prosecutorId: string;
let seriesId: string;

beforeAll(async () => {
  gui = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" }, select: { id: true } });
  prosecutorId = (await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" } })).id;
  const rec = await prisma.recommendation.findFirstOrThrow({ where: { number: "桂检行公建〔2022〕1号", procuratorateId: gui.id }, select: { case: { select: { seriesId: true } } } });
  seriesId = rec.case.seriesId!;
});

async function zipEntries(batchId: string) {
  const batch = await prisma.documentBatch.findUniqueOrThrow({ where: { id: batchId } });
  return unzipSync(await readStoredBytes(batch.zipSha256!));
}

describe("the series batch", () => {
  test("one failing document is reported by name and the others are kept; the next batch makes all 18", async () => {
    // The proof of service of 2022-行公-009 exists already; then its letter can no longer be made
    // (the case has lost its respondent agency): only the letter fails.
    const kase = await prisma.case.findFirstOrThrow({ where: { number: "2022-行公-009", procuratorateId: gui.id }, select: { id: true, respondentAgencyId: true } });
    const rec = await prisma.recommendation.findFirstOrThrow({ where: { caseId: kase.id }, select: { id: true } });
    await issueDocument({ procuratorateId: gui.id, actorId: prosecutorId, kind: "proof_of_service", subjectId: rec.id });
    await prisma.case.update({ where: { id: kase.id }, data: { respondentAgencyId: null, respondentUnknown: true } });

    const { batch, run } = await startSeriesBatch({ procuratorateId: gui.id, actorId: prosecutorId, seriesId });
    expect(batch.total).toBe(18);
    await run();
    const first = await prisma.documentBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(first).toMatchObject({ status: "done", total: 18, done: 18 });
    const failures = JSON.parse(first.failures) as { name: string; error: string }[];
    expect(failures).toHaveLength(1);
    expect(failures[0]!.name).toContain("检察建议书");
    expect(failures[0]!.name).toContain("2022-行公-009");
    expect(failures[0]!.error).toMatch(/error/);
    const entries = await zipEntries(batch.id);
    expect(Object.keys(entries)).toHaveLength(17);
    expect(await prisma.generatedDocument.count({ where: { batchId: batch.id } })).toBe(16);

    // Fixed, and run again: every letter and proof, the ones made before reused (nothing issued twice).
    await prisma.case.update({ where: { id: kase.id }, data: { respondentAgencyId: kase.respondentAgencyId, respondentUnknown: false } });
    const second = await startSeriesBatch({ procuratorateId: gui.id, actorId: prosecutorId, seriesId });
    await second.run();
    const done = await prisma.documentBatch.findUniqueOrThrow({ where: { id: second.batch.id } });
    expect(done).toMatchObject({ status: "done", done: 18, failures: "[]" });
    const all = await zipEntries(second.batch.id);
    const names = Object.keys(all);
    expect(names).toHaveLength(18);
    expect(await prisma.generatedDocument.count({ where: { kind: "recommendation", subjectType: "recommendation", procuratorateId: gui.id, case: { seriesId } } })).toBe(9);
    expect(await prisma.generatedDocument.count({ where: { kind: "proof_of_service", procuratorateId: gui.id, case: { seriesId } } })).toBe(9);
    const letters = names.filter((n) => n.includes("检察建议书"));
    expect(letters.length).toBeGreaterThanOrEqual(9);
    for (let n = 1; n <= 9; n += 1) {
      const number = `桂检行公建〔2022〕${n}号`;
      const letter = names.find((name) => readDocx(all[name]!).text.includes(number) && !name.includes("送达回证"));
      expect(letter, number).toBeTruthy();
      expect(readDocx(all[letter!]!).placeholders).toEqual([]);
    }
    expect(names.every((n) => /^2022-行公-00\d\//.test(n))).toBe(true);
    expect(strFromU8(all[names[0]!]!.slice(0, 2))).toBe("PK");
  }, 120_000); // two batches of 18 documents: about 10 s alone, more on a loaded machine

  test("a second start while one runs is refused with 409; a stale running batch is marked failed and does not block", async () => {
    const running = await prisma.documentBatch.create({
      data: { procuratorateId: gui.id, seriesId, kinds: "[]", status: "running", total: 18, createdById: prosecutorId },
    });
    const cookie = await cookieFor("prosecutor");
    const refused = await callAction(seriesAction, request(`/series/${seriesId}?index`, { cookie, form: { intent: "startBatch" } }), { seriesId });
    expect(refused.status).toBe(409);
    expect(await prisma.documentBatch.count({ where: { seriesId, status: "running" } })).toBe(1);

    // The page shows it running; once past the timeout, interrupted.
    const page = await callLoader(seriesLoader, request(`/series/${seriesId}`, { cookie }), { seriesId });
    expect(page.kind === "data" && (page.data as { batch: { view: string } }).batch.view).toBe("running");
    // Past the timeout (its process died): shown as interrupted, and marked failed by the next start.
    const later = new Date(Date.now() + BATCH_STALE_AFTER_MS + 1000);
    expect(batchViewOf(running, later)).toBe("interrupted");
    const { batch, run } = await startSeriesBatch({ procuratorateId: gui.id, actorId: prosecutorId, seriesId, now: later });
    const interrupted = await prisma.documentBatch.findUniqueOrThrow({ where: { id: running.id } });
    expect(interrupted.status).toBe("failed");
    expect(interrupted.failures).toContain("documents.batch.interrupted");
    await run();
    expect((await prisma.documentBatch.findUniqueOrThrow({ where: { id: batch.id } })).status).toBe("done");
  }, 60_000);

  test("a batch marked failed while it runs is never overwritten: progress and the final update apply only while running", async () => {
    const { batch, run } = await startSeriesBatch({ procuratorateId: gui.id, actorId: prosecutorId, seriesId });
    await prisma.documentBatch.update({ where: { id: batch.id }, data: { status: "failed", finishedAt: new Date() } });
    await run();
    const row = await prisma.documentBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(row).toMatchObject({ status: "failed", done: 0, zipSha256: null });
    expect(await prisma.auditEvent.count({ where: { action: "document.batch.finish", entityId: batch.id } })).toBe(0);
  }, 60_000);

  test("the zip downloads for staff of the procuratorate; a liaison, a panelist and another procuratorate get 404", async () => {
    const batch = await prisma.documentBatch.findFirstOrThrow({ where: { seriesId, status: "done" }, orderBy: { createdAt: "desc" } });
    const get = async (cookie: string) => callLoader(zipLoader, request(`/documents/batches/${batch.id}`, { cookie }), { batchId: batch.id });
    const ok = await get(await cookieFor("prosecutor"));
    expect(ok.status).toBe(200);
    expect(headersOf(ok).get("Content-Type")).toBe("application/zip");
    expect(headersOf(ok).get("Content-Disposition")).toMatch(/^attachment;/);
    expect((await get(await cookieFor("chief"))).status).toBe(200);
    expect((await get(await cookieFor("agency"))).status).toBe(404);
    expect((await get(await cookieFor("panelist"))).status).toBe(404);
    const chen = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "郴" } });
    expect((await get(await cookieForUserId((await createUser({ role: "prosecutor", procuratorateId: chen.id })).id))).status).toBe(404);
  });

  test("the approver may not start a batch (403); another procuratorate's series answers 404", async () => {
    expect((await callAction(seriesAction, request(`/series/${seriesId}?index`, { cookie: await cookieFor("chief"), form: { intent: "startBatch" } }), { seriesId })).status).toBe(403);
    const chen = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "郴" } });
    const other = await createUser({ role: "prosecutor", procuratorateId: chen.id });
    const before = await prisma.documentBatch.count();
    const res = await callAction(seriesAction, request(`/series/${seriesId}?index`, { cookie: await cookieForUserId(other.id), form: { intent: "startBatch" } }), { seriesId });
    expect(res.status).toBe(404);
    expect(await prisma.documentBatch.count()).toBe(before);
  });

  test("runBatch records progress after each document", async () => {
    // A fresh batch row over two items of the series: done counts up to 2.
    const rec = await prisma.recommendation.findFirstOrThrow({ where: { number: "桂检行公建〔2022〕2号", procuratorateId: gui.id }, select: { id: true } });
    const row = await prisma.documentBatch.create({ data: { procuratorateId: gui.id, seriesId, kinds: "[]", status: "running", total: 2, createdById: prosecutorId } });
    await runBatch(gui.id, prosecutorId, row.id, [
      { kind: "recommendation", subjectId: rec.id, name: "检察建议书（测试）", folder: "a" },
      { kind: "proof_of_service", subjectId: rec.id, name: "送达回证（测试）", folder: "a" },
    ]);
    expect(await prisma.documentBatch.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "done", done: 2, total: 2 });
  });
});
