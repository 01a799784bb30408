import { createHash } from "node:crypto";
import fs from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import type { RouteResult } from "#tests/factories";
import { callAction, callLoader, cookieFor, cookieForUserId, createUser, request } from "#tests/factories";
import { readDocx } from "#tests/support/docx";
import { DocumentAlreadyIssuedError, caseDocumentsPanel, hearingDocumentsPanel, issueDocument, previewDocument, readStoredBytes, regenerateDocument } from "~/models/document.server";
import { loader as downloadLoader } from "~/routes/documents.$documentId";
import { action as issueAction } from "~/routes/documents.issue";
import { loader as htmlPreviewLoader } from "~/routes/_staff.documents.preview";
import { loader as pdfPreviewLoader } from "~/routes/documents.preview[.]pdf";
import { action as verifyAction, loader as regeneratedLoader } from "~/routes/documents.$documentId_.verify";
import { pathForHash } from "~/storage/file-store.server";
import { prisma } from "~/utils/db.server";
import { definitionOf } from "~/domain/documents/definitions";
import { documentServiceFieldsSchema } from "~/domain/recommendation/service-schemas";
import { recordDocumentService } from "~/models/service.server";

const headersOf = (r: RouteResult) => (r.kind === "error" ? new Headers() : r.headers);
const locationOf = (r: RouteResult) => (r.kind === "error" ? null : r.location);

// Issuing a generated document (issue 10 items 3 and 5) on the seeded database with the packaged
// templates: the 文号 (the subject's own, the allocator's, or none without a code), the snapshot,
// the stored bytes and their SHA-256 on regeneration, the audit event, a numbered document issued
// twice, personal data kept out of agency-facing documents, and who may download what.

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let gui: { id: string };
let prosecutorId: string;

async function caseByNumber(number: string) {
  return prisma.case.findFirstOrThrow({ where: { number, procuratorateId: gui.id }, select: { id: true, respondentAgencyId: true, clueId: true } });
}

async function recommendationOf(caseNumber: string) {
  return prisma.recommendation.findFirstOrThrow({
    where: { case: { number: caseNumber, procuratorateId: gui.id } },
    select: { id: true, number: true },
  });
}

