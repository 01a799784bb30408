import { beforeAll, describe, expect, test } from "vitest";
import { newRecommendation } from "#tests/authz/agency-reply";
import { callAction, callLoader, cookieFor, createUser, request } from "#tests/factories";
import { documentServiceFieldsSchema, serviceFieldsSchema } from "~/domain/recommendation/service-schemas";
import { agencyDocumentsPage, countAgencyDocuments } from "~/models/agency-portal.server";
import { refreshCaseDeadlines } from "~/models/deadline.server";
import { caseDocumentsPanel, issueDocument } from "~/models/document.server";
import { recordDocumentService, recordRecommendationService, servableDocuments } from "~/models/service.server";
import * as serveRoute from "~/routes/_staff.cases.$caseId.serve";
import * as serviceTab from "~/routes/_staff.cases.$caseId.service";
import { prisma } from "~/utils/db.server";

// Issue 11 item 1 ("each other served document"): a document served with a 送达回证 is addressed to
// the agency at issue but released to it only when its service is recorded; the service of a
// recommendation links and releases its issued 检察建议书; another issued document is served from
// the same form, once; documents of another case or procuratorate are 404.

let gui: string;
let prosecutorId: string;

beforeAll(async () => {
  gui = (await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" }, select: { id: true } })).id;
  prosecutorId = (await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" } })).id;
});

const details = { method: "direct", servedOn: "2026-11-20", place: "县政府", recipient: "测试机关", signedBy: "王某", serverName: "李检察官" };
const serveRec = (recommendationId: string) => serviceFieldsSchema("2099-12-31").parse({ intent: "serve", recommendationId, ...details });
const serveDoc = (documentId: string) => documentServiceFieldsSchema("2099-12-31").parse({ intent: "serveDocument", documentId, ...details });

/** A case against a fresh agency, filed (so its 立案决定书 can be issued), with an approved recommendation. */
async function fixture() {
  const r = await newRecommendation(prisma, gui, { leadId: prosecutorId });
  const tag = r.caseId.slice(-8);
  await prisma.case.update({ where: { id: r.caseId }, data: { number: `送达-${tag}`, filedOn: "2026-11-02" } });
  await prisma.caseTransition.create({ data: { caseId: r.caseId, fromState: "clue", toState: "filed", actorId: prosecutorId, reason: "经审查决定立案", at: new Date("2026-11-02T02:00:00Z") } });
  const liaison = await createUser({ role: "agency", procuratorateId: gui });
  await prisma.user.update({ where: { id: liaison.id }, data: { agencyId: r.agencyId } });
  return { ...r, scope: { procuratorateId: gui, agencyId: r.agencyId } };
}

const issue = (kind: "recommendation" | "filing_decision", subjectId: string) =>
  issueDocument({ procuratorateId: gui, actorId: prosecutorId, kind, subjectId, issuedOn: "2026-11-10" });

describe("the release rule at issue", () => {
  test("a 立案决定书 is addressed to the agency but not visible until served; the documents tab says so", async () => {
    const f = await fixture();
    const doc = await issue("filing_decision", f.caseId);
    const row = await prisma.generatedDocument.findUniqueOrThrow({ where: { id: doc.id } });
    expect(row).toMatchObject({ agencyId: f.agencyId, agencyVisible: false });
    const panel = await caseDocumentsPanel(gui, f.caseId);
    expect(panel.issued.find((d) => d.id === doc.id)).toMatchObject({ agencyVisible: false, awaitingService: true });
    expect(await countAgencyDocuments(f.scope)).toBe(0);
    expect((await agencyDocumentsPage(f.scope, null)).items).toEqual([]);
  });
});

describe("serving a recommendation releases its issued letter", () => {
  test("Service.documentId names the letter, which becomes visible, audited, in the portal's documents", async () => {
    const f = await fixture();
    const letter = await issue("recommendation", f.recommendationId);
    expect(letter.agencyVisible).toBe(false);
    // A letter is served with its recommendation, not on its own (it starts the reply clock).
    expect((await servableDocuments(gui, f.caseId)).map((d) => d.id)).not.toContain(letter.id);
    await expect(recordDocumentService(gui, prosecutorId, f.caseId, serveDoc(letter.id))).rejects.toMatchObject({
      status: 409,
      messageKey: "agencyReply.service.serveRecommendationFirst",
    });

    const out = await recordRecommendationService(gui, prosecutorId, f.caseId, serveRec(f.recommendationId));
    expect(out.document).toEqual({ id: letter.id, title: letter.title });
    const service = await prisma.service.findFirstOrThrow({ where: { recommendationId: f.recommendationId } });
    expect(service).toMatchObject({ documentId: letter.id, documentKind: "recommendation", agencyId: f.agencyId });
    expect((await prisma.generatedDocument.findUniqueOrThrow({ where: { id: letter.id } })).agencyVisible).toBe(true);
    const release = await prisma.auditEvent.findFirstOrThrow({ where: { action: "document.release", entityId: letter.id } });
    expect(JSON.parse(release.data!)).toMatchObject({ before: { agencyVisible: false }, after: { agencyVisible: true }, serviceId: service.id });
    const serve = await prisma.auditEvent.findFirstOrThrow({ where: { action: "recommendation.serve", entityId: f.recommendationId } });
    expect(JSON.parse(serve.data!)).toMatchObject({ documentId: letter.id });

    // The portal lists the served letter once, downloadable; the count agrees.
    const page = await agencyDocumentsPage(f.scope, null);
    expect(page.items.map((d) => d.documentId)).toEqual([letter.id]);
    expect(await countAgencyDocuments(f.scope)).toBe(1);
  });
});

describe("serving another issued document", () => {
  test("sets the service's document fields, releases it, meets its deadline, audits; a second service is 409 and writes nothing", async () => {
    const f = await fixture();
    const doc = await issue("filing_decision", f.caseId);
    await refreshCaseDeadlines(prisma, gui, f.caseId);
    expect(await prisma.deadline.findFirst({ where: { procuratorateId: gui, key: `filing_decision_service:${f.caseId}` } })).not.toBeNull();
    expect((await servableDocuments(gui, f.caseId)).map((d) => ({ id: d.id, kind: d.kind, number: d.number }))).toEqual([
      { id: doc.id, kind: "filing_decision", number: doc.number },
    ]);
    const cookie = await cookieFor("prosecutor");
    const form = { intent: "serveDocument", documentId: doc.id, ...details };
    // 留置 without a witness: 400, nothing written.
    const bad = await callAction(serveRoute.action, request(`/cases/${f.caseId}/serve`, { cookie, form: { ...form, method: "leaving", signedBy: "", refusalReason: "拒收" } }), { caseId: f.caseId });
    expect(bad.status).toBe(400);
    expect(await prisma.service.count({ where: { documentId: doc.id } })).toBe(0);

    const ok = await callAction(serveRoute.action, request(`/cases/${f.caseId}/serve`, { cookie, form }), { caseId: f.caseId });
    expect(ok.status).toBe(200);
    expect(ok.kind === "data" && ok.data).toMatchObject({ served: { document: { id: doc.id }, agencyId: f.agencyId, hasLiaison: true } });
    const service = await prisma.service.findFirstOrThrow({ where: { documentId: doc.id } });
    expect(service).toMatchObject({ caseId: f.caseId, documentKind: "filing_decision", documentNumber: doc.number, agencyId: f.agencyId, recommendationId: null, signedBy: "王某" });
    expect((await prisma.generatedDocument.findUniqueOrThrow({ where: { id: doc.id } })).agencyVisible).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "document.serve", entityId: doc.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "document.release", entityId: doc.id } })).toBe(1);
    // The 7-day clock of the 立案决定书's service (规则 Art 70) is met by it.
    expect(await prisma.deadline.findFirst({ where: { procuratorateId: gui, key: `filing_decision_service:${f.caseId}` } })).toBeNull();
    expect(await servableDocuments(gui, f.caseId)).toEqual([]);

    // Twice: 409 with its message, nothing written.
    const again = await callAction(serveRoute.action, request(`/cases/${f.caseId}/serve`, { cookie, form }), { caseId: f.caseId });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.kind === "data" ? again.data : null)).toContain("agencyReply.service.documentAlreadyServed");
    expect(await prisma.service.count({ where: { documentId: doc.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "document.serve", entityId: doc.id } })).toBe(1);

    // The portal: one service row with its document, the count agrees.
    const page = await agencyDocumentsPage(f.scope, null);
    expect(page.items).toEqual([expect.objectContaining({ kind: "filing_decision", documentId: doc.id, servedOn: "2026-11-20", method: "direct" })]);
    expect(await countAgencyDocuments(f.scope)).toBe(1);

    // The service tab shows the service with its document.
    const tab = await callLoader(serviceTab.loader, request(`/cases/${f.caseId}/service`, { cookie }), { caseId: f.caseId });
    expect(tab.kind === "data" && JSON.stringify(tab.data)).toContain(`"document":{"id":"${doc.id}"`);
  });

  test("two services of one document at once: one is recorded, the other is refused", async () => {
    const f = await fixture();
    const doc = await issue("filing_decision", f.caseId);
    const results = await Promise.allSettled([
      recordDocumentService(gui, prosecutorId, f.caseId, serveDoc(doc.id)),
      recordDocumentService(gui, prosecutorId, f.caseId, serveDoc(doc.id)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409 });
    expect(await prisma.service.count({ where: { documentId: doc.id } })).toBe(1);
  });

  test("a document of another case or another procuratorate is 404; an internal one is refused", async () => {
    const [f, g] = await Promise.all([fixture(), fixture()]);
    const docG = await issue("filing_decision", g.caseId);
    await expect(recordDocumentService(gui, prosecutorId, f.caseId, serveDoc(docG.id))).rejects.toMatchObject({ status: 404 });
    const cookie = await cookieFor("prosecutor");
    const viaRoute = await callAction(serveRoute.action, request(`/cases/${f.caseId}/serve`, { cookie, form: { intent: "serveDocument", documentId: docG.id, ...details } }), { caseId: f.caseId });
    expect(viaRoute.status).toBe(404);
    const chen = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "郴" }, select: { id: true } });
    await expect(recordDocumentService(chen.id, prosecutorId, g.caseId, serveDoc(docG.id))).rejects.toMatchObject({ status: 404 });
    expect(await prisma.service.count({ where: { documentId: docG.id } })).toBe(0);

    const internal = await prisma.generatedDocument.create({
      data: { procuratorateId: gui, caseId: f.caseId, kind: "evidence_list", title: "证据清单", sha256: "0".repeat(64), size: 1n, createdById: prosecutorId },
    });
    await expect(recordDocumentService(gui, prosecutorId, f.caseId, serveDoc(internal.id))).rejects.toMatchObject({
      status: 409,
      messageKey: "agencyReply.service.documentNotServed",
    });
  });
});
