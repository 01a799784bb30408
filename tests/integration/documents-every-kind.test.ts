import { describe, expect, test } from "vitest";
import { readDocx } from "#tests/support/docx";
import { DOCUMENT_KINDS } from "~/domain/documents/kinds";
import type { DocumentCandidate } from "~/models/document.server";
import { caseDocumentsPanel, clueDocumentsPanel, hearingDocumentsPanel, issueDocument, readStoredBytes } from "~/models/document.server";
import { prisma } from "~/utils/db.server";

// Issue 10, "done when, from the app": each of the 18 kinds can be generated from the demo data,
// from the page it belongs to (the case's documents tab, the clue page, the hearing's documents
// tab): the pages' panels offer every kind ready somewhere, and issuing one of each gives a .docx
// with no placeholder left.

describe("every kind from its page", () => {
  test("the demo's case, clue and hearing pages offer all 18 kinds, and each issues", async () => {
    const gui = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" }, select: { id: true } });
    const prosecutor = await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" }, select: { id: true } });
    const [cases, clues, hearings] = await Promise.all([
      prisma.case.findMany({ where: { procuratorateId: gui.id }, select: { id: true }, orderBy: { number: "asc" } }),
      prisma.clue.findMany({ where: { procuratorateId: gui.id }, select: { id: true } }),
      prisma.hearing.findMany({ where: { procuratorateId: gui.id }, select: { id: true } }),
    ]);
    const ready = new Map<string, DocumentCandidate>();
    const take = (candidates: DocumentCandidate[]) => {
      for (const c of candidates) if (!c.blocked && !ready.has(c.kind)) ready.set(c.kind, c);
    };
    for (const c of cases) take((await caseDocumentsPanel(gui.id, c.id)).candidates);
    for (const c of clues) take((await clueDocumentsPanel(gui.id, c.id)).candidates);
    for (const h of hearings) take((await hearingDocumentsPanel(gui.id, h.id)).candidates);
    expect([...ready.keys()].sort()).toEqual([...DOCUMENT_KINDS].sort());

    for (const candidate of ready.values()) {
      const doc = await issueDocument({ procuratorateId: gui.id, actorId: prosecutor.id, kind: candidate.kind, subjectId: candidate.subjectId });
      const docx = readDocx(await readStoredBytes(doc.sha256));
      expect(docx.placeholders, candidate.kind).toEqual([]);
      expect(docx.text, candidate.kind).toContain("桂阳县人民检察院");
    }
  }, 120_000);
});