beforeAll(async () => {
  gui = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" }, select: { id: true } });
  prosecutorId = (await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" } })).id;
});

describe("issuing a document", () => {
  test("a recommendation letter takes the recommendation's 文号, stores its bytes and snapshot, and records an audit event", async () => {
    const rec = await recommendationOf("2022-行公-003");
    const counterBefore = await prisma.documentNumberCounter.findMany({ where: { procuratorateId: gui.id } });
    const doc = await issueDocument({ procuratorateId: gui.id, actorId: prosecutorId, kind: "recommendation", subjectId: rec.id, issuedOn: "2022-06-20" });
    expect(doc.number).toBe(rec.number);
    // No number allocated: the recommendation's was taken on approval (建议规定 Art 7).
    expect(await prisma.documentNumberCounter.findMany({ where: { procuratorateId: gui.id } })).toEqual(counterBefore);

    const row = await prisma.generatedDocument.findUniqueOrThrow({ where: { id: doc.id } });
    // Addressed to the agency, released to it only when its service is recorded (规则 Art 76).
    expect(row).toMatchObject({ kind: "recommendation", subjectType: "recommendation", subjectId: rec.id, agencyVisible: false, createdById: prosecutorId });
    const kase = await caseByNumber("2022-行公-003");
    expect(row.caseId).toBe(kase.id);
    expect(row.agencyId).toBe(kase.respondentAgencyId);
    expect(row.templateVersionId).toBeTruthy();
    const snapshot = JSON.parse(row.snapshot!) as { kind: string; templateVersionId: string; context: { number: string; issuedOn: string }; values: Record<string, unknown>; generatedAt: string };
    expect(snapshot).toMatchObject({ kind: "recommendation", templateVersionId: row.templateVersionId, context: { number: rec.number, issuedOn: "2022-06-20" } });
    expect(snapshot.values.doc_number).toBe(rec.number);
    expect(snapshot.values.issued_on).toBe("2022年6月20日");

    const bytes = await readStoredBytes(row.sha256);
    expect(sha256(bytes)).toBe(row.sha256);
    expect(Number(row.size)).toBe(bytes.length);
    const docx = readDocx(bytes);
    expect(docx.text).toContain(rec.number!);
    expect(docx.text).toContain("桂阳县人民检察院");
    expect(docx.text).not.toContain("{{");

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "document.issue", entityId: doc.id } });
    expect(JSON.parse(audit.data!)).toMatchObject({ kind: "recommendation", number: rec.number, sha256: row.sha256 });

    // Regenerated from the snapshot with the stored template version: the same SHA-256.
    const again = await regenerateDocument(row);
    expect(again.sha256).toBe(row.sha256);
  });

  test("a numbered document issued twice is refused with 409 naming the existing one", async () => {
    const rec = await recommendationOf("2022-行公-004");
    const first = await issueDocument({ procuratorateId: gui.id, actorId: prosecutorId, kind: "recommendation", subjectId: rec.id });
    const count = await prisma.generatedDocument.count();
    const error = await issueDocument({ procuratorateId: gui.id, actorId: prosecutorId, kind: "recommendation", subjectId: rec.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentAlreadyIssuedError);
    expect((error as DocumentAlreadyIssuedError).status).toBe(409);
    expect((error as DocumentAlreadyIssuedError).existing).toMatchObject({ id: first.id, number: rec.number });
    expect(await prisma.generatedDocument.count()).toBe(count);

    // Through the form: 409 with the existing document in the answer.
    const res = await callAction(issueAction, request("/documents/issue", { cookie: await cookieFor("prosecutor"), form: { kind: "recommendation", subjectId: rec.id } }));
    expect(res.status).toBe(409);
    expect(res.kind === "data" && (res.data as { existing: { id: string } }).existing.id).toBe(first.id);
  });

  test("a kind with a configured code takes the allocator's next 文号 inside the issue; without a code it is issued unnumbered", async () => {
    const kase = await caseByNumber("2026-行公-007");
    const year = 2026;
    // Unnumbered first: no code for 立案决定书 in the seed (no code is invented).
    const unnumbered = await issueDocument({ procuratorateId: gui.id, actorId: prosecutorId, kind: "filing_decision", subjectId: kase.id, issuedOn: "2026-11-21" });
    expect(unnumbered.number).toBeNull();
    const row = await prisma.generatedDocument.findUniqueOrThrow({ where: { id: unnumbered.id } });
    expect((JSON.parse(row.snapshot!) as { values: Record<string, string> }).values.doc_number).toBe("");

    // With a code: another filed case takes 桂检行公立〔2026〕1号 and the counter moves to 1.
    await prisma.documentNumberCode.create({ data: { procuratorateId: gui.id, kind: "filing_decision", code: "行公立" } });
    const other = await caseByNumber("2026-行公-005");
    const preview = await previewDocument({ procuratorateId: gui.id, kind: "filing_decision", subjectId: other.id, issuedOn: "2026-11-21" });
    expect(preview.number).toEqual({ number: `桂检行公立〔${year}〕1号`, source: "allocator" });
    // The preview took nothing.
    expect(await prisma.documentNumberCounter.findFirst({ where: { procuratorateId: gui.id, code: "行公立" } })).toBeNull();
    const numbered = await issueDocument({ procuratorateId: gui.id, actorId: prosecutorId, kind: "filing_decision", subjectId: other.id, issuedOn: "2026-11-21" });
    expect(numbered.number).toBe(`桂检行公立〔${year}〕1号`);
    const counter = await prisma.documentNumberCounter.findFirstOrThrow({ where: { procuratorateId: gui.id, code: "行公立", year } });
    expect(counter.last).toBe(1);
    const text = readDocx(await readStoredBytes(numbered.sha256)).text;
    expect(text).toContain(`桂检行公立〔${year}〕1号`);
  });

  test("an agency-facing document never holds the clue's informant", async () => {
    const kase = await caseByNumber("2026-行公-002");
    const clue = await prisma.clue.findUniqueOrThrow({ where: { id: kase.clueId! }, select: { informantName: true, informantPhone: true } });
    expect(clue.informantName).toBeTruthy();
    const doc = await issueDocument({ procuratorateId: gui.id, actorId: prosecutorId, kind: "filing_decision", subjectId: kase.id });
    const row = await prisma.generatedDocument.findUniqueOrThrow({ where: { id: doc.id } });
    // Served on the agency with a 送达回证 (规则 Art 70): addressed, not yet visible.
    expect(row.agencyId).toBe(kase.respondentAgencyId);
    expect(row.agencyVisible).toBe(false);
    const bytes = await readStoredBytes(row.sha256);
    const text = readDocx(bytes).text;
    expect(text).not.toContain(clue.informantName);
    expect(Buffer.from(bytes).includes(Buffer.from(clue.informantName!))).toBe(false);
    expect(row.snapshot).not.toContain(clue.informantName);
    if (clue.informantPhone) expect(row.snapshot).not.toContain(clue.informantPhone);
  });

  test("a subject of another procuratorate answers 404 and writes nothing", async () => {
    const chen = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "郴" } });
    const theirs = await prisma.recommendation.findFirstOrThrow({ where: { procuratorateId: chen.id, number: { not: null } }, select: { id: true } });
    const count = await prisma.generatedDocument.count();
    const res = await callAction(issueAction, request("/documents/issue", { cookie: await cookieFor("prosecutor"), form: { kind: "recommendation", subjectId: theirs.id } }));
    expect(res.status).toBe(404);
    expect(await prisma.generatedDocument.count()).toBe(count);
  });

  test("a document that cannot be made yet answers 409 with the loader's message", async () => {
    const draft = await prisma.recommendation.findFirst({ where: { procuratorateId: gui.id, status: { in: ["draft", "pending_approval"] } }, select: { id: true } });
    const kase = draft ? null : await caseByNumber("2026-行公-005");
    const form = draft ? { kind: "recommendation", subjectId: draft.id } : { kind: "suspension_decision", subjectId: kase!.id };
    const res = await callAction(issueAction, request("/documents/issue", { cookie: await cookieFor("prosecutor"), form }));
    expect(res.status).toBe(409);
    const errors = res.kind === "data" ? JSON.stringify(res.data) : "";
    expect(errors).toMatch(/documents(Hearing|Case)\.error\./);
  });

  test("the approver may not issue (403); bad input answers 400", async () => {
    const rec = await recommendationOf("2022-行公-005");
    expect((await callAction(issueAction, request("/documents/issue", { cookie: await cookieFor("chief"), form: { kind: "recommendation", subjectId: rec.id } }))).status).toBe(403);
    expect((await callAction(issueAction, request("/documents/issue", { cookie: await cookieFor("prosecutor"), form: { kind: "no_such_kind", subjectId: rec.id } }))).status).toBe(400);
  });
});

describe("downloading and verifying a document", () => {
  let visible: { id: string; sha256: string; agencyId: string | null };
  let internal: { id: string };

  beforeAll(async () => {
    // Addressed to 桂阳县城市管理和综合执法局, the demo liaison's agency.
    const rec = await recommendationOf("2022-行公-003");
    const doc = await prisma.generatedDocument.findFirst({ where: { kind: "recommendation", subjectId: rec.id } });
    visible = doc ?? (await prisma.generatedDocument.findUniqueOrThrow({
      where: { id: (await issueDocument({ procuratorateId: gui.id, actorId: prosecutorId, kind: "recommendation", subjectId: rec.id })).id },
    }));
    // An internal document: 不立案决定书 is not for the agency.
    const clue = await prisma.clue.findFirst({ where: { procuratorateId: gui.id, status: "not_filed" }, select: { id: true } });
    internal = clue
      ? await issueDocument({ procuratorateId: gui.id, actorId: prosecutorId, kind: "not_filing_decision", subjectId: clue.id })
      : await prisma.generatedDocument.create({
          data: { procuratorateId: gui.id, kind: "closure_decision", title: "内部文书", sha256: visible.sha256, size: 1n, createdById: prosecutorId },
        });
  });

  const get = async (cookie: string | null, id: string) => callLoader(downloadLoader, request(`/documents/${id}`, { cookie }), { documentId: id });

  test("staff of the procuratorate get the .docx as an attachment with its Chinese name", async () => {
    const res = await get(await cookieFor("prosecutor"), visible.id);
    expect(res.status).toBe(200);
    expect(headersOf(res).get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(headersOf(res).get("X-Content-Type-Options")).toBe("nosniff");
    const disposition = headersOf(res).get("Content-Disposition")!;
    expect(disposition).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toContain("检察建议书");
    const body = res.kind === "response" ? new Uint8Array(await res.body.arrayBuffer()) : new Uint8Array();
    expect(sha256(body)).toBe(visible.sha256);
    expect((await get(await cookieFor("chief"), visible.id)).status).toBe(200);
  });

  test("the liaison of the addressed agency gets the document once served (404 before), and 404 for an internal one", async () => {
    const liaison = await prisma.user.findUniqueOrThrow({ where: { username: "agency" } });
    expect(liaison.agencyId).toBe(visible.agencyId);
    expect((await get(await cookieFor("agency"), visible.id)).status).toBe(404);
    // The recommendation was served before its letter was issued here: the letter is served as a document.
    const kase = await caseByNumber("2022-行公-003");
    await recordDocumentService(gui.id, prosecutorId, kase.id, documentServiceFieldsSchema("2099-12-31").parse({
      intent: "serveDocument",
      documentId: visible.id,
      method: "direct",
      servedOn: "2022-06-21",
      place: "县城管局",
      recipient: "桂阳县城市管理和综合执法局",
      signedBy: "收文员",
      serverName: "送达人",
    }));
    expect((await get(await cookieFor("agency"), visible.id)).status).toBe(200);
    expect((await get(await cookieFor("agency"), internal.id)).status).toBe(404);
  });

  test("everyone else gets 404: another agency's liaison, a panelist, an administrator, another procuratorate, a guessed id", async () => {
    const otherLiaison = await createUser({ role: "agency", procuratorateId: gui.id });
    const chen = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "郴" } });
    const otherProsecutor = await createUser({ role: "prosecutor", procuratorateId: chen.id });
    expect((await get(await cookieForUserId(otherLiaison.id), visible.id)).status).toBe(404);
    expect((await get(await cookieFor("panelist"), visible.id)).status).toBe(404);
    expect((await get(await cookieFor("admin"), visible.id)).status).toBe(404);
    expect((await get(await cookieForUserId(otherProsecutor.id), visible.id)).status).toBe(404);
    expect((await get(await cookieFor("prosecutor"), "cl0000000000000000000000")).status).toBe(404);
    expect(locationOf(await get(null, visible.id))).toMatch(/^\/login/);
  });

  test("regenerate and verify: the same SHA-256, the regenerated bytes offered; a changed store copy is still verified from the snapshot", async () => {
    const cookie = await cookieFor("prosecutor");
    const res = await callAction(verifyAction, request(`/documents/${visible.id}/verify`, { cookie, form: {} }), { documentId: visible.id });
    expect(res.status).toBe(200);
    expect(res.kind === "data" && res.data).toMatchObject({ identical: true, stored: visible.sha256, regenerated: visible.sha256 });
    // The store lost the file: the download 404s, the regenerated bytes are still offered.
    const file = pathForHash(visible.sha256);
    const saved = await fs.promises.readFile(file);
    await fs.promises.rm(file);
    try {
      expect((await get(cookie, visible.id)).status).toBe(404);
      const regenerated = await callLoader(regeneratedLoader, request(`/documents/${visible.id}/verify`, { cookie }), { documentId: visible.id });
      expect(regenerated.status).toBe(200);
      const body = regenerated.kind === "response" ? new Uint8Array(await regenerated.body.arrayBuffer()) : new Uint8Array();
      expect(sha256(body)).toBe(visible.sha256);
    } finally {
      await fs.promises.writeFile(file, saved);
    }
  });

  test("a regeneration that differs is an error naming both hashes, never silently different", async () => {
    const row = await prisma.generatedDocument.findUniqueOrThrow({ where: { id: visible.id } });
    const snapshot = JSON.parse(row.snapshot!) as { values: Record<string, unknown> };
    snapshot.values.procuratorate = "某某县人民检察院";
    const tampered = await prisma.generatedDocument.create({
      data: { ...row, id: undefined, number: null, snapshot: JSON.stringify(snapshot), createdAt: undefined },
    });
    const res = await callAction(verifyAction, request(`/documents/${tampered.id}/verify`, { cookie: await cookieFor("prosecutor"), form: {} }), { documentId: tampered.id });
    expect(res.status).toBe(409);
    const data = res.kind === "data" ? (res.data as { identical: boolean; stored: string; regenerated: string }) : null;
    expect(data?.identical).toBe(false);
    expect(data?.stored).toBe(row.sha256);
    expect(data?.regenerated).toMatch(/^[0-9a-f]{64}$/);
    expect(data?.regenerated).not.toBe(row.sha256);
    const get409 = await callLoader(regeneratedLoader, request(`/documents/${tampered.id}/verify`, { cookie: await cookieFor("prosecutor") }), { documentId: tampered.id });
    expect(get409.status).toBe(409);
    const text = get409.kind === "response" ? await get409.body.text() : "";
    expect(text).toContain(row.sha256);
    expect(text).toContain(data!.regenerated);
  });
});

describe("a numbered decision is once per decision, not once per case (规则 Art 78)", () => {
  test("an unnumbered earlier issue never blocks the numbered one; a second suspension takes its own 文号; the same suspension twice is refused", async () => {
    const kase = await prisma.case.findFirstOrThrow({ where: { title: { contains: "舂陵江河道非法采砂" }, procuratorateId: gui.id }, select: { id: true } });
    const issue = (issuedOn: string) => issueDocument({ procuratorateId: gui.id, actorId: prosecutorId, kind: "suspension_decision", subjectId: kase.id, issuedOn });
    // No code yet: issued unnumbered.
    const unnumbered = await issue("2026-11-20");
    expect(unnumbered.number).toBeNull();
    // A code configured: the unnumbered one does not block the numbered decision.
    await prisma.documentNumberCode.create({ data: { procuratorateId: gui.id, kind: "suspension_decision", code: "行公中" } });
    const first = await issue("2026-11-21");
    expect(first.number).toBe("桂检行公中〔2026〕1号");
    // The same suspension again: refused, naming the numbered one.
    const again = await issue("2026-11-21").catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DocumentAlreadyIssuedError);
    expect((again as DocumentAlreadyIssuedError).existing.id).toBe(first.id);
    // A second suspension of the same case (a later approved transition into suspended): its own decision and 文号.
    const earlier = await prisma.caseTransition.findFirstOrThrow({ where: { caseId: kase.id, toState: "suspended", approvalId: { not: null } }, orderBy: { at: "desc" } });
    await prisma.caseTransition.create({
      data: { caseId: kase.id, fromState: earlier.fromState, toState: "suspended", actorId: earlier.actorId, approvalId: earlier.approvalId, reason: "第二次中止", at: new Date("2026-11-25T02:00:00Z") },
    });
    const second = await issue("2026-11-25");
    expect(second.number).toBe("桂检行公中〔2026〕2号");
    const row = await prisma.generatedDocument.findUniqueOrThrow({ where: { id: second.id } });
    expect((JSON.parse(row.snapshot!) as { values: Record<string, string> }).values.suspended_on).toBe("2026年11月25日");
  });
});

describe("a hearing notice reaches the agency it is addressed to", () => {
  test("in a series hearing, agency A's liaison gets A's notice and 404 for B's", async () => {
    const participants = await prisma.hearingParticipant.findMany({
      where: { hearing: { procuratorateId: gui.id }, kind: "agency_representative", agencyId: { not: null } },
      select: { id: true, hearingId: true, agencyId: true },
    });
    const byHearing = new Map<string, typeof participants>();
    for (const p of participants) byHearing.set(p.hearingId, [...(byHearing.get(p.hearingId) ?? []), p]);
    const [a, b] = [...byHearing.values()].map((ps) => [...new Map(ps.map((p) => [p.agencyId, p])).values()]).find((ps) => ps.length >= 2)!;
    expect(a!.agencyId).not.toBe(b!.agencyId);
    const noticeA = await issueDocument({ procuratorateId: gui.id, actorId: prosecutorId, kind: "hearing_notice", subjectId: a!.id });
    const noticeB = await issueDocument({ procuratorateId: gui.id, actorId: prosecutorId, kind: "hearing_notice", subjectId: b!.id });
    expect(await prisma.generatedDocument.findUniqueOrThrow({ where: { id: noticeA.id }, select: { agencyId: true, agencyVisible: true } })).toEqual({ agencyId: a!.agencyId, agencyVisible: true });
    expect(await prisma.generatedDocument.findUniqueOrThrow({ where: { id: noticeB.id }, select: { agencyId: true } })).toEqual({ agencyId: b!.agencyId });

    const liaisonA = await createUser({ role: "agency", procuratorateId: gui.id });
    await prisma.user.update({ where: { id: liaisonA.id }, data: { agencyId: a!.agencyId } });
    const cookie = await cookieForUserId(liaisonA.id);
    const get = (id: string) => callLoader(downloadLoader, request(`/documents/${id}`, { cookie }), { documentId: id });
    expect((await get(noticeA.id)).status).toBe(200);
    expect((await get(noticeB.id)).status).toBe(404);
  });
});

describe("regeneration renders from the snapshot's fields, not today's definitions", () => {
  test("after a table column's label and width change, the regenerated document has the same SHA-256", async () => {
    const kase = await prisma.case.findFirstOrThrow({ where: { title: { contains: "舂陵江河道非法采砂" }, procuratorateId: gui.id }, select: { id: true } });
    const doc = await issueDocument({ procuratorateId: gui.id, actorId: prosecutorId, kind: "evidence_list", subjectId: kase.id });
    const row = await prisma.generatedDocument.findUniqueOrThrow({ where: { id: doc.id } });
    const snapshot = JSON.parse(row.snapshot!) as { fields: { name: string; columns?: { label: { zh: string } }[] }[] };
    const table = definitionOf("evidence_list").fields.find((f) => f.type === "table")!;
    expect(snapshot.fields.find((f) => f.name === table.name)?.columns?.[0]?.label.zh).toBe(table.columns![0]!.label.zh);
    const column = table.columns![0]!;
    const saved = { label: column.label, width: column.width };
    try {
      column.label = { zh: "改过的列名", en: "Changed" };
      column.width = saved.width + 7;
      const again = await regenerateDocument(row);
      expect(again.sha256).toBe(row.sha256);
    } finally {
      Object.assign(column, saved);
    }
  });
});

describe("a candidate is ready only when it can be issued", () => {
  test("a blank required value shows as missing by its label, and the issue answers 409 naming it", async () => {
    const kase = await prisma.case.findFirstOrThrow({ where: { title: { contains: "舂陵江河道非法采砂" }, procuratorateId: gui.id }, select: { id: true } });
    const suspended = await prisma.caseTransition.findFirstOrThrow({ where: { caseId: kase.id, toState: "suspended", approvalId: { not: null } }, orderBy: { at: "desc" } });
    // A later suspension (its own decision) whose cause nobody wrote down.
    await prisma.caseTransition.create({
      data: { caseId: kase.id, fromState: suspended.fromState, toState: "suspended", actorId: suspended.actorId, approvalId: suspended.approvalId, reason: null, at: new Date("2026-11-28T02:00:00Z") },
    });
    await prisma.approval.update({ where: { id: suspended.approvalId! }, data: { payload: null } });
    const panel = await caseDocumentsPanel(gui.id, kase.id);
    const candidate = panel.candidates.find((c) => c.kind === "suspension_decision")!;
    expect(candidate.blocked).toBeNull();
    expect(candidate.missing).toEqual([{ zh: "中止审查的原因（客观障碍）", en: "Why review is suspended (the objective cause)" }]);
    expect(panel.candidates.find((c) => c.kind === "filing_decision")?.missing).toEqual([]);

    const res = await callAction(issueAction, request("/documents/issue", { cookie: await cookieFor("prosecutor"), form: { kind: "suspension_decision", subjectId: kase.id } }));
    expect(res.status).toBe(409);
    expect(res.kind === "data" && (res.data as { missing: unknown }).missing).toEqual(candidate.missing);
  });

  test("the hearing's documents list no 听证通知书 for an observer", async () => {
    const hearing = await prisma.hearing.findFirstOrThrow({ where: { procuratorateId: gui.id, participants: { some: {} } }, select: { id: true } });
    const observer = await prisma.hearingParticipant.create({ data: { hearingId: hearing.id, kind: "observer", organisation: "县人大代表", name: "旁听人甲" } });
    const panel = await hearingDocumentsPanel(gui.id, hearing.id);
    expect(panel.candidates.some((c) => c.subjectType === "hearing_participant")).toBe(true);
    expect(panel.candidates.some((c) => c.subjectId === observer.id)).toBe(false);
  });
});

describe("the PDF preview's refusals", () => {
  test("answer a message in the user's language, never a message key", async () => {
    const chen = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "郴" } });
    const theirs = await prisma.recommendation.findFirstOrThrow({ where: { procuratorateId: chen.id, number: { not: null } }, select: { id: true } });
    const kase = await caseByNumber("2026-行公-005");
    for (const [cookieLocale, pattern] of [[null, /[\u4e00-\u9fff]/], ["en", /^[^\u4e00-\u9fff]+$/]] as const) {
      const cookie = `${await cookieFor("prosecutor")}${cookieLocale ? `; procura_locale=${cookieLocale}` : ""}`;
      for (const url of [`/documents/preview.pdf?kind=recommendation&subject=${theirs.id}`, `/documents/preview.pdf?kind=complaint&subject=${kase.id}`, "/documents/preview.pdf?kind=nope&subject=x"]) {
        const res = await callLoader(pdfPreviewLoader, request(url, { cookie }));
        expect(res.status).toBeGreaterThanOrEqual(400);
        const body = res.kind === "response" ? await res.body.text() : JSON.stringify(res);
        expect(body).not.toMatch(/^[a-zA-Z]+\.[a-zA-Z0-9.]+$/);
        expect(body).toMatch(pattern);
      }
    }
  });
});

describe("downloads and previews are in the case's log", () => {
  test("a download records the document's case; an HTML preview records a view event on the case", async () => {
    const rec = await recommendationOf("2022-行公-006");
    const kase = await caseByNumber("2022-行公-006");
    const doc = await issueDocument({ procuratorateId: gui.id, actorId: prosecutorId, kind: "recommendation", subjectId: rec.id });
    const cookie = await cookieFor("prosecutor");
    expect((await callLoader(downloadLoader, request(`/documents/${doc.id}`, { cookie }), { documentId: doc.id })).status).toBe(200);
    const download = await prisma.auditEvent.findFirstOrThrow({ where: { action: "document.download", entityId: doc.id } });
    expect(download.caseId).toBe(kase.id);

    const res = await callLoader(htmlPreviewLoader, request(`/documents/preview?kind=filing_decision&subject=${kase.id}`, { cookie }));
    expect(res.status).toBe(200);
    const view = await prisma.auditEvent.findFirstOrThrow({ where: { action: "document.preview.view", entityId: kase.id } });
    expect(view.caseId).toBe(kase.id);
    expect(JSON.parse(view.data!)).toMatchObject({ kind: "filing_decision", format: "html" });
  });
});
